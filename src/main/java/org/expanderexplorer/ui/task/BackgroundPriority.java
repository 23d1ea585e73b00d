package org.expanderexplorer.ui.task;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Lowers the operating-system priority of the calling thread, so that the JavaFX application and render threads
 * win the cores whenever both are wanted.
 *
 * <p>Why: on a 2-core machine the workers (inference, chart and graph drawing) keep both cores busy while the
 * slider moves, and the render thread, with its share of the CPU, painted a frame in 25-30 ms of CPU time but
 * 80-100 ms of wall-clock time. Java's thread priorities do not reach the Linux scheduler (HotSpot ignores them
 * unless run as root with {@code -XX:ThreadPriorityPolicy=1}), and the JDK has no call for it, so this calls the C
 * library's {@code setpriority} through JNA (already on the class path with ND4J). On Linux the nice value is
 * per thread and {@code who = 0} means the calling thread; raising it needs no privileges. Elsewhere, or if the
 * call fails, nothing changes.
 */
public final class BackgroundPriority {

    /** The nice value of worker threads (0 normal, 19 lowest): the scheduler gives a nice-0 thread about 10x more. */
    public static final int WORKER_NICE = 10;

    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /** The C library call used. */
    public interface CLibrary extends Library {
        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    private static final class Holder {
        static final CLibrary C = load();

        private static CLibrary load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                return (CLibrary) Native.loadLibrary("c", CLibrary.class);
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }
    }

    /**
     * Sets the calling thread's nice value to {@link #WORKER_NICE} (leaves it if it is already at least that).
     *
     * @return whether it took effect
     */
    public static boolean lowerCurrentThread() {
        CLibrary c = Holder.C;
        if (c == null) {
            return false;
        }
        try {
            // getpriority returns the nice value itself (-20 .. 19) from glibc; never raise priority
            if (c.getpriority(PRIO_PROCESS, 0) >= WORKER_NICE) {
                return true;
            }
            return c.setpriority(PRIO_PROCESS, 0, WORKER_NICE) == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The calling thread's nice value, or empty where it cannot be read. */
    public static java.util.OptionalInt currentNice() {
        CLibrary c = Holder.C;
        if (c == null) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(c.getpriority(PRIO_PROCESS, 0));
    }
}
