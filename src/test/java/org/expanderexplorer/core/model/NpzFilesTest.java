package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NPY/NPZ reading and writing. The two fixtures were written by NumPy 2.4:
 * <pre>
 * a = np.arange(6, dtype='&lt;f4').reshape(2, 3) / 4;  b = np.array([0.5, -1.25, 3.0, 1e-300])
 * f = np.asfortranarray(np.arange(6.).reshape(2, 3)); e = np.arange(4, dtype='&gt;f4') - 1.5; s = np.float32(2.5)
 * np.savez('numpy-savez.npz', a=a, b=b, f=f, e=e, s=s); np.savez_compressed('numpy-savez-compressed.npz', a=a, b=b)
 * </pre>
 */
class NpzFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatNumpyWrote() throws Exception {
        Map<String, NpyArray> m = NpzFiles.read(resource("numpy-savez.npz"));
        assertThat(m.keySet()).containsExactly("a", "b", "f", "e", "s");
        assertThat(m.get("a").shape()).containsExactly(2, 3);
        assertThat(m.get("a").type()).isEqualTo(NpyArray.Type.FLOAT32);
        assertThat(m.get("a").values()).containsExactly(0, 0.25, 0.5, 0.75, 1.0, 1.25);
        assertThat(m.get("b").type()).isEqualTo(NpyArray.Type.FLOAT64);
        assertThat(m.get("b").values()).containsExactly(0.5, -1.25, 3.0, 1e-300);
        // Fortran order on disk, C order in memory: row 0 is 0 1 2
        assertThat(m.get("f").values()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(m.get("e").values()).containsExactly(-1.5, -0.5, 0.5, 1.5);
        assertThat(m.get("s").shape()).isEmpty();
        assertThat(m.get("s").values()).containsExactly(2.5);
    }

    @Test
    void readsCompressedNpz() throws Exception {
        Map<String, NpyArray> m = NpzFiles.read(resource("numpy-savez-compressed.npz"));
        assertThat(m.get("a").values()).containsExactly(0, 0.25, 0.5, 0.75, 1.0, 1.25);
        assertThat(m.get("b").values()).containsExactly(0.5, -1.25, 3.0, 1e-300);
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        Map<String, NpyArray> in = new LinkedHashMap<>();
        in.put("m", NpyArray.of(new double[][] {{1, -2, 3.5}, {Math.PI, 0, -0.0}}, NpyArray.Type.FLOAT64));
        in.put("v", NpyArray.of(new double[] {0.1f, 7}, NpyArray.Type.FLOAT32));
        in.put("empty", new NpyArray(new int[] {0, 4}, new double[0], NpyArray.Type.FLOAT32));
        Path file = dir.resolve("rt.npz");
        NpzFiles.write(file, in);
        assertThat(NpzFiles.read(file)).isEqualTo(in);
    }

    @Test
    void headersAreSixtyFourByteAligned() {
        byte[] npy = NpzFiles.toNpy(NpyArray.of(new double[] {1, 2, 3}, NpyArray.Type.FLOAT32));
        int headerEnd = 10 + ((npy[8] & 0xff) | (npy[9] & 0xff) << 8);
        assertThat(headerEnd % 64).isZero();
        assertThat(npy[headerEnd - 1]).isEqualTo((byte) '\n');
        assertThat(npy.length).isEqualTo(headerEnd + 12);
    }

    @Test
    void numpyReadsWhatWeWrite() throws Exception {
        Map<String, NpyArray> in = new LinkedHashMap<>();
        in.put("rnn.weight_ih_l0", NpyArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, NpyArray.Type.FLOAT32));
        Path file = dir.resolve("for-numpy.npz");
        NpzFiles.write(file, in);
        String script = "import numpy as np, sys; a = np.load(sys.argv[1])['rnn.weight_ih_l0'];"
                + "print(a.dtype, a.shape, a[2, 1])";
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 not available");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out;
        try (InputStream s = p.getInputStream()) {
            out = new String(s.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Assumptions.assumeFalse(out.contains("No module named"), "NumPy not installed");
        assertThat(out).isEqualTo("float32 (3, 2) 6.0");
    }

    @Test
    void badArraysAreReportedWithFileAndKey() throws IOException {
        byte[] good = NpzFiles.toNpy(NpyArray.of(new double[] {1, 2, 3}, NpyArray.Type.FLOAT32));
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        expectBad("truncated", truncated, "needs 12 bytes of data, the entry has 11");
        byte[] magic = good.clone();
        magic[1] = 'X';
        expectBad("magic", magic, "bad magic");
        String intHeader = new String(good, 10, good.length - 22, StandardCharsets.ISO_8859_1).replace("<f4", "<i4");
        byte[] ints = good.clone();
        System.arraycopy(intHeader.getBytes(StandardCharsets.ISO_8859_1), 0, ints, 10, intHeader.length());
        expectBad("ints", ints, "element type '<i4' is not supported");
        String bigShape = new String(good, 10, good.length - 22, StandardCharsets.ISO_8859_1)
                .replace("(3,)", "(9,)");
        byte[] shape = good.clone();
        System.arraycopy(bigShape.getBytes(StandardCharsets.ISO_8859_1), 0, shape, 10, bigShape.length());
        expectBad("shape", shape, "needs 36 bytes");
    }

    @Test
    void headerBytesAreQuotedOnOneLine() throws IOException {
        // found by fuzzing: bytes inserted into the shape made the message echo a line break and raw bytes
        byte[] broken = NpzFiles.toNpy(NpyArray.of(new double[] {1, 2, 3}, NpyArray.Type.FLOAT32));
        int paren = new String(broken, StandardCharsets.ISO_8859_1).indexOf("(3,)");
        broken[paren] = '\n';
        broken[paren + 1] = 7;
        Path file = dir.resolve("broken.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("w.npy"));
            z.write(broken);
            z.closeEntry();
        }
        assertThatThrownBy(() -> NpzFiles.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("'shape'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0007"));
    }

    @Test
    void textFileIsNotAnNpz() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "just some text\n");
        assertThatThrownBy(() -> NpzFiles.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("not a zip");
    }

    private void expectBad(String key, byte[] npy, String problem) throws IOException {
        Path file = dir.resolve(key + ".npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry(key + ".npy"));
            z.write(npy);
            z.closeEntry();
        }
        assertThatThrownBy(() -> NpzFiles.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("'" + key + "'")
                .hasMessageContaining(problem);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpzFilesTest.class.getResource(name).toURI());
    }
}
