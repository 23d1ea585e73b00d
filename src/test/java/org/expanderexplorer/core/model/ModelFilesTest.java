package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

class ModelFilesTest {

    private static final ArraySequenceDataset DATA = ArraySequenceDataset.noise(12, 5, 4, 3, 9);

    @TempDir
    Path dir;

    /** A new model of {@code spec} (seed 2) saved as {@code name} in the test's folder, its metadata's source given. */
    private Path saved(ModelSpec spec, String name, String source) throws IOException {
        Path file = dir.resolve(name);
        ModelFiles.save(RecurrentClassifier.create(spec, 2), ModelMetadata.of(spec, source), file);
        return file;
    }

    @Test
    void saveThenLoadGivesTheSameOutputsAndMetadata() throws IOException {
        for (CellType cell : CellType.values()) {
            ModelSpec spec = new ModelSpec(cell, 4, 6, 2, 3);
            RecurrentClassifier model = RecurrentClassifier.create(spec, 21);
            ModelMetadata meta = ModelMetadata.of(spec, "trained").withData("noise", 5, 4)
                    .withTraining(21, 3, 64, 1e-3, 1.0, 12.5).withTest(0.875, 8);
            Path file = dir.resolve(cell.id() + ".zip");
            ModelFiles.save(model, meta, file);
            SavedModel back = ModelFiles.load(file);
            assertThat(back.metadata()).isEqualTo(meta);
            assertThat(back.model().spec()).isEqualTo(spec);
            assertThat(back.format()).isEqualTo(SavedModel.Format.DL4J_ZIP);
            float[] x = DATA.flat(0, 12);
            assertThat(back.model().probabilities(x, 12, 5)).isDeepEqualTo(model.probabilities(x, 12, 5));
            assertThat(back.model().network().params().toFloatVector())
                    .containsExactly(model.network().params().toFloatVector());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rnn.zip", "lstm.zip");
        }
    }

    @Test
    void savedZipIsStillAPlainDeeplearning4jModel() throws IOException {
        ModelSpec spec = new ModelSpec(CellType.RNN, 4, 3, 1, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 2);
        Path file = dir.resolve("plain.zip");
        ModelFiles.save(model, ModelMetadata.of(spec, "test"), file);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile());
        assertThat(net.params().toFloatVector()).containsExactly(model.network().params().toFloatVector());
    }

    @Test
    void zipWithoutMetadataGetsArchitectureOnly() throws IOException {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 4, 3, 1, 3);
        RecurrentClassifier model = RecurrentClassifier.create(spec, 2);
        Path file = dir.resolve("bare.zip");
        ModelSerializer.writeModel(model.network(), file.toFile(), false);
        SavedModel back = ModelFiles.load(file);
        assertThat(back.metadata().architecture()).isEqualTo("lstm");
        assertThat(back.metadata().hidden()).isEqualTo(3);
        assertThat(back.metadata().testAccuracy()).isNull();
    }

    /** The sample model with one entry's bytes replaced, re-zipped (so that the CRC check passes). */
    private Path withEntry(String name, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                Files.newInputStream(Path.of("sample-models", "digits8-rnn12.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                entries.put(e.getName(), e.getName().equals(name) ? edit.apply(data) : data);
            }
        }
        Path file = dir.resolve("edited-" + name + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /**
     * The parameters read on the Java side equal those Deeplearning4j's own reader restores, for every sample model,
     * and a coefficients.bin that Nd4j.write wrote in double or half precision is read as the same values in float.
     */
    @Test
    void parametersEqualDeeplearning4jsOwnReadOfTheFile() throws IOException {
        for (String sample : new String[] {"smnist-lstm128.zip", "smnist-rnn128.zip", "digits8-rnn12.zip",
                "spoken-lstm64.zip"}) {
            Path file = Path.of("sample-models", sample);
            float[] reference = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false).params().data()
                    .asFloat();
            assertThat(ModelFiles.load(file).model().network().params().data().asFloat()).as(sample)
                    .isEqualTo(reference);
        }
        float[] reference = ModelSerializer.restoreMultiLayerNetwork(
                Path.of("sample-models", "digits8-rnn12.zip").toFile(), false).params().data().asFloat();
        for (org.nd4j.linalg.api.buffer.DataType type : new org.nd4j.linalg.api.buffer.DataType[] {
                org.nd4j.linalg.api.buffer.DataType.DOUBLE, org.nd4j.linalg.api.buffer.DataType.HALF}) {
            Path file = withEntry("coefficients.bin", b -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (java.io.DataOutputStream d = new java.io.DataOutputStream(out)) {
                    org.nd4j.linalg.factory.Nd4j.write(org.nd4j.linalg.factory.Nd4j.createFromArray(reference)
                            .reshape(1, reference.length).castTo(type), d);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.toByteArray();
            });
            float[] read = ModelFiles.load(file).model().network().params().data().asFloat();
            float[] expected = org.nd4j.linalg.factory.Nd4j.createFromArray(reference).castTo(type)
                    .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
            assertThat(read).as("%s", type).isEqualTo(expected);
            if (type == org.nd4j.linalg.api.buffer.DataType.DOUBLE) {
                assertThat(read).isEqualTo(reference);
            }
        }
    }

    @Test
    void corruptArrayHeadersAreRefusedBeforeDeeplearning4jReadsThem() throws IOException {
        // found by fuzzing: a huge value in the shape information crashed the process or stalled the load
        Path hugeShape = withEntry("coefficients.bin", b -> {
            byte[] c = b.clone();
            java.nio.ByteBuffer.wrap(c).putInt(50, 1 << 30);
            return c;
        });
        expectBad(hugeShape, "corrupt shape header");
        Path hugeLength = withEntry("coefficients.bin", b -> {
            byte[] c = b.clone();
            java.nio.ByteBuffer.wrap(c).putInt(102, 1 << 30); // low half of the parameter buffer's length (a long at 98)
            return c;
        });
        expectBad(hugeLength, "coefficients.bin");
    }

    @Test
    void configurationProblemsNameTheFile() throws IOException {
        Path noClasses = withEntry("configuration.json", b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\"nout\" : \\d+", "\"nout\" : 0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelFiles.loadAny(noClasses))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(noClasses.toString());
    }

    @Test
    void corruptZipIsReported() throws IOException {
        ModelSpec spec = new ModelSpec(CellType.LSTM, 4, 8, 1, 3);
        Path file = saved(spec, "corrupt.zip", "test");
        byte[] bytes = Files.readAllBytes(file);
        for (int k = bytes.length / 3; k < bytes.length / 3 + 64; k++) {
            bytes[k] ^= 0x5a;
        }
        Files.write(file, bytes);
        expectBad(file, "corrupt");
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 100));
        expectBad(truncated, "corrupt");
    }

    @Test
    void textFileIsNotAModel() throws IOException {
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "hello\n");
        expectBad(file, "not a zip archive");
    }

    @Test
    void foreignZipIsNotAModel() throws IOException {
        Path file = dir.resolve("photos.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not a model".getBytes());
            z.closeEntry();
        }
        expectBad(file, "not a Deeplearning4j model zip");
    }

    @Test
    void networkWithoutRecurrentLayerIsRefused() throws IOException {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).build())
                .layer(new OutputLayer.Builder().nIn(5).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        dense.init();
        Path file = dir.resolve("dense.zip");
        ModelSerializer.writeModel(dense, file.toFile(), false);
        // refused before Deeplearning4j reads it: a dense layer is not on the allow-list of a recurrent classifier
        expectBad(file, "names the type 'org.deeplearning4j.nn.conf.layers.DenseLayer' at confs[0].layer.@class");
    }

    @Test
    void metadataThatContradictsTheNetworkIsRefused() throws IOException {
        ModelSpec spec = new ModelSpec(CellType.RNN, 4, 3, 1, 3);
        Path file = saved(spec, "liar.zip", "test");
        Path edited = dir.resolve("edited.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (var e : ModelArchive.read(file).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                byte[] data = e.getKey().equals(ModelFiles.METADATA_ENTRY)
                        ? new String(e.getValue()).replace("\"hidden\" : 3", "\"hidden\" : 30").getBytes()
                        : e.getValue();
                z.write(data);
                z.closeEntry();
            }
        }
        expectBad(edited, "metadata describes rnn 30");
    }

    @Test
    void missingFileAndNpzAreDistinguished() throws IOException {
        expectBad(dir.resolve("nowhere.zip"), "no such file");
        ModelSpec spec = new ModelSpec(CellType.RNN, 4, 3, 1, 3);
        Path npz = dir.resolve("w.npz");
        PyTorchNpz.save(RecurrentClassifier.create(spec, 2), npz);
        expectBad(npz, "not a Deeplearning4j model zip");
        assertThat(ModelFiles.loadAny(npz).model().spec()).isEqualTo(spec);
    }

    @Test
    void failedSaveLeavesTheOldFile() throws IOException {
        ModelSpec spec = new ModelSpec(CellType.RNN, 4, 3, 1, 3);
        Path file = saved(spec, "keep.zip", "first");
        byte[] before = Files.readAllBytes(file);
        ModelSpec other = new ModelSpec(CellType.RNN, 4, 5, 1, 3);
        assertThatThrownBy(() -> ModelFiles.save(RecurrentClassifier.create(other, 2), ModelMetadata.of(spec, "x"),
                file)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtomicFiles.write(file, (OutputStream out) -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).hasMessage(file + ": disk full");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    private static void expectBad(Path file, String problem) {
        assertThatThrownBy(() -> ModelFiles.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
