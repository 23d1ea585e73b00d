package org.expanderexplorer.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.expanderexplorer.core.model.RecurrentClassifier;

/** Files a user opens, written for tests: a PyTorch NPZ of a sample model, a sparse matrix, a corrupt model. */
public final class DocumentFixtures {

    /** The classroom model: an RNN with 12 hidden units on the 8 x 8 digits. */
    public static final Path DIGITS_MODEL = Path.of("sample-models", "digits8-rnn12.zip");
    /** The sample RNN on sequential MNIST. */
    public static final Path MNIST_RNN = Path.of("sample-models", "smnist-rnn128.zip");

    private DocumentFixtures() {
    }

    /** The network of a sample model file. */
    public static RecurrentClassifier network(Path model) throws IOException {
        return ModelFiles.load(model).model();
    }

    /**
     * A sample model as a PyTorch {@code state_dict} NPZ (as {@code PyTorchNpzTest} writes them): weights only, so
     * the file names no data set.
     */
    public static Path npzOf(Path model, Path dir, String name) throws IOException {
        Path npz = dir.resolve(name);
        PyTorchNpz.save(network(model), npz);
        return npz;
    }

    /** A rows x cols CSV matrix in which about {@code density} of the entries are non-zero Gaussians. */
    public static Path sparseCsv(Path dir, int rows, int cols, double density, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sb.append(j > 0 ? "," : "").append(r.nextDouble() < density ? r.nextGaussian() : 0.0);
            }
            sb.append('\n');
        }
        Path f = dir.resolve("sparse-" + rows + "x" + cols + ".csv");
        Files.writeString(f, sb);
        return f;
    }

    /** A file named like a model that is not one. */
    public static Path corruptModel(Path dir) throws IOException {
        Path f = dir.resolve("broken.zip");
        Files.writeString(f, "this is not a zip archive");
        return f;
    }
}
