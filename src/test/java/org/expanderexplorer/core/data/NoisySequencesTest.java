package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Provenance;
import org.junit.jupiter.api.Test;

/**
 * Noise on image data: the SNR measured on the noisy sequences is the SNR asked for, the noise is a function of the
 * seed (and of the example and split), and the clean data is untouched.
 *
 * <p>Tolerances: the noise power of one sequence of N values is sigma^2 chi^2_N / N, whose relative standard
 * deviation is sqrt(2 / N): for a 784-value MNIST sequence 5.1 %, 0.22 dB. Each sequence is held to 1.5 dB (almost
 * seven standard deviations); the mean ratio over 1,000 sequences has a standard deviation of 0.007 dB and is held
 * to 0.03 dB (four). The seeds are fixed, so the test is deterministic; the bounds say how far chance may move a
 * correct implementation, and a wrong variance (a factor of 2 is 3 dB, sigma instead of sigma^2 is 10 dB or more)
 * lies far outside them.
 */
class NoisySequencesTest {

    private static final int SEQUENCES = 1_000;

    private static double power(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s / v.length;
    }

    @Test
    void measuredSnrIsTheAskedSnr() {
        SequenceDataset clean = MnistDatasets.mnist(Split.TEST);
        for (double snr : new double[] {20, 5, 0}) {
            SequenceDataset noisy = new DataSelection(Datasets.parse("mnist"),
                    java.util.Optional.of(new NoiseSpec(snr, 1))).load(Split.TEST);
            float[] c = new float[28 * 28];
            float[] n = new float[28 * 28];
            float[] noise = new float[28 * 28];
            double ratioSum = 0;
            for (int i = 0; i < SEQUENCES; i++) {
                clean.copySequence(i, c, 0);
                noisy.copySequence(i, n, 0);
                for (int k = 0; k < c.length; k++) {
                    noise[k] = n[k] - c[k];
                }
                double measured = 10 * Math.log10(power(c) / power(noise));
                assertThat(measured).as("sequence %d at %s dB", i, snr).isCloseTo(snr, within(1.5));
                ratioSum += power(noise) / (power(c) / Math.pow(10, snr / 10));
            }
            assertThat(10 * Math.log10(ratioSum / SEQUENCES)).as("mean at %s dB", snr).isCloseTo(0, within(0.03));
        }
    }

    @Test
    void sameSeedSameNoiseOtherSeedOrSplitOtherNoise() {
        SequenceDataset clean = MnistDatasets.mnist(Split.TEST);
        SequenceDataset a = NoisySequences.of(clean, new NoiseSpec(10, 7), Split.TEST.ordinal());
        SequenceDataset b = NoisySequences.of(clean, new NoiseSpec(10, 7), Split.TEST.ordinal());
        SequenceDataset otherSeed = NoisySequences.of(clean, new NoiseSpec(10, 8), Split.TEST.ordinal());
        SequenceDataset otherSplit = NoisySequences.of(clean, new NoiseSpec(10, 7), Split.TRAIN.ordinal());
        float[][][] first = a.batch(0, 20);
        // read in another order, from another instance: the same values
        assertThat(b.batch(new int[] {19, 3, 0})[2]).isDeepEqualTo(first[0]);
        assertThat(a.batch(0, 20)).isDeepEqualTo(first);
        assertThat(otherSeed.batch(0, 20)[0][14]).isNotEqualTo(first[0][14]);
        assertThat(otherSplit.batch(0, 20)[0][14]).isNotEqualTo(first[0][14]);
        // the clean data and the labels are untouched
        assertThat(clean.batch(0, 1)[0][0]).containsOnly(0f);
        assertThat(a.labels(a.range(0, 100))).containsExactly(clean.labels(clean.range(0, 100)));
        assertThat(a.name()).isEqualTo("mnist-test-snr10dB");
        assertThat(a.info().steps()).isEqualTo(28);
    }

    @Test
    void noiseIsNotClipped() {
        SequenceDataset noisy = NoisySequences.of(MnistDatasets.mnist(Split.TEST), new NoiseSpec(0, 1), 1);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float[] row : noisy.batch(0, 1)[0]) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // at 0 dB the noise is as strong as the digit: pixels leave [0, 1] on both sides
        assertThat(min).isNegative();
        assertThat(max).isGreaterThan(1f);
    }

    @Test
    void selectionParsesRecordsAndRefuses() {
        DataSelection clean = DataSelection.of("digits8", null, null, 5);
        assertThat(clean.noise()).isEmpty();
        assertThat(clean.recorded()).isNull();
        assertThat(clean.load(Split.TEST).name()).isEqualTo("digits8-test");
        DataSelection noisy = DataSelection.of("digits8", 7.5, null, 5);
        assertThat(noisy.noise()).contains(new NoiseSpec(7.5, 5));
        assertThat(noisy.load(Split.TEST).name()).isEqualTo("digits8-test-snr7.5dB");
        assertThat(noisy.recorded()).isEqualTo(new Provenance.Noise(7.5, 5L, "values in [0, 1]"));
        assertThat(noisy.withNoiseSeed(9).noise().orElseThrow().seed()).isEqualTo(9);
        assertThat(DataSelection.of("mnist", 20.0, 3L, 5).describe())
                .isEqualTo("mnist with white Gaussian noise at 20 dB SNR (seed 3) on the pixels in [0, 1]");
        assertThatThrownBy(() -> DataSelection.of("mnist", null, 3L, 1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--noise-seed needs --noise-snr");
        assertThatThrownBy(() -> DataSelection.of("mnist", Double.NaN, null, 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("SNR");
        assertThatThrownBy(() -> new NoiseSpec(500, 1)).isInstanceOf(BadInputException.class);
    }
}
