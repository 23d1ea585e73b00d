package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final ArraySequenceDataset TRAIN = ArraySequenceDataset.pulses("pulses-train", 1000, 10, 3, 1);
    private static final ArraySequenceDataset TEST = ArraySequenceDataset.pulses("pulses-test", 400, 10, 3, 2);

    @Test
    void tinyRnnLearnsTheEasyTaskAndGeneralises() {
        RecurrentClassifier start = RecurrentClassifier.create(new ModelSpec(CellType.RNN, 3, 16, 1, 3), 7, 0.01, 1.0);
        List<TrainingProgress> seen = new ArrayList<>();
        TrainingResult r = new Trainer(start, TRAIN, new TrainingConfig(8, 32, 0.01, 3), WeightMasks.none(),
                seen::add, () -> false).run();
        EvaluationResult e = new Evaluator(r.model(), TEST).result();
        // chance is 1/3; the pulse is 2 against noise of sd 0.3, so a working network is nearly perfect
        assertThat(e.accuracy()).isGreaterThan(0.95);
        assertThat(e.examples()).isEqualTo(400);
        assertThat(r.epochs()).hasSize(8);
        assertThat(r.last().accuracy()).isGreaterThan(0.9);
        assertThat(seen).hasSize(8 * 32);
        assertThat(seen.get(seen.size() - 1).fractionDone()).isEqualTo(1.0);
        int diagonal = 0;
        int[][] c = e.confusion();
        for (int i = 0; i < 3; i++) {
            diagonal += c[i][i];
        }
        assertThat(diagonal).isEqualTo(e.correct());
    }

    @Test
    void tinyLstmLearnsTheEasyTask() {
        RecurrentClassifier start = RecurrentClassifier.create(new ModelSpec(CellType.LSTM, 3, 8, 1, 3), 7, 0.01, 0);
        TrainingResult r = new Trainer(start, TRAIN, new TrainingConfig(4, 32, 0.01, 3), WeightMasks.none(),
                ProgressListener.NONE, () -> false).run();
        assertThat(new Evaluator(r.model(), TEST).result().accuracy()).isGreaterThan(0.95);
    }

    @Test
    void cancellationLeavesTheStartingModelIntact() {
        RecurrentClassifier start = RecurrentClassifier.create(new ModelSpec(CellType.LSTM, 3, 6, 1, 3), 11);
        float[] before = start.network().params().toFloatVector();
        double[][] outBefore = start.probabilities(TEST.flat(0, 20), 20, 10);
        AtomicInteger batches = new AtomicInteger();
        Trainer t = new Trainer(start, TRAIN, new TrainingConfig(3, 16, 0.01, 3), WeightMasks.none(),
                p -> batches.incrementAndGet(), () -> batches.get() >= 10);
        assertThatThrownBy(t::run).isInstanceOf(CancellationException.class).hasMessageContaining("batch 11");
        assertThat(batches.get()).isEqualTo(10);
        assertThat(start.network().params().toFloatVector()).containsExactly(before);
        assertThat(start.probabilities(TEST.flat(0, 20), 20, 10)).isDeepEqualTo(outBefore);
    }
}
