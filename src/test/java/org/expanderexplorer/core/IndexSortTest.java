package org.expanderexplorer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive index sort gives exactly the order of a stable comparator sort by {@link Double#compare}. */
class IndexSortTest {

    @Test
    void matchesAStableComparatorSortOnTrickyValues() {
        Random r = new Random(17);
        for (int round = 0; round < 20; round++) {
            double[] v = new double[1 + r.nextInt(3000)];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (r.nextInt(10)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> r.nextBoolean() ? 0.5 : -0.5;
                    case 3 -> 1 + r.nextInt(4) * 1e-12; // distinct doubles, one float
                    case 4 -> -(1 + r.nextInt(4) * 1e-12);
                    case 5 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 6 -> r.nextInt(20) == 0 ? Double.NaN : 1e300 * r.nextGaussian(); // beyond float range
                    case 7 -> 1e-300 * r.nextGaussian(); // below float range: rounds to (-)0
                    default -> r.nextGaussian();
                };
            }
            assertThat(IndexSort.ascending(v)).containsExactly(reference(v, false));
            assertThat(IndexSort.descending(v)).containsExactly(reference(v, true));
        }
        assertThat(IndexSort.ascending(new double[0])).isEmpty();
    }

    /** A stable (merge) sort of boxed indices: ties keep index order. */
    private static int[] reference(double[] v, boolean descending) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byValue = (a, b) -> Double.compare(v[a], v[b]);
        Arrays.sort(idx, descending ? byValue.reversed() : byValue);
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
