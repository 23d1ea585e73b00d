package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast inference path computes what Deeplearning4j's own forward pass computes: RNN and LSTM, one and two
 * layers, random weights, biases and masks, every kernel (all dense, all sparse, and the measured crossover),
 * batches that do not fill the last panel.
 */
class CompiledNetworkTest {

    @Test
    void theVectorApiIsLoadedInTheTests() {
        // the build passes --add-modules jdk.incubator.vector to the tests; without it these tests prove nothing
        assertThat(VectorInference.available()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "LSTM, 3, 6, 1, 4, 11",
        "LSTM, 5, 7, 2, 3, 12",
        "RNN, 3, 6, 1, 4, 13",
        "RNN, 5, 9, 2, 3, 14",
        "LSTM, 28, 33, 1, 10, 15",
        "RNN, 28, 33, 2, 10, 16",
    })
    void matchesDeeplearning4jWithRandomMasksInEveryKernel(CellType cell, int inputs, int hidden, int layers,
                                                           int classes, long seed) {
        ModelSpec spec = new ModelSpec(cell, inputs, hidden, layers, classes);
        RecurrentClassifier model = randomModel(spec, seed);
        Random rnd = new Random(seed);
        // masks of different densities on every recurrent matrix: both kernels get used at the crossover
        WeightMasks masks = WeightMasks.none();
        double[] keep = {0.9, 0.2, 0.05, 0.5};
        for (int l = 0; l < layers; l++) {
            for (WeightKind kind : WeightKind.values()) {
                int rows = kind == WeightKind.INPUT ? spec.layerInputs(l) : hidden;
                boolean[] m = new boolean[rows * cell.gates() * hidden];
                double p = keep[(2 * l + kind.ordinal()) % keep.length];
                for (int k = 0; k < m.length; k++) {
                    m[k] = rnd.nextDouble() < p;
                }
                masks = masks.with(l, kind, m);
            }
        }
        model.applyMasks(masks);
        int batch = 2 * VectorKernels.PANEL + 5;
        int steps = 7;
        float[] values = new float[batch * steps * inputs];
        for (int k = 0; k < values.length; k++) {
            values[k] = rnd.nextDouble() < 0.3 ? 0f : (float) rnd.nextGaussian();
        }
        INDArray x = Nd4j.create(values, new long[] {batch, steps, inputs}, 'c');
        double[][] reference = model.network().output(x, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        NetworkWeights weights = model.weights();
        // all dense, the measured crossovers (NaN), all sparse
        for (double sparseBelow : new double[] {0, Double.NaN, 2}) {
            float[] fast = CompiledNetwork.of(weights, sparseBelow).probabilities(values, batch, steps);
            assertThat(maxDifference(reference, fast)).as("kernel choice %s", sparseBelow).isLessThan(1e-5);
        }
        // masking the copied weights is masking the network
        NetworkWeights dense = randomModel(spec, seed).weights();
        float[] masked = CompiledNetwork.of(dense.masked(masks)).probabilities(values, batch, steps);
        assertThat(maxDifference(reference, masked)).isLessThan(1e-5);
        // and so is masking while compiling
        assertThat(CompiledNetwork.of(dense, masks).probabilities(values, batch, steps)).containsExactly(masked);
        // and the probabilities are not degenerate (a wrong gate order would change them by far more)
        double min = 1;
        double max = 0;
        for (double[] row : reference) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(max - min).isGreaterThan(0.1);
    }

    @Test
    void theSparseAndDenseKernelsGiveIdenticalProbabilities() {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 4, 8, 2, 3);
        RecurrentClassifier model = randomModel(spec, 31);
        float[] values = new float[13 * 5 * 4];
        Random rnd = new Random(31);
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) rnd.nextGaussian();
        }
        NetworkWeights w = model.weights();
        // the same sums in the same order: skipped zeros add exactly nothing
        assertThat(CompiledNetwork.of(w, 2).probabilities(values, 13, 5))
                .containsExactly(CompiledNetwork.of(w, 0).probabilities(values, 13, 5));
    }

    @Test
    void anRnnsSparseRowPairsGiveTheProbabilitiesOfTheMaskedNetwork() {
        // 10 units: three groups of four rows, the last with two padding rows (a pair block that keeps nothing)
        ModelSpec spec = new ModelSpec(CellType.RNN, 4, 10, 2, 3);
        RecurrentClassifier model = randomModel(spec, 37);
        Random rnd = new Random(37);
        WeightMasks masks = WeightMasks.none();
        for (int l = 0; l < 2; l++) {
            for (WeightKind kind : WeightKind.values()) {
                boolean[] m = new boolean[(kind == WeightKind.INPUT ? spec.layerInputs(l) : 10) * 10];
                for (int k = 0; k < m.length; k++) {
                    m[k] = rnd.nextDouble() < 0.3;
                }
                masks = masks.with(l, kind, m);
            }
        }
        float[] values = new float[13 * 5 * 4];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) rnd.nextGaussian();
        }
        NetworkWeights w = model.weights().masked(masks);
        CompiledNetwork sparse = CompiledNetwork.of(w, 2);
        assertThat(sparse.kernels()).allMatch(k -> k.contains("sparse"));
        // the pair kernel adds a row's kept products in another order than the dense kernel: equal to rounding,
        // and both equal to the masked network computed in double precision
        double[][] reference = rnnInDouble(w, values, 13, 5);
        float[] fromPairs = sparse.probabilities(values, 13, 5);
        float[] fromDense = CompiledNetwork.of(w, 0).probabilities(values, 13, 5);
        assertThat(maxDifference(reference, fromPairs)).isLessThan(1e-6);
        assertThat(maxDifference(reference, fromDense)).isLessThan(1e-6);
        // not trivially: the probabilities spread, and the masks change them
        assertThat(maxDifference(reference, CompiledNetwork.of(model.weights(), 0).probabilities(values, 13, 5)))
                .isGreaterThan(1e-2);
    }

    /** A vanilla RNN's probabilities as plain double-precision loops over {@code w}'s matrices. */
    private static double[][] rnnInDouble(NetworkWeights w, float[] values, int n, int steps) {
        ModelSpec spec = w.spec();
        int hidden = spec.hidden();
        double[][] out = new double[n][spec.classes()];
        for (int b = 0; b < n; b++) {
            double[][] h = new double[spec.layers()][hidden];
            for (int t = 0; t < steps; t++) {
                double[] x = new double[spec.inputs()];
                for (int f = 0; f < x.length; f++) {
                    x[f] = values[(b * steps + t) * spec.inputs() + f];
                }
                for (int l = 0; l < spec.layers(); l++) {
                    float[] ih = w.matrix(l, WeightKind.INPUT);
                    float[] hh = w.matrix(l, WeightKind.RECURRENT);
                    double[] next = new double[hidden];
                    for (int u = 0; u < hidden; u++) {
                        double sum = w.bias(l)[u];
                        for (int k = 0; k < x.length; k++) {
                            sum += x[k] * ih[k * hidden + u];
                        }
                        for (int k = 0; k < hidden; k++) {
                            sum += h[l][k] * hh[k * hidden + u];
                        }
                        next[u] = Math.tanh(sum);
                    }
                    h[l] = next;
                    x = next;
                }
            }
            double[] logits = new double[spec.classes()];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                logits[c] = w.readoutBias()[c];
                for (int u = 0; u < hidden; u++) {
                    logits[c] += h[spec.layers() - 1][u] * w.readout()[u * spec.classes() + c];
                }
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < logits.length; c++) {
                out[b][c] = Math.exp(logits[c] - max);
                sum += out[b][c];
            }
            for (int c = 0; c < logits.length; c++) {
                out[b][c] /= sum;
            }
        }
        return out;
    }

    @Test
    void anRnnsBlocksArePairsOfRowsAndTheirDensityChoosesTheKernel() {
        // entries kept independently at d: a pair of rows is kept with 1 - (1 - d)^2, four rows with 1 - (1 - d)^4
        ModelSpec spec = new ModelSpec(CellType.RNN, 28, 128, 1, 10);
        NetworkWeights w = NetworkWeights.random(spec, 5, 0);
        Random rnd = new Random(5);
        WeightMasks masks = WeightMasks.none();
        for (WeightKind kind : WeightKind.values()) {
            boolean[] m = new boolean[(kind == WeightKind.INPUT ? 28 : 128) * 128];
            for (int k = 0; k < m.length; k++) {
                m[k] = rnd.nextDouble() < 0.2;
            }
            masks = masks.with(0, kind, m);
        }
        List<String> kernels = CompiledNetwork.of(w, masks).kernels();
        assertThat(kernels).hasSize(2).allMatch(k -> k.contains("sparse"));
        for (String k : kernels) {
            double density = Double.parseDouble(k.replaceAll(".* ([0-9.]+) %", "$1"));
            assertThat(density).isCloseTo(100 * (1 - 0.8 * 0.8), within(2.5));
        }
        // dense weights stay dense
        assertThat(CompiledNetwork.of(w).kernels()).allMatch(k -> k.contains("dense 100.0 %"));
    }

    @Test
    void theKernelsTanhIsWithin3e7OfTanhOddAndBounded() {
        int lanes = VectorKernels.LANES;
        float[] x = new float[lanes];
        float[] y = new float[lanes];
        double worst = 0;
        // every float step of 1/4096 over [-12, 12] (beyond the clamp at 7.9 too), then tiny values
        for (int start = -12 * 4096; start < 12 * 4096; start += lanes) {
            for (int j = 0; j < lanes; j++) {
                x[j] = (start + j) / 4096f;
            }
            VectorKernels.tanh(FloatVector.fromArray(
                    FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int j = 0; j < lanes; j++) {
                worst = Math.max(worst, Math.abs(y[j] - Math.tanh(x[j])));
                assertThat(Math.abs(y[j])).isLessThanOrEqualTo(1f);
                if (x[j] > 0) {
                    assertThat(y[j]).isPositive();
                }
            }
        }
        assertThat(worst).isLessThan(3e-7).isGreaterThan(0);
        for (int j = 0; j < lanes; j++) {
            x[j] = (float) Math.scalb(1.0, -20 - 5 * j) * (j % 2 == 0 ? 1 : -1);
        }
        VectorKernels.tanh(FloatVector.fromArray(
                FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
        for (int j = 0; j < lanes; j++) {
            // tanh(x) = x (1 - x^2 / 3 ...): relative error of a few float steps at most
            assertThat((double) y[j]).isCloseTo(x[j], within(Math.abs(x[j]) * 1e-6));
        }
    }

    @Test
    void theWarmUpRunsEveryKernelWithoutTouchingRealWork() {
        // the kernels on tiny inputs, then the sample of a real call: still Deeplearning4j's result
        KernelWarmUp.run(50);
        VectorInference.warmUp();
        ModelSpec spec = new ModelSpec(CellType.RNN, 3, 5, 1, 2);
        RecurrentClassifier model = randomModel(spec, 3);
        float[] values = new float[4 * 3 * 3];
        for (int k = 0; k < values.length; k++) {
            values[k] = k % 7 - 3;
        }
        double[][] reference = model.network().output(Nd4j.create(values, new long[] {4, 3, 3}, 'c'), false)
                .castTo(DataType.DOUBLE).toDoubleMatrix();
        assertThat(maxDifference(reference, CompiledNetwork.of(model.weights()).probabilities(values, 4, 3)))
                .isLessThan(1e-5);
    }

    @Test
    void masksThatDoNotFitAreRefused() {
        ModelSpec spec = new ModelSpec(CellType.RNN, 3, 4, 1, 2);
        NetworkWeights w = RecurrentClassifier.create(spec, 1).weights();
        assertThatThrownBy(() -> w.masked(WeightMasks.none().with(0, WeightKind.INPUT, new boolean[5])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 5 entries");
        assertThatThrownBy(() -> w.masked(WeightMasks.none().with(1, WeightKind.INPUT, new boolean[12])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 1");
        assertThatThrownBy(() -> CompiledNetwork.of(w, WeightMasks.none().with(0, WeightKind.RECURRENT,
                new boolean[3]))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3 entries");
    }

    @Test
    void sampleModelsKeepTheirAccuraciesAndDeeplearning4jsPredictions() throws IOException {
        SequenceDataset test = Datasets.load("mnist", Split.TEST);
        for (String name : new String[] {"smnist-lstm128", "smnist-rnn128"}) {
            SavedModel m = ModelFiles.load(Path.of("sample-models", name + ".zip"));
            // the accuracy in the file was measured by Deeplearning4j's forward pass right after training
            EvaluationResult all = new Evaluator(m.model(), test).result();
            assertThat(all.accuracy()).as(name).isEqualTo(m.metadata().testAccuracy());
            INDArray x = new SequenceBatches(test, 10).features(SequenceBatches.identity(300), 0, 300);
            double[][] reference = m.model().network().output(x, false).castTo(DataType.DOUBLE).toDoubleMatrix();
            float[] fast = CompiledNetwork.of(m.model().weights())
                    .probabilities(x.data().asFloat(), 300, test.steps());
            assertThat(maxDifference(reference, fast)).as(name).isLessThan(1e-5);
        }
        SavedModel lstm = ModelFiles.load(Path.of("sample-models", "smnist-lstm128.zip"));
        assertThat(new Evaluator(lstm.model(), test, 1000, 1000).result().correct()).isEqualTo(976);
    }

    static RecurrentClassifier randomModel(ModelSpec spec, long seed) {
        RecurrentClassifier model = RecurrentClassifier.create(spec, seed);
        Random rnd = new Random(seed);
        RandomParams.fill(model, spec, rnd, rowLength -> 1.5 * rnd.nextGaussian() / Math.sqrt(rowLength / 4.0 + 1));
        return model;
    }

    private static double maxDifference(double[][] reference, float[] fast) {
        double max = 0;
        int classes = reference[0].length;
        for (int b = 0; b < reference.length; b++) {
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, Math.abs(reference[b][c] - fast[b * classes + c]));
            }
        }
        return max;
    }
}
