package org.expanderexplorer.core.io;

import java.nio.file.Path;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;

/**
 * Checks a size that a file declares (array shapes, layer widths, inflated archive sizes) against the memory this
 * Java process may still use, before anything of that size is allocated. A small file can declare gigabytes (a zip
 * bomb, a 7,000-unit LSTM in a 0.8 MB archive); without this check the allocation ends in an
 * {@link OutOfMemoryError} with a stack trace, after seconds of work. With it the user reads one line:
 * "needs about N MB, the heap allows M MB: run with -Xmx...".
 *
 * <p>The allowance is {@link Runtime#maxMemory()} minus the heap in use at the time of the check. ND4J's off-heap
 * buffers are bounded by the same figure by default (JavaCPP's {@code maxbytes} defaults to the maximum heap), so
 * one allowance serves both. Callers pass the bytes they expect to hold at the peak, i.e. the declared payload
 * times the number of copies their format needs (each reader states its factor). The estimate is deliberately
 * coarse: it exists to refuse what cannot work, not to predict what will.
 *
 * <p>Readers of other formats (PyTorch pickles, safetensors, ONNX) should call {@link #require} with the size their
 * header declares, times their own factor, before allocating.
 */
public final class HeapBudget {

    private static final long MB = 1L << 20;

    private HeapBudget() {
    }

    /** Bytes this process may still allocate on the heap (max heap minus what is in use now), at least 0. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        // totalMemory is the heap reserved so far, freeMemory the unused part of it; the heap may still grow to
        // maxMemory
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, rt.maxMemory() - used);
    }

    /** The largest heap this process may use ({@link Runtime#maxMemory()}). */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses {@code bytes} of work on {@code file} if it cannot fit: if {@code bytes} exceeds what is available now,
     * a full collection is asked for once (garbage of a previous load may still hold the space) before refusing.
     *
     * @param file  named in the message
     * @param bytes the estimated peak in bytes; negative means "too large to count" (an overflowed product)
     * @param what  what needs the memory, e.g. "an LSTM of 7000 units (196,000,000 parameters)"
     * @throws BadInputException "FILE: WHAT needs about N MB, the heap allows M MB: run with -Xmx...", when it
     *                           does not fit
     */
    public static void require(Path file, long bytes, String what) {
        Objects.requireNonNull(file, "file");
        if (bytes >= 0 && bytes <= available()) {
            return;
        }
        if (bytes >= 0) {
            // Only a request, but HotSpot's collectors honour it unless -XX:+DisableExplicitGC is set; one call per
            // refused
            // size, so the cost (tens of milliseconds) is paid only when a load is about to fail.
            System.gc();
            if (bytes <= available()) {
                return;
            }
        }
        throw BadInputException.inFile(file, message(bytes, what));
    }

    /** Whether {@code bytes} fit now, without collecting; for loops that check many small allocations cheaply. */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= available();
    }

    /** The one-line explanation used by {@link #require}, with the heap available now. */
    public static String message(long bytes, String what) {
        return message(bytes, what, available());
    }

    /**
     * The one-line explanation used by {@link #require}, with the heap that was available when the work started
     * ({@code allowedBytes}; by the time a streamed size is known to be too large, part of it is in use).
     */
    public static String message(long bytes, String what, long allowedBytes) {
        long allowed = allowedBytes / MB;
        // above 2^40 MB (an exabyte) the declared size can only be a corrupt or hostile header
        String needs = bytes < 0 || bytes / MB > 1L << 40 ? "more memory than any machine has"
                : "about " + String.format(java.util.Locale.ROOT, "%,d", Math.max(1, ceilMb(bytes))) + " MB";
        String advice = bytes < 0 || bytes / MB > 1L << 40 ? "the file is corrupt or not meant for this program"
                : "run with -Xmx" + suggestedHeap(bytes);
        return what + " needs " + needs + ", the heap allows " + String.format(java.util.Locale.ROOT, "%,d", allowed)
                + " MB: " + advice;
    }

    /** Multiplies sizes, returning -1 instead of overflowing (so a product of declared sizes can be checked). */
    public static long times(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return -1;
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return p;
    }

    private static long ceilMb(long bytes) {
        return (bytes + MB - 1) / MB;
    }

    /** A heap setting that would leave room: what is in use plus the need, rounded up to whole gigabytes. */
    private static String suggestedHeap(long bytes) {
        long used = max() - available();
        // -Xmx takes whole units; rounding up to gigabytes keeps the advice short and leaves a margin
        long gb = (used + bytes + (1L << 30) - 1) >> 30;
        return Math.max(1, gb) + "g";
    }
}
