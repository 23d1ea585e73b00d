package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused LSTM forward pass (the path without the vector API module) computes what Deeplearning4j's own forward
 * pass computes.
 */
class FusedLstmInferenceTest {

    @Test
    void oneLayerMatchesDeeplearning4jWithRandomWeightsBiasesAndPrunedEntries() {
        assertMatches(new ModelSpec(CellType.LSTM, 3, 6, 1, 4), 11);
    }

    @Test
    void twoLayersMatchDeeplearning4j() {
        assertMatches(new ModelSpec(CellType.LSTM, 5, 7, 2, 3), 12);
    }

    @Test
    void chunkedInferenceGivesTheSameProbabilities() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 4, 8, 1, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 21);
        Random rnd = new Random(21);
        float[] values = new float[13 * 5 * 4];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) rnd.nextGaussian();
        }
        INDArray x = Nd4j.create(values, new long[] {13, 5, 4}, 'c');
        INDArray whole = FusedLstmInference.output(model.network(), spec, x, Long.MAX_VALUE);
        // 5 steps x 4 gates x 8 units x 4 bytes = 640 bytes a sequence: chunks of 3, the last one of 1
        INDArray chunked = FusedLstmInference.output(model.network(), spec, x, 3 * 640);
        assertThat(maxAbsDifference(whole, chunked)).isEqualTo(0.0);
        assertThat(maxAbsDifference(whole, model.network().output(x, false))).isLessThan(1e-5);
    }

    @Test
    void vanillaRnnIsNotTakenByTheFusedPath() {
        assertThat(FusedLstmInference.supports(new ModelSpec(CellType.RNN, 3, 6, 1, 4))).isFalse();
        assertThat(FusedLstmInference.supports(new ModelSpec(CellType.LSTM, 3, 6, 1, 4))).isTrue();
    }

    @Test
    void sampleModelsKeepTheirMeasuredTestAccuraciesWithoutTheVectorApi() throws IOException {
        SequenceDataset test = Datasets.load("mnist", Split.TEST);
        for (String name : new String[] {"smnist-lstm128", "smnist-rnn128"}) {
            SavedModel m = ModelFiles.load(Path.of("sample-models", name + ".zip"));
            SequenceBatches batches = new SequenceBatches(test, 10);
            int[] order = SequenceBatches.identity(test.size());
            int correct = 0;
            int first1000 = 0;
            for (int from = 0; from < test.size(); from += 1000) {
                INDArray x = batches.features(order, from, from + 1000);
                int[] predicted = m.model().referenceOutput(x).argMax(1).toIntVector();
                for (int k = 0; k < predicted.length; k++) {
                    correct += predicted[k] == test.label(from + k) ? 1 : 0;
                }
                first1000 = from == 0 ? correct : first1000;
            }
            // measured by Deeplearning4j's forward pass right after training: 98.41 % for the LSTM
            assertThat(correct / (double) test.size()).as(name).isEqualTo(m.metadata().testAccuracy());
            if (name.equals("smnist-lstm128")) {
                assertThat(first1000).isEqualTo(976);
            }
        }
    }

    @Test
    void sampleLstmGivesDeeplearning4jsPredictions() throws IOException {
        SavedModel m = ModelFiles.load(Path.of("sample-models", "smnist-lstm128.zip"));
        SequenceDataset test = Datasets.load("mnist", Split.TEST);
        INDArray x = new SequenceBatches(test, 10).features(SequenceBatches.identity(300), 0, 300);
        INDArray fused = m.model().referenceOutput(x);
        INDArray reference = m.model().network().output(x, false);
        assertThat(fused.argMax(1).toIntVector()).containsExactly(reference.argMax(1).toIntVector());
        assertThat(maxAbsDifference(fused, reference)).isLessThan(1e-5);
    }

    private static void assertMatches(ModelSpec spec, long seed) {
        RecurrentClassifier model = RecurrentClassifier.create(spec, seed);
        Random rnd = new Random(seed);
        RandomParams.fill(model, spec, rnd, rowLength -> rnd.nextDouble() < 0.3 ? 0 : 1.5 * rnd.nextGaussian());
        int batch = 9;
        int steps = 6;
        float[] values = new float[batch * steps * spec.inputs()];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) rnd.nextGaussian();
        }
        INDArray x = Nd4j.create(values, new long[] {batch, steps, spec.inputs()}, 'c');
        INDArray fused = model.referenceOutput(x);
        INDArray reference = model.network().output(x, false);
        assertThat(fused.shape()).containsExactly(reference.shape());
        assertThat(maxAbsDifference(fused, reference)).isCloseTo(0, within(1e-5));
        // and the probabilities are not degenerate (a wrong gate order would change them by far more)
        assertThat(reference.maxNumber().doubleValue() - reference.minNumber().doubleValue()).isGreaterThan(0.1);
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .sub(b.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
