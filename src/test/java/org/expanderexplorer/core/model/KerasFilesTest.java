package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.data.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras {@code .h5} models (written with h5py in Keras 2's layout by {@code make_keras_fixtures.py}, from the weights
 * of the PyTorch fixtures): each gives the class probabilities of a NumPy forward pass of Keras's equations, and of
 * the NPZ of the same weights, to 1e-5; files that are not a supported model are refused with one line naming the
 * file, and nothing they name is opened.
 */
class KerasFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"lstm, LSTM, 16, 1, lstm., dense.", "rnn2, RNN, 12, 2, simple_rnn_1., dense_1."})
    void probabilitiesAreKerassAndTheNpzsToOneIn100000(String stem, CellType cell, int hidden, int layers,
            String prefix, String head) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(stem + ".h5"));
        assertThat(saved.format()).isEqualTo(SavedModel.Format.KERAS_H5);
        assertThat(saved.model().spec()).isEqualTo(new ModelSpec(cell, 8, hidden, layers, 10));
        assertThat(saved.layout().recurrentPrefix()).isEqualTo(prefix);
        assertThat(saved.layout().headPrefix()).isEqualTo(head);
        assertThat(saved.metadata().source()).contains(stem + ".h5", KerasFiles.BIAS_NOTE);

        SequenceDataset digits = Fixtures.allDigits();
        double[][] ours = Fixtures.probabilities(saved.model(), digits);
        double[][] npz = Fixtures.probabilities(ModelFiles.loadAny(Fixtures.file(stem + ".npz")).model(), digits);
        float[] keras = kerasProbabilities(stem);
        assertThat(ours).hasNumberOfRows(1797);
        double worstKeras = 0;
        double worstNpz = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int c = 0; c < 10; c++) {
                worstKeras = Math.max(worstKeras, Math.abs(ours[i][c] - keras[i * 10 + c]));
                worstNpz = Math.max(worstNpz, Math.abs(ours[i][c] - npz[i][c]));
            }
        }
        assertThat(worstKeras).as("largest difference to Keras's equations in NumPy").isLessThan(1e-5);
        assertThat(worstNpz).as("largest difference to the NPZ of the same weights").isLessThan(1e-5);
        int[] predicted = Fixtures.predictions(saved.model(), digits);
        assertThat(predicted).isEqualTo(Fixtures.predictions(ModelFiles.loadAny(Fixtures.file(stem + ".npz"))
                .model(), digits));
        long correct = java.util.stream.IntStream.range(0, predicted.length)
                .filter(i -> predicted[i] == digits.label(i)).count();
        assertThat(correct / 1797.0).isGreaterThan(0.9);
    }

    /** Kernels transposed, one bias as bias_ih with bias_hh zero, so the cell's sum is Keras's bias exactly. */
    @Test
    void theStateDictIsPyTorchsLayoutOfTheKerasWeights() throws IOException {
        Map<String, NpyArray> sd = KerasFiles.stateDict(Fixtures.file("lstm.h5"),
                Files.readAllBytes(Fixtures.file("lstm.h5")));
        assertThat(sd.keySet()).containsExactly("lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0",
                "lstm.bias_hh_l0", "dense.weight", "dense.bias");
        Map<String, NpyArray> torch = ModelFiles.tensors(Fixtures.file("lstm.pt"));
        for (String k : List.of("weight_ih_l0", "weight_hh_l0")) {
            assertThat(sd.get("lstm." + k).shape()).isEqualTo(torch.get("encoder." + k).shape());
            assertThat(sd.get("lstm." + k).values()).containsExactly(torch.get("encoder." + k).values());
        }
        assertThat(sd.get("dense.weight").values()).containsExactly(torch.get("head.weight").values());
        assertThat(sd.get("lstm.bias_hh_l0").values()).containsOnly(0.0);
        double[] ih = torch.get("encoder.bias_ih_l0").values();
        double[] hh = torch.get("encoder.bias_hh_l0").values();
        double[] keras = sd.get("lstm.bias_ih_l0").values();
        for (int i = 0; i < ih.length; i++) {
            assertThat(keras[i]).isEqualTo((float) (ih[i] + hh[i]));
        }
        assertThat(sd.get("lstm.bias_ih_l0").type()).isEqualTo(NpyArray.Type.FLOAT32);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "keras-gru.h5|layer 'gru' is a GRU, which is not supported (SimpleRNN and LSTM are)",
        "keras-lambda.h5|layer 'lambda' is a Lambda layer (Python code), which is never run here",
        "keras-bidirectional.h5|layer 'bidirectional' is Bidirectional, which is not supported",
        "keras-conv1d.h5|layer 'conv1d' is a 'Conv1D' layer, which is not supported",
        "keras-hard-sigmoid.h5|layer 'lstm' uses recurrent_activation 'hard_sigmoid'; supported: sigmoid",
        "keras-sequences.h5|layer 'lstm' returns sequences (return_sequences=True) into the Dense head",
        "keras-shape.h5|dataset 'lstm/lstm_cell/kernel:0' has shape (3, 12); layer 'lstm' as configured needs (3, 16)",
        "keras-not-json.h5|has a model_config that is not valid JSON",
        "keras-weights-only.h5|holds weights only (model.save_weights)",
        "keras-lzf.h5|dataset 'lstm/lstm_cell/kernel:0' is stored in chunks (compressed or resizable)",
        "keras-link.h5|'lstm/lstm_cell/kernel:0' is a link, which is not followed",
        "keras-huge.h5|Keras weights of 324162002 values needs about"})
    void unsupportedAndHostileFilesAreRefusedInOneLine(String name, String problem) {
        Fixtures.assertRefused(Fixtures.file(name), problem);
    }

    /** The declared 1.3 GB are refused before anything of that size is allocated. */
    @Test
    void aHugeDeclaredShapeIsRefusedBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.file("keras-huge.h5"));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> KerasFiles.stateDict(Fixtures.file("keras-huge.h5"), bytes))
                .hasMessageContaining("MB, the heap allows");
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(32L << 20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 96, 800, 2048, 8000, 30000, 51000})
    void aTruncatedFileIsRefusedInOneLine(int length) throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.file("lstm.h5"));
        Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, Math.min(length, whole.length - 1)));
        Fixtures.assertRefused(cut, "");
    }

    @Test
    void aFileNamedH5ThatIsNotHdf5SaysSo() throws IOException {
        Path text = Files.writeString(dir.resolve("model.h5"), "\bnot an HDF5 file\n");
        assertThatThrownBy(() -> ModelFiles.loadAny(text)).hasMessage(text + ": is not an HDF5 file (no HDF5 "
                + "signature); a Keras model is the .h5 file model.save(\"m.h5\") writes");
    }

    @Test
    void kerasThreesOwnArchiveIsNamed() throws IOException {
        Path keras = dir.resolve("model.keras");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(keras))) {
            for (String entry : List.of("metadata.json", "config.json", "model.weights.h5")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> ModelFiles.loadAny(keras)).hasMessageContaining("is a Keras 3 .keras archive");
    }

    /**
     * Exported as a state_dict, a Keras model keeps its layer names, Keras's bias as bias_ih and zero as bias_hh (so
     * that summing them gives Keras's bias back), and reads back to the same network.
     */
    @ParameterizedTest
    @ValueSource(strings = {".pt", ".safetensors", ".npz", ".onnx"})
    void anExportReadsBackToTheSameNetwork(String ext) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file("rnn2.h5"));
        Path out = dir.resolve("rnn2" + ext);
        ModelExportFormat.of(out).write(out, saved.model(), saved.exportLayout(), saved.metadata());
        SavedModel back = ModelFiles.loadAny(out);
        assertThat(back.layout().recurrentPrefix()).isEqualTo("simple_rnn_1.");
        assertThat(Fixtures.predictions(back.model(), Fixtures.allDigits()))
                .isEqualTo(Fixtures.predictions(saved.model(), Fixtures.allDigits()));
        if (!ext.equals(".onnx")) {
            Map<String, NpyArray> t = ModelFiles.tensors(out);
            Map<String, NpyArray> read = KerasFiles.stateDict(Fixtures.file("rnn2.h5"),
                    Files.readAllBytes(Fixtures.file("rnn2.h5")));
            assertThat(t.keySet()).containsExactlyElementsOf(read.keySet());
            for (String k : read.keySet()) {
                assertThat(t.get(k).values()).as(k).containsExactly(read.get(k).values());
            }
        }
    }

    /** Where PyTorch is installed: the exported .pt loads strictly into nn.LSTM + nn.Linear named as in Keras. */
    @Test
    void pyTorchLoadsTheExportStrictlyUnderTheKerasNames() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python) && exitCode(python, "import torch")
                == 0, "python3 with PyTorch");
        SavedModel saved = ModelFiles.loadAny(Fixtures.file("lstm.h5"));
        Path out = dir.resolve("lstm.pt");
        ModelExportFormat.PYTORCH.write(out, saved.model(), saved.exportLayout(), saved.metadata());
        String script = String.join("\n",
                "import sys, torch, torch.nn as nn",
                "class M(nn.Module):",
                "    def __init__(self):",
                "        super().__init__()",
                "        self.lstm = nn.LSTM(8, 16, batch_first=True)",
                "        self.dense = nn.Linear(16, 10)",
                "    def forward(self, x):",
                "        return self.dense(self.lstm(x)[0][:, -1])",
                "m = M()",
                "m.load_state_dict(torch.load(sys.argv[1], weights_only=True), strict=True)",
                "x = torch.tensor([[[(i * 7 + j * 3) % 17 / 16.0 for j in range(8)] for i in range(8)]])",
                "print(' '.join('%.7f' % v for v in torch.softmax(m(x), 1)[0].tolist()))");
        Process p = new ProcessBuilder(python.toString(), "-c", script, out.toString()).redirectErrorStream(true)
                .start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(printed).isZero();
        float[] x = new float[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                x[i * 8 + j] = (i * 7 + j * 3) % 17 / 16.0f;
            }
        }
        double[] ours = saved.model().probabilities(x, 1, 8)[0];
        double[] theirs = Arrays.stream(printed.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(theirs).hasSize(10);
        for (int c = 0; c < 10; c++) {
            assertThat(ours[c]).isCloseTo(theirs[c], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    private static int exitCode(Path python, String code) throws Exception {
        Process p = new ProcessBuilder(python.toString(), "-c", code).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** Keras's probabilities of the 1,797 digits (n x 10, row-major), from the NumPy forward pass of the script. */
    private static float[] kerasProbabilities(String stem) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/keras-predictions.npz")) {
            Path name = Path.of("keras-predictions.npz");
            NpyArray a = NpzFiles.parse(name, ModelArchive.entries(name, in.readAllBytes())).get(stem);
            assertThat(a.shape()).containsExactly(1797, 10);
            double[] v = a.values();
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) v[i];
            }
            return out;
        }
    }
}
