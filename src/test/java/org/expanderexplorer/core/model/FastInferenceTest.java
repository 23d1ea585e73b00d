package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class FastInferenceTest {

    @ParameterizedTest
    @CsvSource({"RNN, 1", "LSTM, 2"})
    void probabilitiesEqualDeeplearning4jsOwnForwardPass(CellType cell, int layers) {
        ArraySequenceDataset data = ArraySequenceDataset.pulses("pulses", 250, 7, 3, 5);
        // random (untrained) weights with a visible bias: every weight and gate takes part in the output
        RecurrentClassifier model = RecurrentClassifier.create(new ModelSpec(cell, 3, 9, layers, 3), 11);
        model.network().params().addi(0.05);
        int n = 250;
        INDArray logits = new FastInference(model).logits(data, 0, n);
        double[][] fast = Transforms.softmax(logits, true).toDoubleMatrix();
        float[] all = new float[n * 7 * 3];
        data.copyBatch(SequenceBatches.identity(n), all, 0);
        double[][] dl4j = model.probabilities(all, n, 7);
        for (int k = 0; k < n; k += 7) {
            for (int c = 0; c < 3; c++) {
                assertThat(fast[k][c]).as("example %d class %d", k, c).isCloseTo(dl4j[k][c], within(1e-5));
            }
        }
        // chunks of 100 examples: the last one is partial
        int agree = new FastInference(model, 100).correct(data, n);
        assertThat(agree).isEqualTo(new Evaluator(model, data).result().correct());
    }
}
