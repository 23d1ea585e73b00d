package org.expanderexplorer.core.model;

import java.util.Objects;
import java.util.Optional;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.DataSelection;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.NoiseSpec;

/**
 * Everything needed to train a classifier from scratch on a named data set.
 *
 * @param cell       RNN or LSTM
 * @param hidden     hidden units per layer
 * @param layers     recurrent layers (1 or 2)
 * @param dataSpec   data set ({@code mnist}, {@code digits8}, {@code fashion}, {@code cifar10:DIR}, ...)
 * @param epochs     training epochs
 * @param seed       seed of initialisation and shuffling
 * @param batch      mini-batch size
 * @param lr         Adam learning rate
 * @param clip       gradient clipping threshold, or null for the default of the cell type
 * @param trainLimit train on a seeded subset of this many examples, or null for all
 * @param noise      noise on the inputs of the training and test data (science.md section 9), or null for clean
 */
public record TrainingRequest(CellType cell, int hidden, int layers, String dataSpec, int epochs, long seed, int batch,
                              double lr, Double clip, Integer trainLimit, NoiseSpec noise) {

    /** A request on clean data. */
    public TrainingRequest(CellType cell, int hidden, int layers, String dataSpec, int epochs, long seed, int batch,
                           double lr, Double clip, Integer trainLimit) {
        this(cell, hidden, layers, dataSpec, epochs, seed, batch, lr, clip, trainLimit, null);
    }

    public TrainingRequest {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(dataSpec, "dataSpec");
        if (epochs < 1 || batch < 1 || !(lr > 0) || clip != null && !(clip >= 0)) {
            throw new BadInputException("epochs and batch must be >= 1, lr > 0, clip >= 0");
        }
        if (trainLimit != null && trainLimit < 1) {
            throw new BadInputException("the training subset must hold at least one example");
        }
    }

    /** The data set and its noise. */
    public DataSelection data() {
        return new DataSelection(Datasets.parse(dataSpec), Optional.ofNullable(noise));
    }

    /** The clipping threshold used: the given one, or 1 for a vanilla RNN and none for an LSTM. */
    public double clipNorm() {
        return clip != null ? clip : cell == CellType.RNN ? RecurrentClassifier.DEFAULT_RNN_CLIP : 0;
    }
}
