package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** An IDX file written by hand: magic, big-endian sizes, then the bytes. */
    private static byte[] idx(int magic, int[] sizes, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int s : sizes) {
            out.writeInt(s);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 200);
        }
        return b;
    }

    @Test
    void readsPlainImages() throws IOException {
        byte[] pixels = ramp(2 * 3 * 4);
        Path file = write("img", idx(0x00000803, new int[] {2, 3, 4}, pixels));
        IdxReader.IdxArray a = IdxReader.read(file, IdxReader.IMAGES_MAGIC);
        assertThat(a.shape()).containsExactly(2, 3, 4);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.data()).containsExactly(pixels);
        // unsigned: (1 * 7 + 200) & 0xff = 207, (10 * 7 + 200) & 0xff = 270 - 256 = 14
        assertThat(a.data()[1] & 0xff).isEqualTo(207);
        assertThat(a.data()[10] & 0xff).isEqualTo(14);
    }

    @Test
    void readsGzippedLabelsWhateverTheName() throws IOException {
        byte[] labels = {5, 0, 4, 1, 9};
        Path file = write("labels.bin", gzip(idx(0x00000801, new int[] {5}, labels)));
        IdxReader.IdxArray a = IdxReader.read(file, IdxReader.LABELS_MAGIC);
        assertThat(a.shape()).containsExactly(5);
        assertThat(a.data()).containsExactly(labels);
        assertThat(a.source()).isEqualTo(file.toString());
    }

    @Test
    void emptyArrayIsFine() throws IOException {
        Path file = write("empty", idx(0x00000801, new int[] {0}, new byte[0]));
        assertThat(IdxReader.read(file, IdxReader.LABELS_MAGIC).data()).isEmpty();
    }

    @Test
    void refusesWrongMagic() throws IOException {
        Path labelsGivenAsImages = write("labels", idx(0x00000801, new int[] {3}, new byte[3]));
        assertThatThrownBy(() -> IdxReader.read(labelsGivenAsImages, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(labelsGivenAsImages.toString())
                .hasMessageContaining("0x00000801").hasMessageContaining("0x00000803");
        Path foreign = write("foreign.txt", "hello, this is text\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> IdxReader.read(foreign, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(foreign.toString())
                .hasMessageContaining("not an IDX file");
        Path floats = write("floats", idx(0x00000D01, new int[] {1}, new byte[4]));
        assertThatThrownBy(() -> IdxReader.read(floats, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageContaining("0x00000D01");
    }

    @Test
    void refusesTooShortFiles() throws IOException {
        Path empty = write("zero", new byte[0]);
        assertThatThrownBy(() -> IdxReader.read(empty, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(empty.toString())
                .hasMessageContaining("too short");
        byte[] full = idx(0x00000803, new int[] {2, 3, 4}, ramp(24));
        Path cutInHeader = write("cut-header", Arrays.copyOf(full, 9));
        assertThatThrownBy(() -> IdxReader.read(cutInHeader, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(cutInHeader.toString())
                .hasMessageContaining("truncated header");
    }

    @Test
    void refusesTruncatedData() throws IOException {
        byte[] full = idx(0x00000803, new int[] {2, 3, 4}, ramp(24));
        Path plain = write("cut", Arrays.copyOf(full, full.length - 5));
        assertThatThrownBy(() -> IdxReader.read(plain, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(plain.toString())
                .hasMessageContaining("truncated").hasMessageContaining("2 x 3 x 4");
        // a complete gzip stream whose content is short
        Path shortContent = write("cut-content.gz", gzip(Arrays.copyOf(full, full.length - 5)));
        assertThatThrownBy(() -> IdxReader.read(shortContent, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(shortContent.toString())
                .hasMessageContaining("truncated").hasMessageContaining("only 19 present");
        // a gzip stream cut in the middle
        byte[] gz = gzip(full);
        Path cutStream = write("cut-stream.gz", Arrays.copyOf(gz, gz.length - 10));
        assertThatThrownBy(() -> IdxReader.read(cutStream, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(cutStream.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesLyingSizes() throws IOException {
        // declares fewer items than it holds
        Path longer = write("longer", idx(0x00000801, new int[] {3}, new byte[5]));
        assertThatThrownBy(() -> IdxReader.read(longer, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(longer.toString())
                .hasMessageContaining("longer than its header declares");
        Path longerGz = write("longer.gz", gzip(idx(0x00000801, new int[] {3}, new byte[5])));
        assertThatThrownBy(() -> IdxReader.read(longerGz, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(longerGz.toString())
                .hasMessageContaining("longer than its header declares");
        // absurd sizes, refused before allocating: 2^31 - 1 cubed, and a "negative" 0xFFFFFFFF
        Path absurd = write("absurd", idx(0x00000803, new int[] {Integer.MAX_VALUE, 28, 28}, new byte[10]));
        assertThatThrownBy(() -> IdxReader.read(absurd, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(absurd.toString())
                .hasMessageContaining("exceed the limit");
        Path negative = write("negative", idx(0x00000801, new int[] {-1}, new byte[10]));
        assertThatThrownBy(() -> IdxReader.read(negative, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageContaining("4294967295");
        // 500 MB declared in a tiny gzip file: more than deflate can expand to
        Path bomb = write("bomb.gz", gzip(idx(0x00000803, new int[] {640_000, 28, 28}, new byte[10])));
        assertThatThrownBy(() -> IdxReader.read(bomb, IdxReader.IMAGES_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(bomb.toString())
                .hasMessageContaining("cannot fit in a gzip file");
    }

    @Test
    void refusesCorruptGzip() throws IOException {
        byte[] gz = gzip(idx(0x00000801, new int[] {100}, ramp(100)));
        for (int i = 12; i < gz.length - 8; i++) {
            gz[i] ^= (byte) 0x5a;
        }
        Path corrupt = write("corrupt.gz", gz);
        assertThatThrownBy(() -> IdxReader.read(corrupt, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(corrupt.toString());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nothing-here.gz");
        assertThatThrownBy(() -> IdxReader.read(missing, IdxReader.LABELS_MAGIC))
                .isInstanceOf(BadInputException.class).hasMessage(missing + ": no such file");
    }
}
