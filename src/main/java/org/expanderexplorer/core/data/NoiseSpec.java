package org.expanderexplorer.core.data;

import java.math.BigDecimal;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;

/**
 * Additive white Gaussian noise on a data set's inputs at a signal-to-noise ratio (science.md section 9): over each
 * input sequence x, noise of variance {@code mean(x^2) / 10^(snrDb / 10)}, drawn from a generator seeded by
 * {@code seed} and the example, so the noisy data set is a fixed function of the seed (docs/decisions/0029).
 *
 * <p>Where it is added depends on the data: on the 1 s waveform of a speech clip before the log-mel features, on
 * the [0, 1] pixel values of an image set (sequential MNIST, Fashion-MNIST, CIFAR-10) and on the [0, 1] values of
 * the 8 x 8 digits. Nothing is clipped, so values may leave [0, 1] (clipping would lower the noise and change the
 * SNR).
 *
 * @param snrDb the signal-to-noise ratio in dB, from {@value #MIN_DB} to {@value #MAX_DB}
 * @param seed  the seed of the noise
 */
public record NoiseSpec(double snrDb, long seed) {

    /** Lowest SNR accepted: the noise 100 times stronger than the signal. */
    public static final double MIN_DB = -20;
    /** Highest SNR accepted: beyond it float32 inputs cannot hold the noise. */
    public static final double MAX_DB = 120;

    public NoiseSpec {
        if (!(snrDb >= MIN_DB && snrDb <= MAX_DB)) {
            throw new BadInputException("the noise SNR must be " + (int) MIN_DB + " .. " + (int) MAX_DB + " dB, got "
                    + snrDb);
        }
    }

    /** The SNR in its shortest text, e.g. {@code 20} or {@code 7.5}. */
    public String snrText() {
        return BigDecimal.valueOf(snrDb).stripTrailingZeros().toPlainString();
    }

    /** What a data set's name gets appended, e.g. {@code -snr20dB}. */
    public String nameSuffix() {
        return "-snr" + snrText() + "dB";
    }

    /** Where this noise goes for a kind of data set, in words (for outputs and the window). */
    public static String appliedTo(Datasets.Kind kind) {
        return switch (kind) {
            case SPEECH -> "waveform";
            case DIGITS8 -> "values in [0, 1]";
            case MNIST, FASHION, CIFAR10 -> "pixels in [0, 1]";
        };
    }

    /** E.g. {@code white Gaussian noise at 20 dB SNR (seed 1) on the pixels in [0, 1]}. */
    public String describe(Datasets.Kind kind) {
        return String.format(Locale.ROOT, "white Gaussian noise at %s dB SNR (seed %d) on the %s", snrText(), seed,
                appliedTo(kind));
    }
}
