package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;

class DigitsDatasetTest {

    // Examples per class in the file (scikit-learn's load_digits documents 1,797 images, about 180 per class).
    private static final int[] COUNTS = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};

    @Test
    void holds1797ImagesOf10ClassesInUnitRange() {
        ByteSequenceDataset all = DigitsDataset.all();
        assertThat(all.size()).isEqualTo(1_797);
        assertThat(all.classes()).isEqualTo(10);
        assertThat(all.steps()).isEqualTo(8);
        assertThat(all.features()).isEqualTo(8);
        int[] counts = new int[10];
        float min = 1;
        float max = 0;
        float[] seq = new float[64];
        for (int i = 0; i < all.size(); i++) {
            counts[all.label(i)]++;
            all.copySequence(i, seq, 0);
            for (float v : seq) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertThat(counts).containsExactly(COUNTS);
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        // the first line of the file: 0,0,5,13,9,1,0,0, 0,0,13,15,10,15,5,0, ... digit 0
        assertThat(all.label(0)).isZero();
        all.copySequence(0, seq, 0);
        assertThat(java.util.Arrays.copyOf(seq, 8)).containsExactly(0f, 0f, 5 / 16f, 13 / 16f, 9 / 16f, 1 / 16f, 0f,
                0f);
        assertThat(seq[8 + 3]).isEqualTo(15 / 16f);
    }

    @Test
    void fixedSplitIsStratifiedDisjointAndComplete() {
        SequenceDataset train = DigitsDataset.load(Split.TRAIN);
        SequenceDataset test = DigitsDataset.load(Split.TEST);
        assertThat(train.size()).isEqualTo(DigitsDataset.TRAIN_SIZE).isEqualTo(1_438);
        assertThat(test.size()).isEqualTo(DigitsDataset.TEST_SIZE).isEqualTo(359);
        int[] testCounts = new int[10];
        for (int i = 0; i < test.size(); i++) {
            testCounts[test.label(i)]++;
        }
        for (int c = 0; c < 10; c++) {
            assertThat(testCounts[c]).as("class %d", c).isEqualTo((int) Math.round(COUNTS[c] * 0.2));
        }
        // disjoint and complete: every image appears exactly once across the two parts
        Set<String> seen = new HashSet<>();
        float[] seq = new float[64];
        int duplicates = 0;
        for (SequenceDataset part : new SequenceDataset[] {train, test}) {
            for (int i = 0; i < part.size(); i++) {
                part.copySequence(i, seq, 0);
                if (!seen.add(java.util.Arrays.toString(seq) + part.label(i))) {
                    duplicates++;
                }
            }
        }
        // the file itself holds some identical images; count them independently from the full set
        ByteSequenceDataset all = DigitsDataset.all();
        Set<String> inFile = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            all.copySequence(i, seq, 0);
            inFile.add(java.util.Arrays.toString(seq) + all.label(i));
        }
        assertThat(seen).isEqualTo(inFile);
        assertThat(duplicates).isEqualTo(all.size() - inFile.size());
    }

    @Test
    void splitIsDeterministic() {
        SequenceDataset a = DigitsDataset.load(Split.TEST);
        SequenceDataset b = DigitsDataset.load(Split.TEST);
        int[] all = a.range(0, a.size());
        assertThat(a.labels(all)).containsExactly(b.labels(all));
        assertThat(a.batch(all)).isDeepEqualTo(b.batch(all));
    }

    @Test
    void malformedLinesAreNamed() {
        String line = "0,".repeat(64);
        String sixtyFour = "0,".repeat(63) + "0";
        assertThatThrownBy(() -> parse(line + "0\n" + sixtyFour + "\n"))
                .isInstanceOf(BadInputException.class).hasMessage("test.csv, line 2: 64 fields, expected 65");
        assertThatThrownBy(() -> parse("17," + "0,".repeat(63) + "3\n"))
                .isInstanceOf(BadInputException.class).hasMessage("test.csv, line 1: field 1 is 17, expected 0 .. 16");
        assertThatThrownBy(() -> parse(line + "x\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("test.csv, line 1: field 65 'x' is not an integer");
        assertThatThrownBy(() -> parse(line + "10\n"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("field 65 is 10, expected 0 .. 9");
    }

    private static ByteSequenceDataset parse(String text) throws java.io.IOException {
        return DigitsDataset.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "test.csv", "t");
    }
}
