package org.expanderexplorer.core.model;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Random parameters for the inference tests, written into a Deeplearning4j network in a fixed order. */
final class RandomParams {

    private RandomParams() {
    }

    /**
     * Replaces every bias with a standard Gaussian draw and every weight (input, recurrent, head) with
     * {@code weight.applyAsDouble(rowLength)}, layer by layer, in the order of {@code rnd}'s draws.
     */
    static void fill(RecurrentClassifier model, ModelSpec spec, Random rnd, IntToDoubleFunction weight) {
        // Deeplearning4j initialises biases to 0 (forget gate 1): random ones make a gate mix-up visible
        for (int l = 0; l <= spec.layers(); l++) {
            INDArray b = Dl4jParams.view(model.network(), Dl4jParams.key(l, Dl4jParams.BIAS));
            double[] values = new double[(int) b.length()];
            for (int k = 0; k < values.length; k++) {
                values[k] = rnd.nextGaussian();
            }
            Dl4jParams.setVector(model.network(), Dl4jParams.key(l, Dl4jParams.BIAS), values);
            for (String kind : new String[] {Dl4jParams.WEIGHTS, Dl4jParams.RECURRENT}) {
                if (l == spec.layers() && kind.equals(Dl4jParams.RECURRENT)) {
                    continue;
                }
                double[][] w = Dl4jParams.view(model.network(), Dl4jParams.key(l, kind)).toDoubleMatrix();
                for (double[] row : w) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = weight.applyAsDouble(row.length);
                    }
                }
                Dl4jParams.setMatrix(model.network(), Dl4jParams.key(l, kind), w);
            }
        }
    }
}
