package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

class WeightMasksTest {

    private static final ArraySequenceDataset TRAIN = ArraySequenceDataset.pulses("pulses", 256, 6, 3, 4);

    @Test
    void matricesHaveTheDocumentedOrientationAndGateSlices() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 3, 5, 2, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 1);
        RecurrentWeights w = new RecurrentWeights(model);
        assertThat(w.matrix(0, WeightKind.INPUT).rows()).isEqualTo(3);
        assertThat(w.matrix(0, WeightKind.INPUT).cols()).isEqualTo(20);
        assertThat(w.matrix(1, WeightKind.INPUT).rows()).isEqualTo(5);
        assertThat(w.matrix(1, WeightKind.RECURRENT).cols()).isEqualTo(20);
        // the named gates are the Deeplearning4j blocks g f o i, reassembled in the order i f g o
        Map<Gate, WeightMatrix> gates = w.gates(0, WeightKind.RECURRENT);
        assertThat(gates.keySet()).containsExactly(Gate.INPUT, Gate.FORGET, Gate.CELL, Gate.OUTPUT);
        WeightMatrix stacked = w.matrix(0, WeightKind.RECURRENT);
        assertThat(gates.get(Gate.CELL)).isEqualTo(stacked.columns(0, 5));
        assertThat(gates.get(Gate.INPUT)).isEqualTo(stacked.columns(15, 20));
        // and the PyTorch export puts gate i in rows 0..H-1 of weight_hh
        double[][] pt = PyTorchNpz.toPyTorch(stacked.toArray(), spec);
        assertThat(pt[0][2]).isEqualTo(gates.get(Gate.INPUT).get(2, 0));
        assertThat(pt[2 * 5 + 1][4]).isEqualTo(gates.get(Gate.CELL).get(4, 1));
    }

    @Test
    void masksZeroWeightsAndHoldThroughFineTuning() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 3, 6, 1, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 3);
        boolean[] keepIh = randomMask(3 * 24, 0.5, 1);
        boolean[] keepHh = randomMask(6 * 24, 0.3, 2);
        WeightMasks masks = WeightMasks.none().with(0, WeightKind.INPUT, keepIh).with(0, WeightKind.RECURRENT, keepHh);
        RecurrentWeights before = new RecurrentWeights(model);
        RecurrentClassifier pruned = model.copy();
        pruned.applyMasks(masks);
        RecurrentWeights applied = new RecurrentWeights(pruned);
        assertThat(applied.matrix(0, WeightKind.INPUT))
                .isEqualTo(before.matrix(0, WeightKind.INPUT).masked(keepIh));
        assertThat(applied.matrix(0, WeightKind.RECURRENT))
                .isEqualTo(before.matrix(0, WeightKind.RECURRENT).masked(keepHh));

        TrainingResult r = new Trainer(pruned, TRAIN, new TrainingConfig(2, 32, 0.01, 5), masks,
                ProgressListener.NONE, () -> false).run();
        RecurrentWeights after = new RecurrentWeights(r.model());
        assertZeroExactlyWherePruned(after.matrix(0, WeightKind.INPUT), keepIh);
        assertZeroExactlyWherePruned(after.matrix(0, WeightKind.RECURRENT), keepHh);
        // the kept weights did train
        assertThat(after.matrix(0, WeightKind.RECURRENT)).isNotEqualTo(applied.matrix(0, WeightKind.RECURRENT));
    }

    @Test
    void withoutTheMasksFineTuningRevivesPrunedWeights() {
        ModelSpec spec = new ModelSpec(CellType.RNN, 3, 6, 1, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 3);
        boolean[] keep = randomMask(36, 0.5, 3);
        WeightMasks masks = WeightMasks.none().with(0, WeightKind.RECURRENT, keep);
        model.applyMasks(masks);
        TrainingResult r = new Trainer(model, TRAIN, new TrainingConfig(1, 32, 0.01, 5), WeightMasks.none(),
                ProgressListener.NONE, () -> false).run();
        WeightMatrix hh = new RecurrentWeights(r.model()).matrix(0, WeightKind.RECURRENT);
        assertThat(hh.nonZeros()).isGreaterThan(countTrue(keep));
    }

    private static void assertZeroExactlyWherePruned(WeightMatrix m, boolean[] keep) {
        double[] v = m.toRowMajor();
        for (int k = 0; k < v.length; k++) {
            if (keep[k]) {
                assertThat(v[k]).as("kept entry %d", k).isNotZero();
            } else {
                assertThat(v[k]).as("pruned entry %d", k).isZero();
            }
        }
    }

    private static boolean[] randomMask(int n, double keepFraction, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] m = new boolean[n];
        for (int k = 0; k < n; k++) {
            m[k] = r.nextDouble() < keepFraction;
        }
        return m;
    }

    private static int countTrue(boolean[] m) {
        int c = 0;
        for (boolean b : m) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
