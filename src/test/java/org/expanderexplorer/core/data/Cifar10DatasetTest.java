package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10DatasetTest {

    @TempDir
    Path dir;

    /** The byte the fixture puts at (record, channel, row, column): distinct enough to catch any mix-up. */
    private static int pixel(int record, int channel, int row, int col) {
        return (record * 11 + channel * 85 + row * 7 + col * 3) & 0xff;
    }

    /** Writes a batch file of records first .. first + count - 1 in the CIFAR-10 binary layout. */
    private Path batch(String name, int first, int count) throws IOException {
        byte[] bytes = new byte[count * 3073];
        for (int r = 0; r < count; r++) {
            int rec = first + r;
            int base = r * 3073;
            bytes[base] = (byte) (rec % 10);
            for (int ch = 0; ch < 3; ch++) {
                for (int row = 0; row < 32; row++) {
                    for (int col = 0; col < 32; col++) {
                        bytes[base + 1 + ch * 1024 + row * 32 + col] = (byte) pixel(rec, ch, row, col);
                    }
                }
            }
        }
        return Files.write(dir.resolve(name), bytes);
    }

    @BeforeEach
    void writeFixture() throws IOException {
        int first = 0;
        for (int b = 1; b <= 5; b++) {
            batch("data_batch_" + b + ".bin", first, b); // 1 + 2 + 3 + 4 + 5 = 15 training records
            first += b;
        }
        batch("test_batch.bin", 100, 3);
    }

    @Test
    void rowsAreStepsOfColumnMajorChannels() {
        ByteSequenceDataset train = Cifar10Dataset.load(dir, Split.TRAIN);
        assertThat(train.size()).isEqualTo(15);
        assertThat(train.steps()).isEqualTo(32);
        assertThat(train.features()).isEqualTo(96);
        assertThat(train.classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog",
                "frog", "horse", "ship", "truck");
        float[] seq = new float[32 * 96];
        for (int i = 0; i < 15; i++) {
            assertThat(train.label(i)).isEqualTo(i % 10);
            train.copySequence(i, seq, 0);
            for (int row = 0; row < 32; row++) {
                for (int col = 0; col < 32; col++) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertThat(seq[row * 96 + col * 3 + ch]).isEqualTo(pixel(i, ch, row, col) / 255f);
                    }
                }
            }
        }
        ByteSequenceDataset test = Cifar10Dataset.load(dir, Split.TEST);
        assertThat(test.size()).isEqualTo(3);
        assertThat(test.labels(test.range(0, 3))).containsExactly(0, 1, 2);
        assertThat(test.raw(2, 5, 7 * 3 + 1)).isEqualTo(pixel(102, 1, 5, 7));
        assertThat(test.name()).isEqualTo("cifar10-test");
    }

    @Test
    void classNamesFromTheMetaFile() throws IOException {
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertThat(Cifar10Dataset.load(dir, Split.TEST).classNames())
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    }

    @Test
    void badInputIsNamed() throws IOException {
        DataChecks.refusesAMissingFolder(folder -> Cifar10Dataset.load(folder, Split.TRAIN), dir);
        DataChecks.refusesWithout("data_batch_4.bin", dir, () -> Cifar10Dataset.load(dir, Split.TRAIN));
        Path test = dir.resolve("test_batch.bin");
        byte[] bytes = Files.readAllBytes(test);
        Files.write(test, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        DataChecks.refusesNaming(() -> Cifar10Dataset.load(dir, Split.TEST), test,
                "9119 bytes is not a positive multiple of the 3073-byte record");
        bytes[3073] = 12; // label of record 1
        Files.write(test, bytes);
        DataChecks.refusesNaming(() -> Cifar10Dataset.load(dir, Split.TEST), test, "record 1 has label 12");
    }
}
