package org.expanderexplorer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PruneSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rewinding rebuilds a model's own training: its initialisation from the recorded seed, and its weights after epoch
 * K from the recorded recipe, exactly (the whole recipe reproduces the saved model); and an iterative sweep with
 * rewinding retrains from those weights (decision 0022).
 */
class RewindingTest {

    private static TrainingJob.Trained twoEpochs;

    @BeforeAll
    static void train() {
        TrainingRequest r = new TrainingRequest(CellType.LSTM, 4, 1, "digits8", 2, 3, 256, 0.01, null, null);
        twoEpochs = TrainingJob.run(r, TrainingJob.trainingData(r), ProgressListener.NONE, () -> false);
    }

    private static SavedModel saved(TrainingJob.Trained t) {
        return new SavedModel(t.model(), t.metadata(), Path.of("tiny.zip"), SavedModel.Format.DL4J_ZIP);
    }

    private static float[] params(RecurrentClassifier c) {
        return c.network().params().toFloatVector();
    }

    @Test
    void theRecordedRecipeRebuildsTheInitialisationAnEarlyEpochAndTheModelItself() {
        SavedModel saved = saved(twoEpochs);
        Rewinding.Target init = Rewinding.of(saved, 0, ProgressListener.NONE, null);
        assertThat(params(init.weights())).containsExactly(params(RecurrentClassifier.create(
                saved.model().spec(), 3, 0.01, 0)));
        assertThat(params(init.weights())).isNotEqualTo(params(saved.model()));
        // the whole recipe, epoch 2 of 2, is the saved model itself (so its epoch 1 is that run's epoch 1)
        Rewinding.Target last = Rewinding.of(saved, 2, ProgressListener.NONE, null);
        assertThat(params(last.weights())).containsExactly(params(saved.model()));
        assertThat(last.description()).startsWith("the weights after epoch 2 of the recorded recipe (digits8, batch "
                + "256");
        assertThat(init.description()).isEqualTo("the initialisation (seed 3)");
    }

    @Test
    void aModelWithoutASeedCannotBeRewound() {
        SavedModel s = saved(twoEpochs);
        ModelMetadata bare = ModelMetadata.of(s.model().spec(), "imported from w.npz");
        SavedModel imported = new SavedModel(s.model(), bare, Path.of("w.npz"), SavedModel.Format.PYTORCH_NPZ);
        assertThatThrownBy(() -> Rewinding.of(imported, 0, ProgressListener.NONE, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("w.npz records no training seed");
        assertThat(Rewinding.parseEpoch("init")).isZero();
        assertThat(Rewinding.parseEpoch("epoch:3")).isEqualTo(3);
        assertThatThrownBy(() -> Rewinding.parseEpoch("epoch:x")).isInstanceOf(BadInputException.class);
    }

    @Test
    void anIterativeSweepWithRewindingRetrainsFromTheTargetUnderTheMasks() {
        SavedModel saved = saved(twoEpochs);
        SequenceDataset test = twoEpochs.test();
        Rewinding.Target target = Rewinding.of(saved, 0, ProgressListener.NONE, null);
        SequenceDataset train = org.expanderexplorer.core.data.SequenceDatasets.subset(
                TrainingJob.trainingData(new TrainingRequest(CellType.LSTM, 4, 1, "digits8", 1, 3, 256, 0.01, null,
                        null)), 300, 1);
        ModelFineTuner tuner = new ModelFineTuner("tiny", saved.model(), 0, train, test,
                new org.expanderexplorer.core.model.TrainingConfig(1, 64, 0.01, 1), ProgressListener.NONE, target);
        SweepConfig config = new SweepConfig(PruningSchedule.geometric(0.5, 25, true), PruneSettings.DEFAULT,
                List.of(GraphId.IH), java.util.Set.of(Representation.UNWEIGHTED), 0,
                AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER));
        SweepResult r = new SweepRunner(ModelSubjects.of("tiny", saved.model(), test, 0), config, tuner)
                .run(null, (state, subject) -> {
                    if (state.keepPercent() < 100) {
                        // the retrained network keeps exactly the round's mask
                        var w = subject.inputToHidden();
                        for (int i = 0; i < w.rows(); i++) {
                            for (int j = 0; j < w.cols(); j++) {
                                assertThat(w.get(i, j) != 0).isEqualTo(state.ihMask().isKept(i, j));
                            }
                        }
                    }
                }, null);
        assertThat(r.points()).hasSize(3);
        assertThat(tuner.describe()).startsWith("rewound each round to the initialisation (seed 3), then retrained");
        for (SweepPoint p : r.points()) {
            assertThat(p.accuracy()).isBetween(0.0, 1.0);
        }
    }
}
