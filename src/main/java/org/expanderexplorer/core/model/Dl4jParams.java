package org.expanderexplorer.core.model;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads and writes the parameter arrays of a {@link RecurrentClassifier}'s network by layer and kind.
 * Deeplearning4j keys: {@code W} (inputs x gates*H), {@code RW} (H x gates*H), {@code b} (1 x gates*H), and for the
 * output layer {@code W} (H x C) and {@code b} (1 x C), each prefixed by the layer index.
 */
final class Dl4jParams {

    // DL4J's parameter names (LSTMParamInitializer, SimpleRnnParamInitializer, DefaultParamInitializer)
    static final String WEIGHTS = "W";
    static final String RECURRENT = "RW";
    static final String BIAS = "b";

    private Dl4jParams() {
    }

    // MultiLayerNetwork.getParam takes "<layer index>_<name>", e.g. "0_RW" for the first layer's recurrent weights
    static String key(int layer, String param) {
        return layer + "_" + param;
    }

    static String key(int layer, WeightKind kind) {
        return key(layer, kind == WeightKind.INPUT ? WEIGHTS : RECURRENT);
    }

    /** The live parameter view (writes go into the network). */
    static INDArray view(MultiLayerNetwork net, String key) {
        // The parameters of a MultiLayerNetwork are views into one flat buffer, so writing p changes the network.
        INDArray p = net.getParam(key);
        if (p == null) {
            throw new IllegalStateException("no parameter " + key);
        }
        return p;
    }

    static WeightMatrix matrix(MultiLayerNetwork net, String key) {
        return WeightMatrix.of(view(net, key).toDoubleMatrix());
    }

    static double[] vector(MultiLayerNetwork net, String key) {
        return view(net, key).toDoubleVector();
    }

    /** Overwrites a 2-D parameter; {@code values} (not modified) must have its exact shape. */
    static void setMatrix(MultiLayerNetwork net, String key, double[][] values) {
        INDArray p = view(net, key);
        long[] shape = p.shape();
        if (values.length != shape[0] || values.length > 0 && values[0].length != shape[1]) {
            throw new IllegalArgumentException("parameter " + key + " is " + Arrays.toString(shape) + ", got "
                    + values.length + " x " + (values.length == 0 ? 0 : values[0].length));
        }
        // assign copies into the existing view, so the network's one flat parameter buffer (which training and
        // inference read) sees the values; the cast rounds the doubles to the network's data type.
        p.assign(Nd4j.create(values).castTo(p.dataType()));
    }

    /** Overwrites a bias vector; {@code values} (not modified) must have its length. */
    static void setVector(MultiLayerNetwork net, String key, double[] values) {
        INDArray p = view(net, key);
        if (values.length != p.length()) {
            throw new IllegalArgumentException("parameter " + key + " has " + p.length() + " entries, got "
                    + values.length);
        }
        // biases are 1 x n row vectors in DL4J, so the values take the parameter's own shape
        p.assign(Nd4j.create(values, p.shape(), 'c').castTo(p.dataType()));
    }
}
