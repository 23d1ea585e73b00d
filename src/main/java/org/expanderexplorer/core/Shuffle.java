package org.expanderexplorer.core;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one Fisher-Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P) behind every seeded random order: random pruning,
 * the random edge order of step-by-step pruning, and the random masks of tests and benchmarks. Every permutation is
 * equally likely, and the order is a function of the generator's sequence alone, so a recorded seed reproduces it.
 * O(n) time, no scratch.
 *
 * <p>It takes any {@link RandomGenerator}: callers keep their generator ({@link java.util.Random}, whose sequence
 * the Java specification fixes, or {@link java.util.SplittableRandom}), and so the orders they produced before.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Shuffles {@code a} (modified) in place, drawing {@code rnd.nextInt(i + 1)} for i = n-1 down to 1. */
    public static void shuffle(int[] a, RandomGenerator rnd) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(rnd, "rnd");
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0, 1, ..., n-1 in a random order drawn from {@code rnd}. */
    public static int[] permutation(int n, RandomGenerator rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }
}
