package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceDatasetsTest {

    /** 50 examples of 2 steps x 3 features; value (i, t, f) = i + 10 t + f (bytes), label i % 4. */
    private static ByteSequenceDataset small() {
        int n = 50;
        byte[] values = new byte[n * 6];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 4);
            for (int t = 0; t < 2; t++) {
                for (int f = 0; f < 3; f++) {
                    values[i * 6 + t * 3 + f] = (byte) (i + 10 * t + f);
                }
            }
        }
        return new ByteSequenceDataset("small", 2, 3, List.of("a", "b", "c", "d"), values, labels, 2f);
    }

    @Test
    void batchesAreStepMajor() {
        ByteSequenceDataset ds = small();
        float[][][] b = ds.batch(new int[] {7, 3});
        assertThat(b[0][1][2]).isEqualTo((7 + 10 + 2) / 2f);
        assertThat(b[1][0][1]).isEqualTo((3 + 1) / 2f);
        float[] flat = new float[1 + 2 * 6];
        ds.copyBatch(new int[] {7, 3}, flat, 1);
        assertThat(flat[1 + 5]).isEqualTo(b[0][1][2]);
        assertThat(flat[1 + 6 + 1]).isEqualTo(b[1][0][1]);
        assertThat(ds.labels(new int[] {7, 3})).containsExactly(3, 3);
        assertThatThrownBy(() -> ds.copyBatch(new int[] {1, 2}, new float[11], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ds.range(45, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ds.info()).isEqualTo(new DatasetInfo("small", 50, 2, 3, 4, List.of("a", "b", "c", "d")));
    }

    @Test
    void stridedCopiesPutValueTfAtOffsetPlusItsIndexTimesTheStride() {
        ByteSequenceDataset ds = small();
        SequenceDataset view = SequenceDatasets.subset(ds, 20, 99);
        // the same sequence through the byte data set's own loop, a view, and the interface's default
        SequenceDataset plain = new SequenceDataset() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public int size() {
                return view.size();
            }

            @Override
            public int steps() {
                return 2;
            }

            @Override
            public int features() {
                return 3;
            }

            @Override
            public int classes() {
                return 4;
            }

            @Override
            public int label(int i) {
                return view.label(i);
            }

            @Override
            public void copySequence(int i, float[] dest, int offset) {
                view.copySequence(i, dest, offset);
            }
        };
        for (int i : new int[] {0, 7, 19}) {
            float[] stepMajor = new float[6];
            view.copySequence(i, stepMajor, 0);
            for (SequenceDataset source : List.of(view, plain)) {
                float[] strided = new float[2 + 5 * 4 + 1];
                Arrays.fill(strided, -1f);
                source.copySequence(i, strided, 2, 4);
                for (int k = 0; k < 6; k++) {
                    assertThat(strided[2 + 4 * k]).isEqualTo(stepMajor[k]);
                }
                // nothing written between or around the values
                long untouched = 0;
                for (float v : strided) {
                    untouched += v == -1f ? 1 : 0;
                }
                assertThat(untouched).isEqualTo(strided.length - 6);
            }
        }
        // value (t, f) of example 7 of the byte data set is (7 + 10 t + f) / 2
        float[] strided = new float[6 * 3];
        ds.copySequence(7, strided, 0, 3);
        assertThat(strided[(1 * 3 + 2) * 3]).isEqualTo((7 + 10 + 2) / 2f);
        for (SequenceDataset source : List.of(ds, plain)) {
            assertThatThrownBy(() -> source.copySequence(0, new float[15], 0, 3))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> source.copySequence(0, new float[16], 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void subsetIsSeededSortedAndDistinct() {
        ByteSequenceDataset ds = small();
        SequenceDataset a = SequenceDatasets.subset(ds, 20, 99);
        SequenceDataset b = SequenceDatasets.subset(ds, 20, 99);
        SequenceDataset c = SequenceDatasets.subset(ds, 20, 100);
        assertThat(a.size()).isEqualTo(20);
        assertThat(a.name()).isEqualTo("small-subset20-seed99");
        // recover each chosen index from its first value (value (i, 0, 0) = i / 2)
        int[] ia = indices(a);
        assertThat(ia).isSorted().doesNotHaveDuplicates();
        assertThat(ia).containsExactly(indices(b));
        assertThat(ia).isNotEqualTo(indices(c));
        for (int k = 0; k < a.size(); k++) {
            assertThat(a.label(k)).isEqualTo(ia[k] % 4);
        }
        assertThat(SequenceDatasets.subset(ds, 500, 1).size()).isEqualTo(50);
        assertThat(SequenceDatasets.subset(ds, 0, 1).size()).isZero();
    }

    @Test
    void subsetIsUniformOverManySeeds() {
        // each of 50 examples should be picked with probability 10 / 50 = 0.2
        int[] hits = new int[50];
        int trials = 2_000;
        for (int s = 0; s < trials; s++) {
            for (int i : indices(SequenceDatasets.subset(small(), 10, s))) {
                hits[i]++;
            }
        }
        for (int h : hits) {
            // mean 400, sd sqrt(2000 * 0.2 * 0.8) ~ 17.9; 5 sd margin
            assertThat(h).isBetween(310, 490);
        }
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 60 ? 0 : i < 93 ? 1 : 2; // 60, 33 and 10 examples
        }
        SequenceDatasets.IndexSplit s = SequenceDatasets.stratifiedSplit(labels, 3, 0.25, 5);
        int[] testCounts = new int[3];
        for (int i : s.test()) {
            testCounts[labels[i]]++;
        }
        assertThat(testCounts).containsExactly(15, 8, 3); // round(15), round(8.25), round(2.5) = 3 (half up)
        int[] union = new int[s.train().length + s.test().length];
        System.arraycopy(s.train(), 0, union, 0, s.train().length);
        System.arraycopy(s.test(), 0, union, s.train().length, s.test().length);
        Arrays.sort(union);
        for (int i = 0; i < union.length; i++) {
            assertThat(union[i]).isEqualTo(i);
        }
        assertThat(s.test()).isSorted();
        assertThat(SequenceDatasets.stratifiedSplit(labels, 3, 0.25, 5).test()).containsExactly(s.test());
        assertThat(SequenceDatasets.stratifiedSplit(labels, 3, 0.25, 6).test()).isNotEqualTo(s.test());
    }

    private static int[] indices(SequenceDataset view) {
        float[] seq = new float[6];
        int[] out = new int[view.size()];
        for (int k = 0; k < view.size(); k++) {
            view.copySequence(k, seq, 0);
            out[k] = Math.round(seq[0] * 2);
        }
        return out;
    }
}
