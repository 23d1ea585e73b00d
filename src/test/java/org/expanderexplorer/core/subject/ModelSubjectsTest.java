package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.CompiledNetwork;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The accuracy probe of a model subject: what Deeplearning4j's forward pass of the masked network scores. */
class ModelSubjectsTest {

    @Test
    void probeScoresWhatTheMaskedNetworkScoresAndRemembersIt() throws IOException {
        RecurrentClassifier model = ModelFiles.load(Path.of("sample-models", "digits8-rnn12.zip")).model();
        SequenceDataset test = Datasets.load("digits8", Split.TEST);
        Subject s = ModelSubjects.of("digits", model, test, 0);
        for (double q : new double[] {100, 40, 15}) {
            PrunedState state = s.prune(q, PruneSettings.DEFAULT);
            double probe = s.probe().accuracy(state.ihMask(), state.hhMask(), 0);
            double subset = s.probe().accuracy(state.ihMask(), state.hhMask(), 150);
            // Deeplearning4j's own forward pass of a masked copy, on the same examples
            RecurrentClassifier copy = model.copy();
            copy.applyMasks(WeightMasks.none().with(0, WeightKind.INPUT, state.ihMask().toArray())
                    .with(0, WeightKind.RECURRENT, state.hhMask().toArray()));
            assertThat(probe).as("q = %s", q).isEqualTo(reference(copy, test));
            assertThat(subset).as("q = %s", q)
                    .isEqualTo(reference(copy, SequenceDatasets.subset(test, 150, ModelSubjects.SUBSET_SEED)));
            // asked again: the remembered value
            assertThat(s.probe().accuracy(state.ihMask(), state.hhMask(), 0)).isEqualTo(probe);
        }
    }

    @Test
    void aLargeTestSetIsScoredInTwoHalvesWithTheSameResultAndCancelsBoth() throws Exception {
        RecurrentClassifier model = ModelFiles.load(Path.of("sample-models", "smnist-rnn128.zip")).model();
        SequenceDataset test = Datasets.load("mnist", Split.TEST);
        assertThat(test.size()).isGreaterThanOrEqualTo(ModelSubjects.HALVES_FROM);
        Subject s = ModelSubjects.of("mnist", model, test, 0);
        PrunedState state = s.prune(30, PruneSettings.DEFAULT);
        CompiledNetwork net = CompiledNetwork.of(model.weights(), WeightMasks.none()
                .with(0, WeightKind.INPUT, state.ihMask().toArray())
                .with(0, WeightKind.RECURRENT, state.hhMask().toArray()));
        EvaluationResult whole = new Evaluator(net, test, Integer.MAX_VALUE, Evaluator.DEFAULT_BATCH).result();
        // an odd count of examples: the halves are 2,500 and 2,501
        SequenceDataset odd = SequenceDatasets.select(test, SequenceDatasets.range(0, 5001), "first 5001");
        double oddWhole = new Evaluator(net, odd, Integer.MAX_VALUE, Evaluator.DEFAULT_BATCH).result().accuracy();
        assertThat(ModelSubjects.Halves.accuracy(net, test)).isEqualTo(whole.accuracy());
        assertThat(ModelSubjects.Halves.accuracy(net, odd)).isEqualTo(oddWhole);
        assertThat(s.probe().accuracyNow(state.ihMask(), state.hhMask(), 0)).isEqualTo(whole.accuracy());
        // superseded: the calling thread is interrupted; the call stops and the helper is free again
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> ModelSubjects.Halves.accuracy(net, test))
                .isInstanceOf(CancellationException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(ModelSubjects.Halves.helperFree()).isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        assertThat(ModelSubjects.Halves.accuracy(net, test)).isEqualTo(whole.accuracy());
    }

    private static double reference(RecurrentClassifier model, SequenceDataset data) {
        int n = data.size();
        float[] x = new float[n * data.steps() * data.features()];
        data.copyBatch(data.range(0, n), x, 0);
        INDArray out = model.network().output(Nd4j.create(x, new long[] {n, data.steps(), data.features()}, 'c'),
                false);
        int[] predicted = out.argMax(1).toIntVector();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return correct / (double) n;
    }

    @Test
    void digestsTellMasksApartThatDifferInOneEntry() {
        Set<Long> seen = new HashSet<>();
        boolean[] keep = new boolean[200];
        assertThat(seen.add(ModelSubjects.digest(keep, 1))).isTrue();
        for (int k = 0; k < keep.length; k++) {
            keep[k] = true;
            assertThat(seen.add(ModelSubjects.digest(keep, 1))).as("entry %d", k).isTrue();
            keep[k] = false;
        }
        assertThat(ModelSubjects.digest(new boolean[64], 1)).isNotEqualTo(ModelSubjects.digest(new boolean[65], 1));
        assertThat(ModelSubjects.digest(keep, 1)).isNotEqualTo(ModelSubjects.digest(keep, 2));
        assertThat(ModelSubjects.digest(null, 1)).isZero();
    }
}
