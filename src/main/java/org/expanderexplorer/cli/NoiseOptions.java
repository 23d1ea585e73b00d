package org.expanderexplorer.cli;

import org.expanderexplorer.core.data.DataSelection;
import picocli.CommandLine.Option;

/** The noise options shared by {@code train}, {@code evaluate} and {@code sweep} (science.md section 9). */
final class NoiseOptions {

    @Option(names = "--noise-snr", paramLabel = "DB", description = "Add white Gaussian noise at this signal-to-noise "
            + "ratio in dB over each input sequence: on the waveform for speech (before the log-mel features), on "
            + "the [0, 1] pixels for images; not clipped. Default: clean data.")
    Double snrDb;

    @Option(names = "--noise-seed", paramLabel = "N", description = "Seed of the noise (default: the command's "
            + "--seed, 1 for evaluate); the same seed gives the same noise.")
    Long seed;

    /** The data set of {@code spec} with this noise; {@code defaultSeed} when no noise seed is given. */
    DataSelection data(String spec, long defaultSeed) {
        return DataSelection.of(spec, snrDb, seed, defaultSeed);
    }

    /** Whether a noise seed was given explicitly (a multi-seed sweep then keeps it for every seed). */
    boolean seedGiven() {
        return seed != null;
    }
}
