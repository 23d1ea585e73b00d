package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCommandsDatasetTest {

    @TempDir
    Path dir;

    private static final double YES_HZ = 3000;
    private static final double NO_HZ = 1000;

    /**
     * Two words: "yes" (3 kHz tones) and "no" (1 kHz tones), 3 clips each; one clip of each word is a test clip,
     * one "no" clip is a validation clip. Plus a background-noise folder that is not a class.
     */
    @BeforeEach
    void writeFixture() throws IOException {
        for (int k = 0; k < 3; k++) {
            TestWav.write16(dir.resolve("yes/y" + k + "_nohash_0.wav"), 16_000, TestWav.sine(YES_HZ, 0.5, 16_000,
                    16_000));
            // the "no" clips are short (0.5 s) and must be padded to 1 s
            TestWav.write16(dir.resolve("no/n" + k + "_nohash_0.wav"), 16_000, TestWav.sine(NO_HZ, 0.5, 16_000,
                    8_000));
        }
        TestWav.write16(dir.resolve("_background_noise_/white.wav"), 16_000, new short[32_000]);
        Files.writeString(dir.resolve("testing_list.txt"), "yes/y2_nohash_0.wav\nno/n0_nohash_0.wav\n"
                + "gone/missing_nohash_0.wav\n");
        Files.writeString(dir.resolve("validation_list.txt"), "no/n1_nohash_0.wav\n");
    }

    /** The band whose centre (HTK mel, 40 bands over 20..8000 Hz) is nearest to hz, computed independently. */
    private static int band(double hz) {
        double lo = 2595 * Math.log10(1 + 20 / 700.0);
        double hi = 2595 * Math.log10(1 + 8000 / 700.0);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int m = 0; m < 40; m++) {
            double centre = 700 * (Math.pow(10, (lo + (hi - lo) * (m + 1) / 41) / 2595) - 1);
            if (Math.abs(centre - hz) < bestDistance) {
                bestDistance = Math.abs(centre - hz);
                best = m;
            }
        }
        return best;
    }

    @Test
    void splitsFollowTheListsAndClassesAreSortedWordFolders() {
        SpeechCommandsDataset train = SpeechCommandsDataset.load(dir, Split.TRAIN);
        SpeechCommandsDataset test = SpeechCommandsDataset.load(dir, Split.TEST);
        assertThat(train.classNames()).containsExactly("no", "yes");
        assertThat(test.classes()).isEqualTo(2);
        // train: no/n2, yes/y0, yes/y1 (n0 is a test clip, n1 a validation clip)
        assertThat(train.size()).isEqualTo(3);
        assertThat(Arrays.asList(train.relativePath(0), train.relativePath(1), train.relativePath(2)))
                .containsExactly("no/n2_nohash_0.wav", "yes/y0_nohash_0.wav", "yes/y1_nohash_0.wav");
        assertThat(train.labels(train.range(0, 3))).containsExactly(0, 1, 1);
        assertThat(test.size()).isEqualTo(2);
        assertThat(List.of(test.relativePath(0), test.relativePath(1)))
                .containsExactly("no/n0_nohash_0.wav", "yes/y2_nohash_0.wav");
        assertThat(test.labels(test.range(0, 2))).containsExactly(0, 1);
        assertThat(train.name()).isEqualTo("speech-train");
    }

    @Test
    void featuresAre98FramesOf40LogMelBandsPeakingAtTheTone() {
        SpeechCommandsDataset train = SpeechCommandsDataset.load(dir, Split.TRAIN).extractAll();
        assertThat(train.steps()).isEqualTo(98);
        assertThat(train.features()).isEqualTo(40);
        float[][][] batch = train.batch(0, 3);
        assertThat(batch).hasNumberOfRows(3);
        assertThat(batch[0]).hasNumberOfRows(98);
        assertThat(batch[0][0]).hasSize(40);
        float[] flat = new float[98 * 40];
        train.copySequence(1, flat, 0);
        for (int frame : new int[] {0, 50, 97}) {
            assertThat(DataChecks.argmax(flat, frame * 40, 40)).isEqualTo(band(YES_HZ));
        }
        // the 0.5 s "no" clip: tone in the first frames, padded silence at the end
        train.copySequence(0, flat, 0);
        assertThat(DataChecks.argmax(flat, 10 * 40, 40)).isEqualTo(band(NO_HZ));
        float floor = (float) Math.log(LogMelExtractor.FLOOR);
        for (int m = 0; m < 40; m++) {
            assertThat(flat[97 * 40 + m]).isCloseTo(floor, within(1e-6f));
        }
        // the padded signal itself: 8,000 tone samples then zeros
        float[] signal = train.signal(0);
        assertThat(signal).hasSize(16_000);
        assertThat(AdditiveNoise.power(Arrays.copyOfRange(signal, 8_000, 16_000))).isZero();
    }

    @Test
    void noiseReachesTheRequestedSnrAndIsSeeded() {
        SpeechCommandsDataset.Options noisy = SpeechCommandsDataset.Options.defaults().withNoise(10, 5);
        SpeechCommandsDataset clean = SpeechCommandsDataset.load(dir, Split.TEST);
        SpeechCommandsDataset a = SpeechCommandsDataset.load(dir, Split.TEST, noisy);
        SpeechCommandsDataset b = SpeechCommandsDataset.load(dir, Split.TEST, noisy);
        assertThat(a.name()).isEqualTo("speech-test-snr10dB");
        float[] s = clean.signal(1);
        float[] n = a.signal(1);
        float[] noise = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            noise[i] = n[i] - s[i];
        }
        double snr = 10 * Math.log10(AdditiveNoise.power(s) / AdditiveNoise.power(noise));
        assertThat(snr).isCloseTo(10, within(0.5));
        float[] fa = new float[98 * 40];
        float[] fb = new float[98 * 40];
        float[] fc = new float[98 * 40];
        a.copySequence(1, fa, 0);
        b.copySequence(1, fb, 0);
        clean.copySequence(1, fc, 0);
        assertThat(fa).containsExactly(fb);
        assertThat(fa).isNotEqualTo(fc);
    }

    /**
     * Through the selection the command line uses: the noise goes on the 1 s waveform, at the asked SNR. A 16,000-
     * sample clip's noise power has a relative standard deviation of sqrt(2 / 16000) = 1.1 %, 0.05 dB; 0.25 dB is
     * five of them.
     */
    @Test
    void selectionPutsNoiseOnTheWaveformAtTheAskedSnr() {
        DataSelection selection = DataSelection.of("speech:" + dir, 20.0, 4L, 1);
        SpeechCommandsDataset noisy = (SpeechCommandsDataset) selection.load(Split.TEST);
        SpeechCommandsDataset clean = SpeechCommandsDataset.load(dir, Split.TEST);
        assertThat(noisy.name()).isEqualTo("speech-test-snr20dB");
        assertThat(selection.recorded().appliedTo()).isEqualTo("waveform");
        for (int i = 0; i < noisy.size(); i++) {
            float[] s = clean.signal(i);
            float[] n = noisy.signal(i);
            float[] noise = new float[s.length];
            for (int k = 0; k < s.length; k++) {
                noise[k] = n[k] - s[k];
            }
            assertThat(10 * Math.log10(AdditiveNoise.power(s) / AdditiveNoise.power(noise))).isCloseTo(20,
                    within(0.25));
            assertThat(DataSelection.of("speech:" + dir, 20.0, 4L, 1).load(Split.TEST)).isInstanceOfSatisfying(
                    SpeechCommandsDataset.class, again -> assertThat(again.signal(0)).containsExactly(
                            noisy.signal(0)));
        }
    }

    @Test
    void aSyntheticFolderIsNamedSo() throws IOException {
        Files.writeString(dir.resolve(SpeechCommandsDataset.SYNTHETIC_MARKER), "SYNTHETIC speech\n");
        assertThat(SpeechCommandsDataset.isSynthetic(dir)).isTrue();
        assertThat(SpeechCommandsDataset.load(dir, Split.TEST).name()).isEqualTo("speech-synthetic-test");
        assertThat(DataSelection.of("speech:" + dir, 5.0, null, 1).load(Split.TRAIN).name())
                .isEqualTo("speech-synthetic-train-snr5dB");
    }

    @Test
    void capLimitsClipsPerWord() {
        SpeechCommandsDataset capped = SpeechCommandsDataset.load(dir, Split.TRAIN,
                SpeechCommandsDataset.Options.defaults().withMaxClipsPerClass(1));
        assertThat(capped.size()).isEqualTo(2);
        assertThat(capped.relativePath(1)).isEqualTo("yes/y0_nohash_0.wav");
    }

    @Test
    void badFilesAreNamed() throws IOException {
        // truncated: the header declares 16,000 samples, the file holds 1,000
        byte[] few = new byte[2_000];
        Path truncated = TestWav.write(dir.resolve("yes/y0_nohash_0.wav"), 16_000, 1, 16, 32_000, few);
        // wrong rate
        Path slow = TestWav.write16(dir.resolve("yes/y1_nohash_0.wav"), 8_000, new short[8_000]);
        // 8-bit
        Path eightBit = TestWav.write(dir.resolve("no/n2_nohash_0.wav"), 16_000, 1, 8, 16_000, new byte[16_000]);
        SpeechCommandsDataset train = SpeechCommandsDataset.load(dir, Split.TRAIN);
        float[] buf = new float[98 * 40];
        assertThatThrownBy(() -> train.copySequence(1, buf, 0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated.toString()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> train.copySequence(2, buf, 0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(slow.toString()).hasMessageContaining("8000 Hz, expected 16000 Hz");
        assertThatThrownBy(() -> train.copySequence(0, buf, 0)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(eightBit.toString()).hasMessageContaining("16-bit");
        Path text = Files.writeString(dir.resolve("no/n0_nohash_0.wav"), "not audio at all");
        assertThatThrownBy(() -> new WavReader(16_000).read(text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(text.toString());
    }

    @Test
    void badFoldersAreNamed() throws IOException {
        DataChecks.refusesAMissingFolder(folder -> SpeechCommandsDataset.load(folder, Split.TRAIN), dir);
        DataChecks.refusesWithout("testing_list.txt", dir, () -> SpeechCommandsDataset.load(dir, Split.TEST));
        Files.writeString(dir.resolve("testing_list.txt"), "other/none.wav\n");
        DataChecks.refusesNaming(() -> SpeechCommandsDataset.load(dir, Split.TEST), dir, "no clips of the test split");
    }
}
