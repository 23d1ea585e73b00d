package org.expanderexplorer.core.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads ND4J computes with: the OpenBLAS threads of its matrix products and the threads of libnd4j's
 * own parallel loops (its "master threads", used by the fused LSTM operation). Both are process-wide.
 *
 * <p>On a 2-core machine one thread is faster for these small recurrent models: a second thread mostly waits for
 * a core, and OpenMP/OpenBLAS threads spin while they wait (docs/decisions/0009 and 0011). In the window it also
 * leaves a core for drawing. The results do not depend on the thread count.
 */
public final class Nd4jThreads {

    /** The default for inference, training and sweeps: 1 (measured best on 2 cores, see decision 0011). */
    public static final int DEFAULT = 1;

    private Nd4jThreads() {
    }

    /** The count last set, 0 before the first call. */
    private static int applied;

    /**
     * Sets both thread counts (initialises ND4J's backend on first use, which takes a second or two). Setting the
     * count already set does nothing: the BLAS binding finds its setter through the dynamic linker each time, which
     * must not run while another thread loads a library (see {@code ExplorerApp.launchApp}).
     */
    public static synchronized void set(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("ND4J threads must be 1 .. 64, got " + threads);
        }
        if (threads == applied) {
            return;
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        applied = threads;
    }

    /** The number of libnd4j master threads now in use. */
    public static int current() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
