package org.expanderexplorer.core.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the fast inference path ({@link CompiledNetwork}, the JDK's vector API) can run in this JVM. It needs the
 * incubator module {@code jdk.incubator.vector} in the boot layer, which a JVM resolves only when asked
 * ({@code --add-modules jdk.incubator.vector}; the launcher asks, decision 0025). Without it every caller takes
 * the Deeplearning4j path, which computes the same values, about three times slower.
 *
 * <p>This class touches no class of the module, so it is safe to load either way.
 */
public final class VectorInference {

    /** The module the fast path needs. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !Boolean.getBoolean("expander.noVectorApi");

    /** Calls of each kernel in the warm-up: enough for the JIT compiler to compile it (measured, decision 0024). */
    static final int WARM_UP_ROUNDS = 6000;

    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static final FutureTask<Void> WARM_UP = new FutureTask<>(() -> KernelWarmUp.run(WARM_UP_ROUNDS), null);

    private VectorInference() {
    }

    /**
     * Starts, once per JVM, a daemon thread that runs the kernels on tiny networks until the JIT compiler has
     * compiled them (a few hundred ms of one core). Why: the vector API is fast only in compiled code; the first
     * real evaluation would otherwise run for a second or more in the interpreter. Callers start it when a model
     * is about to be loaded, so that the warm-up overlaps the loading. Does nothing without the vector API.
     */
    public static void warmUpInBackground() {
        if (!AVAILABLE || !WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(WARM_UP, "inference-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The warm-up of {@link #warmUpInBackground()}, waited for (run here if nobody started it): before timing
     * the kernels. Does nothing without the vector API.
     */
    public static void warmUp() {
        if (!AVAILABLE) {
            return;
        }
        if (WARMING.compareAndSet(false, true)) {
            WARM_UP.run();
        }
        try {
            WARM_UP.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the inference warm-up failed", e.getCause());
        }
    }

    /**
     * True when the fast path can run: the module is there and the system property {@code expander.noVectorApi}
     * is not set to {@code true} (that switch exists to compare the two paths).
     */
    public static boolean available() {
        return AVAILABLE;
    }

    /** A short description for reports, e.g. {@code vector API, 16 float lanes} or {@code Deeplearning4j}. */
    public static String describe() {
        return AVAILABLE ? "vector API, " + VectorKernels.LANES + " float lanes, panels of " + VectorKernels.PANEL
                : "Deeplearning4j (the vector API module is not loaded)";
    }
}
