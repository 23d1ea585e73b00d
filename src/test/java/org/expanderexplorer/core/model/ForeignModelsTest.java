package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Models made by real PyTorch, in each format it or its ecosystem writes, under the module names their author chose,
 * and the same weights in Keras's {@code .h5} layout under Keras's layer names: each loads to the same network as the
 * NPZ of the same weights, and predicts what PyTorch predicted.
 */
class ForeignModelsTest {

    @ParameterizedTest
    @CsvSource({
        "lstm.pt, PYTORCH_PT, LSTM, 1, 16, encoder., head.",
        "lstm.safetensors, SAFETENSORS, LSTM, 1, 16, encoder., head.",
        "lstm.onnx, ONNX, LSTM, 1, 16, encoder., head.",
        "lstm.npz, PYTORCH_NPZ, LSTM, 1, 16, encoder., head.",
        "lstm.h5, KERAS_H5, LSTM, 1, 16, lstm., dense.",
        "rnn2.pt, PYTORCH_PT, RNN, 2, 12, body., classifier.",
        "rnn2.safetensors, SAFETENSORS, RNN, 2, 12, body., classifier.",
        "rnn2.onnx, ONNX, RNN, 2, 12, body., classifier.",
        "rnn2.npz, PYTORCH_NPZ, RNN, 2, 12, body., classifier.",
        "rnn2.h5, KERAS_H5, RNN, 2, 12, simple_rnn_1., dense_1."})
    void eachFormatPredictsWhatPyTorchPredicted(String name, SavedModel.Format format, CellType cell, int layers,
            int hidden, String prefix, String head) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(name));
        assertThat(saved.format()).isEqualTo(format);
        assertThat(saved.model().spec()).isEqualTo(new ModelSpec(cell, 8, hidden, layers, 10));
        assertThat(saved.layout().recurrentPrefix()).isEqualTo(prefix);
        assertThat(saved.layout().headPrefix()).isEqualTo(head);

        String stem = name.substring(0, name.indexOf('.'));
        SequenceDataset digits = Fixtures.allDigits();
        int[] ours = Fixtures.predictions(saved.model(), digits);
        int[] pytorch = Fixtures.pytorchPredictions(stem);
        int[] npz = Fixtures.predictions(ModelFiles.loadAny(Fixtures.file(stem + ".npz")).model(), digits);
        assertThat(ours).as("the same float32 weights as the NPZ give the same network").isEqualTo(npz);
        int agree = 0;
        int correct = 0;
        for (int i = 0; i < ours.length; i++) {
            agree += ours[i] == pytorch[i] ? 1 : 0;
            correct += ours[i] == digits.label(i) ? 1 : 0;
        }
        // float32 sums in another order may flip an example whose two best classes are within 1e-6
        assertThat(agree).as("examples where PyTorch and this program predict the same class")
                .isGreaterThanOrEqualTo(ours.length - 2);
        assertThat(correct / (double) ours.length).isGreaterThan(0.9);
    }
}
