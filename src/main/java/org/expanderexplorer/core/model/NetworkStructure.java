package org.expanderexplorer.core.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * Checks that a Deeplearning4j network is a classifier this application understands (see
 * {@link RecurrentClassifier}) and reads its {@link ModelSpec}. Every refusal says what was found instead.
 */
final class NetworkStructure {

    private NetworkStructure() {
    }

    /**
     * @throws IllegalArgumentException with a one-line description of the first mismatch
     */
    static ModelSpec specOf(MultiLayerNetwork net) {
        return specOf(net.getLayerWiseConfigurations());
    }

    /**
     * @throws IllegalArgumentException with a one-line description of the first mismatch
     */
    static ModelSpec specOf(MultiLayerConfiguration configuration) {
        List<NeuralNetConfiguration> confs = configuration.getConfs();
        List<String> names = new ArrayList<>();
        for (NeuralNetConfiguration c : confs) {
            names.add(c.getLayer().getClass().getSimpleName());
        }
        // appended to every refusal, so the user sees the whole architecture that was found, not just the first misfit
        String found = " (layers: " + String.join(", ", names) + ")";
        int n = confs.size();
        int recurrent = 0;
        for (NeuralNetConfiguration c : confs) {
            // LastTimeStep wraps the last recurrent layer so that only its final step reaches the output layer
            if (unwrap(c.getLayer()) instanceof BaseRecurrentLayer) {
                recurrent++;
            }
        }
        if (recurrent == 0) {
            throw new IllegalArgumentException("the network has no recurrent layer" + found);
        }
        // The shape this application analyses (decision 0005): the recurrent layers' weights are the bipartite graphs,
        // and a softmax readout gives the accuracy. Anything else would load but mean something else.
        if (n != recurrent + 1 || recurrent > 2) {
            throw new IllegalArgumentException(
                    "expected 1 or 2 recurrent layers followed by one softmax output layer" + found);
        }
        CellType cell = null;
        long inputs = 0;
        long hidden = 0;
        for (int l = 0; l < recurrent; l++) {
            Layer layer = confs.get(l).getLayer();
            boolean wrapped = layer instanceof LastTimeStep;
            // A LastTimeStep on a lower layer would feed one step to the next recurrent layer; none on the top layer
            // would
            // give the output layer a sequence. Both compute something other than PyTorch's head on the last step.
            if (wrapped != (l == recurrent - 1)) {
                throw new IllegalArgumentException("only the last recurrent layer may, and must, be wrapped in "
                        + "LastTimeStep" + found);
            }
            BaseRecurrentLayer r = (BaseRecurrentLayer) unwrap(layer);
            CellType c = cellOf(r, l);
            if (cell != null && c != cell) {
                throw new IllegalArgumentException("recurrent layers of different kinds" + found);
            }
            cell = c;
            // Sequences are stored step-major (T x F, decision 0004), which is DL4J's NWC layout; an NCW network would
            // read every sequence transposed and still run, so it is refused here rather than give a wrong accuracy.
            if (r.getRnnDataFormat() != RNNFormat.NWC) {
                throw new IllegalArgumentException("recurrent layer " + l + " uses the " + r.getRnnDataFormat()
                        + " data format; expected NWC");
            }
            // The fused LSTM inference (decision 0011) and the PyTorch import assume tanh, as torch.nn.RNN and LSTM use
            // by default; another activation would make the two paths disagree.
            if (!(r.getActivationFn() instanceof ActivationTanH)) {
                throw new IllegalArgumentException("recurrent layer " + l + " uses activation " + r.getActivationFn()
                        + "; expected tanh");
            }
            if (l == 0) {
                inputs = r.getNIn();
                hidden = r.getNOut();
            // ModelSpec has one hidden size: both layers' weight graphs are H-unit graphs, which the analysis compares
            } else if (r.getNIn() != hidden || r.getNOut() != hidden) {
                throw new IllegalArgumentException("recurrent layer " + l + " is " + r.getNIn() + " -> " + r.getNOut()
                        + "; expected " + hidden + " -> " + hidden);
            }
        }
        Layer last = confs.get(n - 1).getLayer();
        // the accuracy probe takes the argmax of this layer's output as the predicted class
        if (!(last instanceof OutputLayer out) || !(out.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("the last layer is not a softmax OutputLayer" + found);
        }
        if (out.getNIn() != hidden) {
            throw new IllegalArgumentException("the output layer reads " + out.getNIn() + " values; the last "
                    + "recurrent layer has " + hidden + " units");
        }
        return new ModelSpec(cell, Math.toIntExact(inputs), Math.toIntExact(hidden), recurrent,
                Math.toIntExact(out.getNOut()));
    }

    private static CellType cellOf(BaseRecurrentLayer r, int l) {
        if (r instanceof LSTM lstm) {
            // DL4J allows e.g. hard sigmoid gates; the PyTorch layout and the fused kernels compute the logistic
            // sigmoid
            if (!(lstm.getGateActivationFn() instanceof ActivationSigmoid)) {
                throw new IllegalArgumentException("LSTM layer " + l + " uses gate activation "
                        + lstm.getGateActivationFn() + "; expected sigmoid");
            }
            return CellType.LSTM;
        }
        if (r instanceof SimpleRnn rnn) {
            // layer normalisation adds gain parameters that are no edges of the weight graph and that no export writes
            if (rnn.hasLayerNorm()) {
                throw new IllegalArgumentException("SimpleRnn layer " + l + " uses layer normalisation, which is "
                        + "not supported");
            }
            return CellType.RNN;
        }
        throw new IllegalArgumentException("recurrent layer " + l + " is a " + r.getClass().getSimpleName()
                + "; only SimpleRnn and LSTM (no peepholes) are supported");
    }

    private static Layer unwrap(Layer layer) {
        return layer instanceof LastTimeStep w ? w.getUnderlying() : layer;
    }
}
