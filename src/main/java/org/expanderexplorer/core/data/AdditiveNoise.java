package org.expanderexplorer.core.data;

import java.util.Objects;
import java.util.Random;

/**
 * Additive white Gaussian noise at a chosen signal-to-noise ratio, for the noise experiment on speech: the noise
 * has zero mean and variance {@code P_signal / 10^(SNR / 10)}, where {@code P_signal} is the mean square of the
 * clean signal. A silent signal gets no noise (its SNR is undefined).
 *
 * <p>The noise is drawn from {@link Random#nextGaussian()} seeded with the given seed, so the same call always
 * adds the same noise. No clipping: the result may leave [-1, 1]. O(n).
 */
public final class AdditiveNoise {

    private AdditiveNoise() {
    }

    /** Mean square of the samples (not modified); 0 for an empty array. */
    public static double power(float[] samples) {
        Objects.requireNonNull(samples, "samples");
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : sum / samples.length;
    }

    /**
     * The clean signal plus white Gaussian noise at {@code snrDb}.
     *
     * @param clean the signal, not modified
     * @param snrDb the signal-to-noise ratio in dB, finite
     * @param seed  the seed of the noise
     * @return a fresh noisy copy
     */
    public static float[] whiteGaussian(float[] clean, double snrDb, long seed) {
        Objects.requireNonNull(clean, "clean");
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("SNR must be finite: " + snrDb);
        }
        double sigma = Math.sqrt(power(clean) / Math.pow(10, snrDb / 10));
        float[] noisy = clean.clone();
        if (sigma == 0) {
            return noisy;
        }
        Random random = new Random(seed);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (sigma * random.nextGaussian());
        }
        return noisy;
    }
}
