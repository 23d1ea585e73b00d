package org.expanderexplorer.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded selections of examples: fixed random subsets (for fast live accuracy) and stratified train/test splits.
 * Every choice is a function of the seed alone, so the same call always gives the same examples.
 *
 * <p>Randomness: {@link SplittableRandom} with the given seed and a Fisher-Yates shuffle; O(size) time and memory.
 */
public final class SequenceDatasets {

    private SequenceDatasets() {
    }

    /**
     * A fixed random subset of {@code n} examples (all of them if {@code n >= ds.size()}), in their original order.
     * Named {@code <name>-subset<n>-seed<seed>}. The view shares the data of {@code ds}; O(size) to build.
     *
     * @param ds   the data set
     * @param n    how many examples, at least 0
     * @param seed the seed of the random choice
     */
    public static SequenceDataset subset(SequenceDataset ds, int n, long seed) {
        Objects.requireNonNull(ds, "ds");
        if (n < 0) {
            throw new IllegalArgumentException("subset size must be at least 0: " + n);
        }
        int size = ds.size();
        int k = Math.min(n, size);
        int[] order = identity(size);
        SplittableRandom random = new SplittableRandom(seed);
        // partial Fisher-Yates: the first k entries become a uniform random k-subset
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(size - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] chosen = Arrays.copyOf(order, k);
        Arrays.sort(chosen);
        return select(ds, chosen, ds.name() + "-subset" + k + "-seed" + seed);
    }

    /** The indices {@code from .. to-1} in order. */
    public static int[] range(int from, int to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no range " + from + " .. " + to);
        }
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /**
     * The examples of {@code ds} at {@code indices} (copied; duplicates allowed) as a data set of its own that
     * shares the data of {@code ds}.
     */
    public static SequenceDataset select(SequenceDataset ds, int[] indices, String name) {
        return new IndexedView(ds, indices, name);
    }

    /**
     * A stratified split: in every class, a seeded random {@code round(count * testFraction)} of its examples go
     * to the test part, the rest to the training part. Both index lists are sorted ascending.
     *
     * @param labels       label of every example, in 0 .. classes - 1; not modified
     * @param classes      number of classes
     * @param testFraction fraction per class for the test part, in [0, 1]
     * @param seed         seed of the random choice
     * @return the two disjoint index lists that together cover every example
     */
    public static IndexSplit stratifiedSplit(int[] labels, int classes, double testFraction, long seed) {
        Objects.requireNonNull(labels, "labels");
        if (!(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException("testFraction must be in [0, 1]: " + testFraction);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            Objects.checkIndex(labels[i], classes);
            byClass.get(labels[i]).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] train = new int[labels.length];
        int[] test = new int[labels.length];
        int nTrain = 0;
        int nTest = 0;
        for (List<Integer> members : byClass) {
            int[] m = members.stream().mapToInt(Integer::intValue).toArray();
            for (int i = m.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = m[i];
                m[i] = m[j];
                m[j] = tmp;
            }
            int forTest = (int) Math.round(m.length * testFraction);
            for (int i = 0; i < m.length; i++) {
                if (i < forTest) {
                    test[nTest++] = m[i];
                } else {
                    train[nTrain++] = m[i];
                }
            }
        }
        int[] trainIdx = Arrays.copyOf(train, nTrain);
        int[] testIdx = Arrays.copyOf(test, nTest);
        Arrays.sort(trainIdx);
        Arrays.sort(testIdx);
        return new IndexSplit(trainIdx, testIdx);
    }

    /**
     * Two disjoint lists of example indices, each sorted ascending.
     *
     * @param train indices of the training part
     * @param test  indices of the test part
     */
    public record IndexSplit(int[] train, int[] test) {
        public IndexSplit {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }

        /** The part of a split. */
        public int[] part(Split split) {
            return split == Split.TRAIN ? train.clone() : test.clone();
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** A view of some examples of another data set. */
    private static final class IndexedView implements SequenceDataset {
        private final SequenceDataset base;
        private final int[] indices;
        private final String name;

        IndexedView(SequenceDataset base, int[] indices, String name) {
            this.base = Objects.requireNonNull(base, "base");
            this.indices = Objects.requireNonNull(indices, "indices").clone();
            this.name = Objects.requireNonNull(name, "name");
            for (int i : this.indices) {
                Objects.checkIndex(i, base.size());
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int size() {
            return indices.length;
        }

        @Override
        public int steps() {
            return base.steps();
        }

        @Override
        public int features() {
            return base.features();
        }

        @Override
        public int classes() {
            return base.classes();
        }

        @Override
        public List<String> classNames() {
            return base.classNames();
        }

        @Override
        public int label(int i) {
            return base.label(indices[i]);
        }

        @Override
        public void copySequence(int i, float[] dest, int offset) {
            base.copySequence(indices[i], dest, offset);
        }

        @Override
        public void copySequence(int i, float[] dest, int offset, int stride) {
            base.copySequence(indices[i], dest, offset, stride);
        }

        @Override
        public String toString() {
            return name + " (" + indices.length + " of " + base.name() + ")";
        }
    }
}
