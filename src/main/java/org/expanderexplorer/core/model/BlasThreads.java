package org.expanderexplorer.core.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The number of threads ND4J's BLAS uses. On a 2-core machine one thread is faster for these small recurrent
 * models (a second thread mostly waits; see docs/decisions/0009), and in the window it leaves a core for drawing.
 */
public final class BlasThreads {

    private BlasThreads() {
    }

    /** Sets the BLAS thread count (initialises ND4J's backend on first use, which takes a second or two). */
    public static void set(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("BLAS threads must be 1 .. 64, got " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
