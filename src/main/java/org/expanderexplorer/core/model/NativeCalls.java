package org.expanderexplorer.core.model;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs the calls into ND4J's native code (inference, training steps) one at a time, and keeps the process from
 * exiting in the middle of one.
 *
 * <p>Why: the window runs several evaluations at once on daemon threads (the live accuracy, the curve, the dense
 * accuracy). When the JVM exits, the C library's exit handlers free OpenBLAS's and libnd4j's static buffers while
 * such a thread may still be inside a matrix product, which crashed the process (SIGSEGV in sgemm) at the end of
 * a test and would do so when the window is closed during an evaluation. A shutdown hook therefore waits for the
 * call in progress (up to {@link #EXIT_WAIT_SECONDS}) and then holds the lock, so no new call starts. On 2 cores
 * the calls gain nothing from running together. The lock is fair and held per call (per chunk of a batch, per
 * training step), so a long job does not starve a short one.
 */
final class NativeCalls {

    /** How long the exit waits for a native call in progress. */
    static final long EXIT_WAIT_SECONDS = 30;

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                LOCK.tryLock(EXIT_WAIT_SECONDS, TimeUnit.SECONDS); // never released: the process is ending
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "native-calls-at-exit"));
    }

    private NativeCalls() {
    }

    /** Runs {@code work} while no other native call runs. */
    static <T> T call(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs {@code work} while no other native call runs. */
    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
