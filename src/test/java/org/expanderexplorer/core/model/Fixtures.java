package org.expanderexplorer.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.expanderexplorer.core.data.DigitsDataset;
import org.expanderexplorer.core.data.SequenceDataset;

/**
 * The files made once by real PyTorch ({@code src/test/resources/fixtures/make_fixtures.py}): an LSTM ({@code lstm.*},
 * keys {@code encoder.*} and {@code head.*}) and a two-layer RNN ({@code rnn2.*}, keys {@code body.*} and
 * {@code classifier.*}) trained on the 8 x 8 digits, each as {@code .pt}, {@code .safetensors}, {@code .npz} and
 * {@code .onnx}, with PyTorch's own predictions for all 1,797 digits; and the same weights as Keras {@code .h5} files
 * ({@code make_keras_fixtures.py}, written with h5py in Keras 2's layout) with the probabilities of Keras's equations.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture file by name. */
    public static Path file(String name) {
        try {
            java.net.URL url = Fixtures.class.getResource("/fixtures/" + name);
            if (url == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that reading {@code file} as a model is refused with one line that starts with the file's name and
     * contains {@code problem}.
     */
    public static void assertRefused(Path file, String problem) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelFiles.loadAny(file))
                .isInstanceOf(org.expanderexplorer.core.BadInputException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(problem)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** PyTorch's predicted class of each of the 1,797 digits ({@code lstm} or {@code rnn2}). */
    public static int[] pytorchPredictions(String model) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/predictions.npz")) {
            Map<String, NpyArray> a = NpzFiles.parse(Path.of("predictions.npz"), ModelArchive.entries(
                    Path.of("predictions.npz"), in.readAllBytes()));
            return java.util.Arrays.stream(a.get(model).values()).mapToInt(v -> (int) v).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class probabilities of every example of {@code data}, by the application's network. */
    public static double[][] probabilities(RecurrentClassifier model, SequenceDataset data) {
        int n = data.size();
        int length = data.steps() * data.features();
        float[] flat = new float[n * length];
        for (int i = 0; i < n; i++) {
            data.copySequence(i, flat, i * length);
        }
        return model.probabilities(flat, n, data.steps());
    }

    /** The predicted class of every example of {@code data}, by the application's network. */
    public static int[] predictions(RecurrentClassifier model, SequenceDataset data) {
        double[][] p = probabilities(model, data);
        int n = p.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 1; c < p[i].length; c++) {
                out[i] = p[i][c] > p[i][out[i]] ? c : out[i];
            }
        }
        return out;
    }

    /** All 1,797 digits, in the file's order (the order the script predicted them in). */
    public static SequenceDataset allDigits() {
        return DigitsDataset.all();
    }
}
