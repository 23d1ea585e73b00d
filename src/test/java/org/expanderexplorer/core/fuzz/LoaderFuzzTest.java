package org.expanderexplorer.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.expanderexplorer.core.data.Cifar10Dataset;
import org.expanderexplorer.core.data.IdxReader;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.data.WavReader;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.NpyArray;
import org.expanderexplorer.core.model.NpzFiles;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every loader against seeded mutations of a valid file (see {@link FuzzHarness}). The counts here keep the
 * class near half a minute; {@code -Dfuzz.count=5000} runs a longer campaign. Session files, a
 * window concern, are fuzzed by {@code ui.session.SessionFuzzTest} with the same harness (core may not see ui).
 */
class LoaderFuzzTest {

    @TempDir
    Path dir;

    private static final Path SAMPLE_MODEL = Path.of("sample-models", "digits8-rnn12.zip");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private static void assertClean(List<String> failures) {
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void csvMatrices() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 7; j++) {
                csv.append(j == 0 ? "" : ",").append((i * 7 + j) % 3 == 0 ? "0" : String.valueOf(0.25 * (i - j)));
            }
            csv.append('\n');
        }
        assertClean(FuzzHarness.run(dir, "m.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Mutator::text,
                MatrixFiles::read, 1500, 101));
    }

    @Test
    void matrixMarketFiles() throws Exception {
        String mtx = "%%MatrixMarket matrix coordinate real general\n% a comment\n4 5 6\n1 1 0.5\n2 3 -1\n"
                + "3 5 2e-3\n4 4 7\n1 5 1\n4 1 -0.25\n";
        assertClean(FuzzHarness.run(dir, "m.mtx", mtx.getBytes(StandardCharsets.UTF_8), Mutator::text,
                MatrixFiles::read, 1500, 102));
        String pattern = "%%MatrixMarket matrix coordinate pattern general\n3 3 4\n1 1\n2 2\n3 3\n1 3\n";
        assertClean(FuzzHarness.run(dir, "p.mtx", pattern.getBytes(StandardCharsets.UTF_8), Mutator::text,
                MatrixFiles::read, 500, 103));
        String array = "%%MatrixMarket matrix array real general\n2 3\n1\n2\n3\n4\n5\n6\n";
        assertClean(FuzzHarness.run(dir, "a.mtx", array.getBytes(StandardCharsets.UTF_8), Mutator::text,
                MatrixFiles::read, 500, 104));
    }

    @Test
    void idxFiles() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(5);
        out.writeInt(4);
        out.writeInt(4);
        for (int i = 0; i < 80; i++) {
            out.writeByte(i * 3);
        }
        out.flush();
        assertClean(FuzzHarness.run(dir, "images-idx3-ubyte", bytes.toByteArray(), Mutator::binary,
                f -> IdxReader.read(f, IdxReader.IMAGES_MAGIC), 2000, 201));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(bytes.toByteArray());
        }
        assertClean(FuzzHarness.run(dir, "images-idx3-ubyte.gz", gz.toByteArray(), Mutator::binary,
                f -> IdxReader.read(f, IdxReader.IMAGES_MAGIC), 1000, 202));
    }

    @Test
    void wavFiles() throws Exception {
        int samples = 1600;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2)
                .putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (1000 * Math.sin(i / 7.0)));
        }
        WavReader reader = new WavReader(16000);
        assertClean(FuzzHarness.run(dir, "clip.wav", b.array(), Mutator::binary, reader::read, 2000, 301));
    }

    @Test
    void cifar10Batches() throws Exception {
        byte[] batch = new byte[3 * Cifar10Dataset.RECORD];
        for (int r = 0; r < 3; r++) {
            batch[r * Cifar10Dataset.RECORD] = (byte) (r * 3);
            for (int i = 1; i < Cifar10Dataset.RECORD; i++) {
                batch[r * Cifar10Dataset.RECORD + i] = (byte) (i * 7 + r);
            }
        }
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", Cifar10Dataset.CLASS_NAMES) + "\n");
        // the loader takes a folder: each mutant is written as its test_batch.bin
        FuzzHarness.Loader load = f -> {
            Files.copy(f, dir.resolve("test_batch.bin"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                return Cifar10Dataset.load(dir, Split.TEST);
            } catch (org.expanderexplorer.core.BadInputException e) {
                // name the mutant, as the harness checks, when the message names the copy
                throw new org.expanderexplorer.core.BadInputException(e.getMessage().replace("test_batch.bin",
                        "test_batch.bin (" + f.getFileName() + ")"), e);
            }
        };
        assertClean(FuzzHarness.run(dir, "cifar.bin", batch, Mutator::binary, load, 1000, 401));
    }

    @Test
    void npzArrays() throws Exception {
        Path good = dir.resolve("arrays.npz");
        NpzFiles.write(good, Map.of("w", NpyArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}}, NpyArray.Type.FLOAT32),
                "b", NpyArray.of(new double[] {0.5, -1}, NpyArray.Type.FLOAT64)));
        assertClean(FuzzHarness.run(dir, "fuzz.npz", Files.readAllBytes(good), Mutator::zip, NpzFiles::read, 2000,
                501));
    }

    @Test
    void modelZips() throws Exception {
        byte[] valid = Files.readAllBytes(SAMPLE_MODEL);
        assertClean(FuzzHarness.run(dir, "model.zip", valid, Mutator::zip, ModelFiles::loadAny, 300, 601));
    }

    /** A {@code torch.save} archive (rezipped: torch's stored entries with data descriptors are not streamable). */
    @Test
    void torchSaveArchives() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(FIXTURES.resolve("rnn2.pt").toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        assertClean(FuzzHarness.run(dir, "model.pt", ZipEntries.write(entries), Mutator::zip, ModelFiles::loadAny, 400,
                801));
    }

    @Test
    void safetensorsModels() throws Exception {
        assertClean(FuzzHarness.run(dir, "model.safetensors", Files.readAllBytes(FIXTURES.resolve(
                "rnn2.safetensors")), Mutator::binary, ModelFiles::loadAny, 400, 802));
    }

    @Test
    void onnxModels() throws Exception {
        assertClean(FuzzHarness.run(dir, "model.onnx", Files.readAllBytes(FIXTURES.resolve("rnn2.onnx")),
                Mutator::binary, ModelFiles::loadAny, 400, 803));
    }

    /**
     * Keras .h5 models (HDF5 read by jhdf): byte mutations of superblock, object headers, heaps and data; one file
     * with fixed-length strings only (Keras 2.2), one with variable-length strings in the global heap and optimizer
     * state (tf.keras 2.4).
     */
    @Test
    void kerasModels() throws Exception {
        assertClean(FuzzHarness.run(dir, "model.h5", Files.readAllBytes(FIXTURES.resolve("rnn2.h5")),
                Mutator::binary, ModelFiles::loadAny, 300, 804));
        assertClean(FuzzHarness.run(dir, "lstm.h5", Files.readAllBytes(FIXTURES.resolve("lstm.h5")),
                Mutator::binary, ModelFiles::loadAny, 300, 805));
    }

    @Test
    void pyTorchNpzModels() throws Exception {
        Path npz = dir.resolve("model.npz");
        PyTorchNpz.save(ModelFiles.load(SAMPLE_MODEL).model(), npz);
        assertClean(FuzzHarness.run(dir, "torch.npz", Files.readAllBytes(npz), Mutator::zip, ModelFiles::loadAny, 600,
                701));
    }
}
