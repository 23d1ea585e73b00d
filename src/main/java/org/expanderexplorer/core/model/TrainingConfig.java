package org.expanderexplorer.core.model;

/**
 * How to train: epochs, mini-batch size, Adam learning rate and the seed of the per-epoch shuffling.
 *
 * @param epochs       passes over the training set, 1 .. 10 000
 * @param batchSize    examples per mini-batch, 1 .. 65 536
 * @param learningRate Adam learning rate, in (0, 10)
 * @param seed         seed of the shuffling (the weight initialisation has its own, see
 *                     {@link RecurrentClassifier#create})
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, long seed) {

    /** Default mini-batch size. */
    public static final int DEFAULT_BATCH = 64;

    public TrainingConfig {
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be 1 .. 10000, got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batch size must be 1 .. 65536, got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10), got " + learningRate);
        }
    }
}
