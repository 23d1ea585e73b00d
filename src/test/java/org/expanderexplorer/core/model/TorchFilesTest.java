package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PyTorch's own files: what is refused and how, hostile pickles, half precision, and the writer. */
class TorchFilesTest {

    /** The Python that has PyTorch (Debian's python3-torch), if this machine has it. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "whole-module.pt | names the Python object '__main__.SequenceLstm'",
        "whole-module.pt | save the weights alone with torch.save(model.state_dict(), PATH)",
        "legacy.pt | is in PyTorch's legacy format",
        "legacy.pt | save it again with torch.save(model.state_dict(), PATH)",
        "bidirectional.pt | key 'weight_ih_l0_reverse' belongs to a bidirectional layer",
        "gru.pt | key 'weight_hh_l0' has shape (12, 4), (3H, H): a GRU, which is not supported",
        "projection.pt | key 'weight_hr_l0' is an LSTM projection (proj_size > 0)",
        "checkpoint.pt | is a dict of other things than tensors (e.g. 'model'), such as a training checkpoint"})
    void unsupportedFilesAreRefusedWithOneLineSayingWhatToDo(String name, String expected) {
        Fixtures.assertRefused(Fixtures.file(name), expected);
    }

    @ParameterizedTest
    @CsvSource({"lstm-f16.pt, float16", "lstm-bf16.safetensors, bfloat16", "lstm-f64.safetensors, float64"})
    void otherFloatTypesAreReadAndNoted(String name, String type) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(name));
        assertThat(saved.metadata().source()).contains(type + " weights");
        int[] ours = Fixtures.predictions(saved.model(), Fixtures.allDigits());
        int[] pytorch = Fixtures.pytorchPredictions("lstm");
        int agree = 0;
        for (int i = 0; i < ours.length; i++) {
            agree += ours[i] == pytorch[i] ? 1 : 0;
        }
        // 16-bit weights move a few close calls; float64 weights are the float32 ones exactly
        assertThat(agree).isGreaterThanOrEqualTo(type.equals("float64") ? ours.length - 2 : ours.length * 97 / 100);
        NpyArray.Type stored = ModelFiles.loadAny(Fixtures.file(name)).layout().type("encoder.weight_hh_l0");
        assertThat(stored.name().toLowerCase()).isEqualTo(type);
    }

    /**
     * A pickle that would run a command is refused at its global, and nothing runs: the command would create a
     * marker file, which never appears. Where PyTorch is installed, the same file is first shown to create the marker
     * when PyTorch itself loads it (so the test cannot pass by the command being harmless).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "posix | system | os",
        "builtins | eval | eval",
        "subprocess | Popen | popen"})
    void aPickleThatRunsSomethingIsRefusedAndNothingRuns(String module, String name, String kind) throws Exception {
        Path marker = dir.resolve("marker-" + kind);
        Path file = dir.resolve("evil-" + kind + ".pt");
        writeArchive(file, evilPickle(module, name, marker));
        if (Files.isExecutable(PYTHON) && pythonHasTorch()) {
            Path copy = dir.resolve("proof-" + kind + ".pt");
            Path proofMarker = dir.resolve("proof-marker-" + kind);
            writeArchive(copy, evilPickle(module, name, proofMarker));
            python("import torch, time; torch.load('" + copy + "', weights_only=False); time.sleep(0.5)");
            assertThat(proofMarker).as("PyTorch itself runs the pickle's command").exists();
        }
        assertThatThrownBy(() -> ModelFiles.loadAny(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("names the Python object '" + module + "." + name + "'")
                .hasMessageContaining("nothing in the file is run or built");
        Thread.sleep(300);
        assertThat(marker).doesNotExist();
    }

    @Test
    void otherOpcodesAndBrokenPicklesAreRefused() throws IOException {
        // INST (text-form construction of a class) is outside the opcode list
        byte[] inst = "\u0080\u0002(iposix\nsystem\n.".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("inst.pt");
        writeArchive(file, inst);
        assertThatThrownBy(() -> ModelFiles.loadAny(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("pickle opcode 0x69");
        // a string that declares 2 GB in a pickle of 20 bytes: refused before anything of that size is allocated
        byte[] big = {(byte) 0x80, 2, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'a', '.'};
        Path bigFile = dir.resolve("big.pt");
        writeArchive(bigFile, big);
        assertThatThrownBy(() -> ModelFiles.loadAny(bigFile)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("declares 2147483647 bytes");
    }

    /** What this program writes, its own reader reads back exactly (keys, order, shapes, types, values). */
    @Test
    void writtenStateDictsReadBackExactly() throws IOException {
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        sd.put("a.weight", new NpyArray(new int[] {2, 3}, new double[] {1, -2, 3.5, 0, 1e-3, 7},
                NpyArray.Type.FLOAT32));
        sd.put("a.half", new NpyArray(new int[] {4}, new double[] {0.5, -65504, 0x1p-14, 3 * 0x1p-24},
                NpyArray.Type.FLOAT16));
        sd.put("b.bf", new NpyArray(new int[] {1, 2}, new double[] {1.5, -3.0}, NpyArray.Type.BFLOAT16));
        sd.put("c.double", new NpyArray(new int[] {2}, new double[] {Math.PI, -1e-300}, NpyArray.Type.FLOAT64));
        sd.put("scalar", new NpyArray(new int[0], new double[] {4}, NpyArray.Type.FLOAT32));
        Path file = dir.resolve("sd.pt");
        TorchFiles.write(file, sd);
        Map<String, NpyArray> back = TorchFiles.tensors(file, ModelArchive.read(file));
        assertThat(back.keySet()).containsExactlyElementsOf(sd.keySet());
        for (String k : sd.keySet()) {
            assertThat(back.get(k).shape()).as(k).isEqualTo(sd.get(k).shape());
            assertThat(back.get(k).type()).as(k).isEqualTo(sd.get(k).type());
            assertThat(back.get(k).values()).as(k).containsExactly(sd.get(k).type() == NpyArray.Type.FLOAT32
                    ? floats(sd.get(k).values()) : sd.get(k).values());
        }
    }

    private static double[] floats(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** An OrderedDict whose one value is {@code module.name('touch MARKER')} (or the Popen/eval equivalent). */
    static byte[] evilPickle(String module, String name, Path marker) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x80, 2});
        b.writeBytes("ccollections\nOrderedDict\n)R(".getBytes(StandardCharsets.US_ASCII));
        string(b, "encoder.weight_ih_l0");
        b.writeBytes(("c" + module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        switch (name) {
            case "system" -> string(b, "touch '" + marker + "'");
            case "eval" -> string(b, "open('" + marker + "', 'w').close()");
            default -> {
                b.write(']');
                b.write('(');
                string(b, "touch");
                string(b, marker.toString());
                b.write('e');
            }
        }
        b.write(0x85);
        b.write('R');
        b.write('u');
        b.write('.');
        return b.toByteArray();
    }

    private static void string(ByteArrayOutputStream b, String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        b.write('X');
        b.writeBytes(new byte[] {(byte) t.length, (byte) (t.length >> 8), (byte) (t.length >> 16), 0});
        b.writeBytes(t);
    }

    /** A torch.save-style archive (stored entries) holding {@code pickle} as its data.pkl. */
    static void writeArchive(Path file, byte[] pickle) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : Map.of("evil/data.pkl", pickle, "evil/version",
                    "3\n".getBytes(StandardCharsets.US_ASCII)).entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                z.setCrc(crc.getValue());
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    static boolean pythonHasTorch() {
        try {
            return python("import torch") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a Python snippet with the system Python; its exit code. */
    static int python(String code) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static void assumePythonTorch() {
        assumeThat(Files.isExecutable(PYTHON) && pythonHasTorch()).as("python3 with PyTorch").isTrue();
    }
}
