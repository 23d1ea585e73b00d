package org.expanderexplorer.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * Orders of indices by the values they point to, ties broken by index ascending (a stable order), for arrays of
 * tens of millions of entries (a 2048-unit LSTM's recurrent matrix has 16.8 M).
 *
 * <p>Why by hand: the JDK sorts primitive arrays but has no "sort indices by key" for primitives, and sorting
 * boxed {@code Integer} indices with a comparator took over 20 s and hundreds of MB for such a matrix. Here every
 * entry becomes one {@code long}: the high half is the value rounded to float and mapped to an int whose order is
 * the float order (rounding is monotone, so it never reverses two values), the low half is the index; then
 * {@code Arrays.sort(long[])}. Where rounding merged distinct doubles, that run is re-ordered exactly by
 * {@link Double#compare}; for weights that came from float32 models there are none. The resulting order is exactly
 * that of a stable sort by {@link Double#compare}. O(n log n); 8 bytes per entry of scratch; n &lt; 2^31.
 */
public final class IndexSort {

    private IndexSort() {
    }

    /** Indices of {@code values} (not modified) by value descending, ties by index ascending. */
    public static int[] descending(double[] values) {
        return order(values, true);
    }

    /** Indices of {@code values} (not modified) by value ascending, ties by index ascending. */
    public static int[] ascending(double[] values) {
        return order(values, false);
    }

    private static int[] order(double[] values, boolean descending) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int s = sortableFloat(values[i]);
            keys[i] = (long) (descending ? ~s : s) << 32 | i;
        }
        Arrays.sort(keys);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || keys[i] >>> 32 != keys[runStart] >>> 32) {
                if (i - runStart > 1) {
                    exactRun(out, runStart, i, values, descending);
                }
                runStart = i;
            }
        }
        return out;
    }

    /** An int whose signed order is the order of {@code (float) v} ({@link Float#compare}, NaN last). */
    static int sortableFloat(double v) {
        int bits = Float.floatToIntBits((float) v);
        return bits ^ (bits >> 31 & 0x7fffffff);
    }

    /** Re-orders {@code order[from..to)} (modified) exactly, if the values there are not all equal. */
    private static void exactRun(int[] order, int from, int to, double[] values, boolean descending) {
        double first = values[order[from]];
        boolean allEqual = true;
        for (int k = from + 1; k < to && allEqual; k++) {
            allEqual = Double.compare(values[order[k]], first) == 0;
        }
        if (allEqual) {
            return; // already by index
        }
        Integer[] run = new Integer[to - from];
        for (int k = from; k < to; k++) {
            run[k - from] = order[k];
        }
        Arrays.sort(run, (a, b) -> {
            int c = descending ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = from; k < to; k++) {
            order[k] = run[k - from];
        }
    }
}
