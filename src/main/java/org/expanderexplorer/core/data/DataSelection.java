package org.expanderexplorer.core.data;

import java.util.Objects;
import java.util.Optional;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Provenance;

/**
 * A data set and the noise on its inputs: what {@code train}, {@code evaluate} and {@code sweep} take
 * ({@code --data}, {@code --noise-snr}, {@code --noise-seed}) and what the window's data chooser makes. Loading a
 * split gives the clean set or its noisy copy ({@link NoiseSpec}); the noisy set's name ends in {@code -snr<SNR>dB}.
 *
 * @param spec  the data set
 * @param noise the noise, or empty for the clean data
 */
public record DataSelection(Datasets.Spec spec, Optional<NoiseSpec> noise) {

    public DataSelection {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(noise, "noise");
    }

    /** The clean data of a spec ({@link Datasets#parse}). */
    public static DataSelection clean(String spec) {
        return new DataSelection(Datasets.parse(spec), Optional.empty());
    }

    /**
     * A spec with optional noise, as the command line gives them.
     *
     * @param snrDb       the SNR in dB, or null for clean data
     * @param seed        the noise seed, or null for {@code defaultSeed}
     * @param defaultSeed the seed when none is given (a command's own {@code --seed}, else 1)
     * @throws BadInputException for a bad spec, an SNR out of range, or a seed without an SNR
     */
    public static DataSelection of(String spec, Double snrDb, Long seed, long defaultSeed) {
        Datasets.Spec parsed = Datasets.parse(spec);
        if (snrDb == null) {
            if (seed != null) {
                throw new BadInputException("--noise-seed needs --noise-snr DB (the noise it seeds)");
            }
            return new DataSelection(parsed, Optional.empty());
        }
        return new DataSelection(parsed, Optional.of(new NoiseSpec(snrDb, seed == null ? defaultSeed : seed)));
    }

    /** The same data with another noise seed (nothing changes for clean data). */
    public DataSelection withNoiseSeed(long seed) {
        return new DataSelection(spec, noise.map(n -> new NoiseSpec(n.snrDb(), seed)));
    }

    /**
     * Loads a split, with the noise if any.
     *
     * @throws BadInputException if the data is missing or malformed
     */
    public SequenceDataset load(Split split) {
        Objects.requireNonNull(split, "split");
        SpeechCommandsDataset.Options speech = SpeechCommandsDataset.Options.defaults();
        if (noise.isPresent() && spec.kind() == Datasets.Kind.SPEECH) {
            speech = speech.withNoise(noise.get().snrDb(), noise.get().seed());
        }
        SequenceDataset clean = Datasets.load(spec, split, speech);
        if (noise.isEmpty() || spec.kind() == Datasets.Kind.SPEECH) {
            return clean;
        }
        return NoisySequences.of(clean, noise.get(), split.ordinal());
    }

    /** E.g. {@code mnist}, or {@code mnist with white Gaussian noise at 20 dB SNR (seed 1) on the pixels in [0, 1]}. */
    public String describe() {
        return spec + noise.map(n -> " with " + n.describe(spec.kind())).orElse("");
    }

    /** The noise as provenance records it, or null for clean data. */
    public Provenance.Noise recorded() {
        return noise.map(n -> new Provenance.Noise(n.snrDb(), n.seed(), NoiseSpec.appliedTo(spec.kind())))
                .orElse(null);
    }
}
