package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves the PyTorch <-> Deeplearning4j conversion: random PyTorch-layout weights are imported from an NPZ, and
 * Deeplearning4j's softmax outputs are compared with the PyTorch equations evaluated in double precision.
 */
class PyTorchNpzTest {

    private static final int I = 5;
    private static final int H = 7;
    private static final int C = 4;
    private static final int T = 6;
    private static final int BATCH = 9;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"false, 1", "false, 2", "true, 1", "true, 2"})
    void importedNetworkComputesWhatPyTorchComputes(boolean lstm, int layers) throws IOException {
        SplittableRandom r = new SplittableRandom(lstm ? 100 + layers : 200 + layers);
        int gh = (lstm ? 4 : 1) * H;
        Map<String, double[][]> w = new HashMap<>();
        Map<String, double[]> v = new HashMap<>();
        Map<String, NpyArray> npz = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            put(w, npz, "rnn.weight_ih_l" + l, random(r, gh, l == 0 ? I : H, 0.8));
            put(w, npz, "rnn.weight_hh_l" + l, random(r, gh, H, 0.8));
            put(v, npz, "rnn.bias_ih_l" + l, random(r, 1, gh, 0.5)[0]);
            put(v, npz, "rnn.bias_hh_l" + l, random(r, 1, gh, 0.5)[0]);
        }
        put(w, npz, "fc.weight", random(r, C, H, 1.0));
        put(v, npz, "fc.bias", random(r, 1, C, 0.5)[0]);
        Path file = written("weights.npz", npz);

        SavedModel loaded = PyTorchNpz.load(file);
        ModelSpec spec = loaded.model().spec();
        assertThat(spec).isEqualTo(new ModelSpec(lstm ? CellType.LSTM : CellType.RNN, I, H, layers, C));
        assertThat(loaded.format()).isEqualTo(SavedModel.Format.PYTORCH_NPZ);

        double[][][] x = new double[BATCH][][];
        float[] flat = new float[BATCH * T * I];
        for (int b = 0; b < BATCH; b++) {
            x[b] = random(r, T, I, 1.5);
            for (int t = 0; t < T; t++) {
                for (int f = 0; f < I; f++) {
                    flat[(b * T + t) * I + f] = (float) x[b][t][f];
                    x[b][t][f] = (float) x[b][t][f];
                }
            }
        }
        double[][] dl4j = loaded.model().probabilities(flat, BATCH, T);
        for (int b = 0; b < BATCH; b++) {
            double[] expected = PyTorchReference.probabilities(w, v, lstm, layers, x[b]);
            for (int k = 0; k < C; k++) {
                assertThat(dl4j[b][k]).as("example %d class %d", b, k).isCloseTo(expected[k], within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"RNN, 1", "LSTM, 2"})
    void exportThenImportGivesIdenticalWeights(CellType cell, int layers) throws IOException {
        RecurrentClassifier model = RecurrentClassifier.create(new ModelSpec(cell, I, H, layers, C), 5);
        Path file = dir.resolve("export.npz");
        PyTorchNpz.save(model, file);
        Map<String, NpyArray> arrays = NpzFiles.read(file);
        int gh = cell.gates() * H;
        assertThat(arrays.get("rnn.weight_ih_l0").shape()).containsExactly(gh, I);
        assertThat(arrays.get("rnn.weight_hh_l0").shape()).containsExactly(gh, H);
        assertThat(arrays.get("fc.weight").shape()).containsExactly(C, H);
        assertThat(arrays.get("rnn.bias_hh_l0").values()).containsOnly(0.0);
        RecurrentClassifier back = PyTorchNpz.load(file).model();
        assertThat(back.network().params().toFloatVector()).containsExactly(model.network().params().toFloatVector());
    }

    @Test
    void lstmGateBlocksLandWhereDeeplearning4jExpectsThem() throws IOException {
        // weight_ih row r of gate i (rows 0..H-1) must become column block 3 of Deeplearning4j's W; g (rows 2H..3H-1)
        // block 0; f stays block 1; o (rows 3H..) block 2
        double[][] wih = new double[4 * H][I];
        for (int r = 0; r < 4 * H; r++) {
            wih[r][0] = r;
        }
        ModelSpec spec = new ModelSpec(CellType.LSTM, I, H, 1, C);
        double[][] dl = PyTorchNpz.fromPyTorch(wih, spec);
        assertThat(dl[0][0]).isEqualTo(2 * H);          // block 0 = g
        assertThat(dl[0][H + 1]).isEqualTo(H + 1);       // block 1 = f
        assertThat(dl[0][2 * H + 2]).isEqualTo(3 * H + 2); // block 2 = o
        assertThat(dl[0][3 * H + 3]).isEqualTo(3);       // block 3 = i
        assertThat(PyTorchNpz.toPyTorch(dl, spec)).isDeepEqualTo(wih);
    }

    @Test
    void missingKeyIsNamed() throws IOException {
        Map<String, NpyArray> npz = minimalRnn();
        npz.remove("rnn.bias_hh_l0");
        Path file = written("missing.npz", npz);
        assertThatThrownBy(() -> PyTorchNpz.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'rnn.bias_hh_l0'");
    }

    @Test
    void inconsistentShapeIsNamed() throws IOException {
        Map<String, NpyArray> npz = minimalRnn();
        npz.put("fc.weight", NpyArray.of(new double[3][H + 1], NpyArray.Type.FLOAT32));
        Path file = written("shapes.npz", npz);
        assertThatThrownBy(() -> PyTorchNpz.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'fc.weight'")
                .hasMessageContaining("(3, " + (H + 1) + ")");
    }

    @Test
    void gruShapedRecurrentMatrixIsRefused() throws IOException {
        Map<String, NpyArray> npz = minimalRnn();
        npz.put("rnn.weight_hh_l0", NpyArray.of(new double[3 * H][H], NpyArray.Type.FLOAT32));
        Path file = written("gru.npz", npz);
        assertThatThrownBy(() -> PyTorchNpz.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'rnn.weight_hh_l0'").hasMessageContaining("(21, 7)");
    }

    @Test
    void extraKeyIsRefused() throws IOException {
        Map<String, NpyArray> npz = minimalRnn();
        npz.put("rnn.weight_ih_l0_reverse", NpyArray.of(new double[H][I], NpyArray.Type.FLOAT32));
        Path file = written("bidirectional.npz", npz);
        assertThatThrownBy(() -> PyTorchNpz.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'rnn.weight_ih_l0_reverse'");
    }

    /** Finite float64 values beyond float32 would become Infinity in the network: refused, by key and index. */
    @Test
    void float64ValuesBeyondFloat32AreRefusedByKeyAndIndex() throws IOException {
        Map<String, NpyArray> npz = minimalRnn();
        double[][] w = new double[H][H];
        w[2][5] = 1e300;
        npz.put("rnn.weight_hh_l0", NpyArray.of(w, NpyArray.Type.FLOAT64));
        refusedByLoadAny("huge.npz", npz, ": 'rnn.weight_hh_l0' row 2, column 5 is 1.0E300, beyond the float32");
        // each bias fits, their sum does not
        Map<String, NpyArray> sum = minimalRnn();
        double[] b = new double[H];
        b[4] = 3e38;
        sum.put("rnn.bias_ih_l0", NpyArray.of(b, NpyArray.Type.FLOAT64));
        sum.put("rnn.bias_hh_l0", NpyArray.of(b, NpyArray.Type.FLOAT64));
        refusedByLoadAny("bias-sum.npz", sum, ": 'rnn.bias_ih_l0' + 'rnn.bias_hh_l0' index 4 is 6.0E38");
        // the largest float32 itself is fine
        Map<String, NpyArray> edge = minimalRnn();
        double[] e = new double[C];
        e[1] = Float.MAX_VALUE;
        edge.put("fc.bias", NpyArray.of(e, NpyArray.Type.FLOAT64));
        Path edgeFile = written("edge.npz", edge);
        assertThat(ModelFiles.loadAny(edgeFile).model().spec().hidden()).isEqualTo(H);
    }

    /** Writes {@code npz} (not modified) as the NPZ file {@code name} in the test's folder; returns the file. */
    private Path written(String name, Map<String, NpyArray> npz) throws IOException {
        Path file = dir.resolve(name);
        NpzFiles.write(file, npz);
        return file;
    }

    /** Writes {@code npz} as {@code name} and asserts that loading it is refused with file + {@code afterName}. */
    private void refusedByLoadAny(String name, Map<String, NpyArray> npz, String afterName) throws IOException {
        Path file = written(name, npz);
        assertThatThrownBy(() -> ModelFiles.loadAny(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + afterName);
    }

    private static Map<String, NpyArray> minimalRnn() {
        Map<String, NpyArray> npz = new LinkedHashMap<>();
        npz.put("rnn.weight_ih_l0", NpyArray.of(new double[H][I], NpyArray.Type.FLOAT32));
        npz.put("rnn.weight_hh_l0", NpyArray.of(new double[H][H], NpyArray.Type.FLOAT32));
        npz.put("rnn.bias_ih_l0", NpyArray.of(new double[H], NpyArray.Type.FLOAT32));
        npz.put("rnn.bias_hh_l0", NpyArray.of(new double[H], NpyArray.Type.FLOAT32));
        npz.put("fc.weight", NpyArray.of(new double[C][H], NpyArray.Type.FLOAT32));
        npz.put("fc.bias", NpyArray.of(new double[C], NpyArray.Type.FLOAT32));
        return npz;
    }

    private static void put(Map<String, double[][]> w, Map<String, NpyArray> npz, String key, double[][] m) {
        w.put(key, m);
        npz.put(key, NpyArray.of(m, NpyArray.Type.FLOAT64));
    }

    private static void put(Map<String, double[]> v, Map<String, NpyArray> npz, String key, double[] b) {
        v.put(key, b);
        npz.put(key, NpyArray.of(b, NpyArray.Type.FLOAT64));
    }

    private static double[][] random(SplittableRandom r, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = scale * (2 * r.nextDouble() - 1);
            }
        }
        return m;
    }
}
