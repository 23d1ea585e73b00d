package org.expanderexplorer.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set whose every sequence carries additive white Gaussian noise ({@link NoiseSpec}) over its T x F values:
 * the noise power is the sequence's own mean square divided by {@code 10^(SNR / 10)}
 * ({@link AdditiveNoise#whiteGaussian}). Used for the image sets, whose values are [0, 1] pixels; speech gets its
 * noise on the waveform instead ({@link SpeechCommandsDataset.Options}).
 *
 * <p>The noise of example i is drawn from a generator seeded by a mix of the noise seed, a stream number (the split,
 * so a training and a test example at the same index get different noise) and i, so it is the same on every read
 * and in any order: a noisy copy of the data set, not fresh noise per epoch. Nothing is stored; each read costs
 * O(T F) for the Gaussian draws. Immutable and thread-safe.
 */
public final class NoisySequences implements SequenceDataset {

    private final SequenceDataset clean;
    private final NoiseSpec noise;
    private final long stream;

    private NoisySequences(SequenceDataset clean, NoiseSpec noise, long stream) {
        this.clean = clean;
        this.noise = noise;
        this.stream = stream;
    }

    /**
     * The noisy view of {@code clean}, named {@code <name>-snr<SNR>dB}.
     *
     * @param stream a number told apart in the seeds (the split's ordinal in {@link Datasets})
     */
    public static NoisySequences of(SequenceDataset clean, NoiseSpec noise, long stream) {
        return new NoisySequences(Objects.requireNonNull(clean, "clean"), Objects.requireNonNull(noise, "noise"),
                stream);
    }

    /** The noise settings. */
    public NoiseSpec noise() {
        return noise;
    }

    /** The seed of example i's noise: SplitMix64's finaliser over the seed, the stream and i. */
    long exampleSeed(int i) {
        return mix(noise.seed() ^ mix(stream * 0x9E3779B97F4A7C15L + i + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void copySequence(int i, float[] dest, int offset) {
        float[] values = new float[clean.steps() * clean.features()];
        clean.copySequence(i, values, 0);
        float[] noisy = AdditiveNoise.whiteGaussian(values, noise.snrDb(), exampleSeed(i));
        System.arraycopy(noisy, 0, dest, offset, noisy.length);
    }

    @Override
    public String name() {
        return clean.name() + noise.nameSuffix();
    }

    @Override
    public int size() {
        return clean.size();
    }

    @Override
    public int steps() {
        return clean.steps();
    }

    @Override
    public int features() {
        return clean.features();
    }

    @Override
    public int classes() {
        return clean.classes();
    }

    @Override
    public int label(int i) {
        return clean.label(i);
    }

    @Override
    public List<String> classNames() {
        return clean.classNames();
    }

    @Override
    public String toString() {
        return name() + " (" + size() + " sequences, " + steps() + " x " + features() + ")";
    }
}
