package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MnistDatasetsTest {

    // Class counts of the original MNIST files, as published with the data set (train: 60,000; test: 10,000).
    private static final int[] TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    private static ByteSequenceDataset train;
    private static ByteSequenceDataset test;

    @BeforeAll
    static void load() {
        train = MnistDatasets.mnist(Split.TRAIN);
        test = MnistDatasets.mnist(Split.TEST);
    }

    private static int[] histogram(SequenceDataset ds) {
        int[] counts = new int[ds.classes()];
        for (int i = 0; i < ds.size(); i++) {
            counts[ds.label(i)]++;
        }
        return counts;
    }

    @Test
    void shapesAndCounts() {
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        for (SequenceDataset ds : new SequenceDataset[] {train, test}) {
            assertThat(ds.steps()).isEqualTo(28);
            assertThat(ds.features()).isEqualTo(28);
            assertThat(ds.classes()).isEqualTo(10);
            assertThat(ds.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
        assertThat(train.name()).isEqualTo("mnist-train");
        assertThat(test.info().name()).isEqualTo("mnist-test");
    }

    @Test
    void labelHistogramsMatchThePublishedCounts() {
        assertThat(histogram(train)).containsExactly(TRAIN_COUNTS);
        assertThat(histogram(test)).containsExactly(TEST_COUNTS);
        assertThat(java.util.Arrays.stream(histogram(train)).sum()).isEqualTo(60_000);
        assertThat(java.util.Arrays.stream(histogram(test)).sum()).isEqualTo(10_000);
    }

    @Test
    void firstLabelsAreTheKnownOnes() {
        // the first training digits are 5 0 4 1 9 2 1 3, the first test digits 7 2 1 0 4 1 4 9
        assertThat(train.labels(train.range(0, 8))).containsExactly(5, 0, 4, 1, 9, 2, 1, 3);
        assertThat(test.labels(test.range(0, 8))).containsExactly(7, 2, 1, 0, 4, 1, 4, 9);
    }

    @Test
    void pixelsAreInUnitRangeAndReachBothEnds() {
        float[] buf = new float[28 * 28];
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < test.size(); i++) {
            test.copySequence(i, buf, 0);
            for (float v : buf) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void rowsAreStepsMatchingTheRawFile() throws IOException {
        // read the last test image straight from the resource, independently of the reader
        int last = 9_999;
        byte[] raw = new byte[28 * 28];
        try (InputStream in = new GZIPInputStream(
                MnistDatasets.class.getResourceAsStream("mnist/t10k-images-idx3-ubyte.gz"));
             DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).isEqualTo(0x803);
            data.skipNBytes(12 + (long) last * 784);
            data.readFully(raw);
        }
        float[][][] batch = test.batch(last, 1);
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                assertThat(batch[0][row][col]).isEqualTo((raw[row * 28 + col] & 0xff) / 255f);
            }
        }
        // the flat copy with an offset agrees with the batch
        float[] flat = new float[3 + 784];
        test.copySequence(last, flat, 3);
        assertThat(flat[3 + 14 * 28 + 9]).isEqualTo(batch[0][14][9]);
    }
}
