package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdditiveNoiseTest {

    private static float[] tone() {
        float[] s = new float[16_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }
        return s;
    }

    @Test
    void measuredSnrMatchesTheRequestedOne() {
        float[] clean = tone();
        // a sine of amplitude a has power a^2 / 2
        assertThat(AdditiveNoise.power(clean)).isCloseTo(0.09 / 2, within(1e-5));
        for (double snr : new double[] {-5, 0, 10, 20, 40}) {
            float[] noisy = AdditiveNoise.whiteGaussian(clean, snr, 7);
            float[] noise = new float[clean.length];
            for (int i = 0; i < clean.length; i++) {
                noise[i] = noisy[i] - clean[i];
            }
            double measured = 10 * Math.log10(AdditiveNoise.power(clean) / AdditiveNoise.power(noise));
            assertThat(measured).as("SNR %s dB", snr).isCloseTo(snr, within(0.5));
        }
    }

    @Test
    void sameSeedSameNoiseAndInputUntouched() {
        float[] clean = tone();
        float[] copy = clean.clone();
        float[] a = AdditiveNoise.whiteGaussian(clean, 10, 42);
        float[] b = AdditiveNoise.whiteGaussian(clean, 10, 42);
        float[] c = AdditiveNoise.whiteGaussian(clean, 10, 43);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(clean).containsExactly(copy);
    }

    @Test
    void silenceStaysSilent() {
        assertThat(AdditiveNoise.whiteGaussian(new float[100], 10, 1)).containsOnly(0f);
    }
}
