package org.expanderexplorer.core.model;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.expanderexplorer.core.data.SequenceDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Inference-only forward pass of a {@link RecurrentClassifier}, written for throughput: a sparsity sweep evaluates
 * the whole test set at every grid point, and Deeplearning4j's LSTM layer spends most of that time in per-step
 * bookkeeping (strided NCW views, copies) rather than in the matrix products. Here the inputs are laid out
 * time-major, x_t W_ih is one matrix product for all steps of a chunk, and each step is one product h_{t-1} W_hh
 * plus element-wise gate activations on contiguous arrays, all through ND4J (OpenBLAS).
 *
 * <p>Equations (the same as the network's layers, see {@link RecurrentWeights} for the LSTM block order g, f, o,
 * i): RNN h_t = tanh(x_t W + h_{t-1} R + b); LSTM with pre-activations z = x_t W + h_{t-1} R + b split into
 * blocks (g, f, o, i), c_t = sigmoid(f) c_{t-1} + sigmoid(i) tanh(g), h_t = sigmoid(o) tanh(c_t); h_0 = c_0 = 0;
 * the prediction is argmax(h_T V + v) (softmax does not change the argmax). {@code FastInferenceTest} checks the
 * probabilities against Deeplearning4j's own output.
 *
 * <p>Cost: O(examples * T * gates*H * (F + H)) multiply-adds, like the network; memory per chunk of
 * {@link #CHUNK} examples about T * chunk * gates*H floats. The weights are copied at construction: later changes
 * to the model are not seen. Not thread-safe.
 */
public final class FastInference {

    /** Examples per chunk. */
    public static final int CHUNK = 2000;

    private final ModelSpec spec;
    private final INDArray[] input;
    private final INDArray[] recurrent;
    private final INDArray[] bias;
    private final INDArray outWeights;
    private final INDArray outBias;

    private final int chunk;

    /** Copies the weights of {@code model} (not modified). */
    public FastInference(RecurrentClassifier model) {
        this(model, CHUNK);
    }

    FastInference(RecurrentClassifier model, int chunk) {
        Objects.requireNonNull(model, "model");
        this.chunk = chunk;
        this.spec = model.spec();
        MultiLayerNetwork net = model.network();
        int layers = spec.layers();
        input = new INDArray[layers];
        recurrent = new INDArray[layers];
        bias = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            input[l] = copy(net, Dl4jParams.key(l, WeightKind.INPUT));
            recurrent[l] = copy(net, Dl4jParams.key(l, WeightKind.RECURRENT));
            bias[l] = copy(net, Dl4jParams.key(l, Dl4jParams.BIAS)).reshape(1, -1);
        }
        outWeights = copy(net, Dl4jParams.key(layers, Dl4jParams.WEIGHTS));
        outBias = copy(net, Dl4jParams.key(layers, Dl4jParams.BIAS)).reshape(1, -1);
    }

    private static INDArray copy(MultiLayerNetwork net, String key) {
        return Dl4jParams.view(net, key).castTo(DataType.FLOAT).dup('c');
    }

    /**
     * Number of correctly classified examples among the first {@code n} of {@code data}.
     *
     * @throws org.expanderexplorer.core.BadInputException if the data does not fit the model
     */
    public int correct(SequenceDataset data, int n) {
        Trainer.checkCompatible(spec, data);
        int total = Math.min(n, data.size());
        int correct = 0;
        for (int from = 0; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            int[] predicted = predict(data, from, to);
            for (int k = 0; k < predicted.length; k++) {
                if (predicted[k] == data.label(from + k)) {
                    correct++;
                }
            }
        }
        return correct;
    }

    /** Predicted classes of examples {@code from .. to-1}. */
    public int[] predict(SequenceDataset data, int from, int to) {
        return logits(data, from, to).argMax(1).toIntVector();
    }

    /** Logits h_T V + v of examples {@code from .. to-1}, [n, classes]. */
    INDArray logits(SequenceDataset data, int from, int to) {
        int n = to - from;
        int steps = data.steps();
        int f = data.features();
        // time-major rows: row t * n + k is step t of example from + k
        float[] seq = new float[steps * f];
        float[] timeMajor = new float[steps * n * f];
        for (int k = 0; k < n; k++) {
            data.copySequence(from + k, seq, 0);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(seq, t * f, timeMajor, (t * n + k) * f, f);
            }
        }
        INDArray x = Nd4j.create(timeMajor, new long[] {(long) steps * n, f}, 'c');
        INDArray h = null;
        for (int l = 0; l < spec.layers(); l++) {
            boolean last = l == spec.layers() - 1;
            INDArray seqOut = last ? null : Nd4j.create(DataType.FLOAT, (long) steps * n, spec.hidden());
            h = layer(l, x, n, steps, seqOut);
            x = seqOut;
        }
        return h.mmul(outWeights).addiRowVector(outBias);
    }

    /** Runs layer l over time-major inputs; returns h_T and, if {@code seqOut} is given, writes every h_t there. */
    private INDArray layer(int l, INDArray x, int n, int steps, INDArray seqOut) {
        int hidden = spec.hidden();
        INDArray zx = x.mmul(input[l]).addiRowVector(bias[l]);
        INDArray h = Nd4j.zeros(DataType.FLOAT, n, hidden);
        INDArray c = spec.cell() == CellType.LSTM ? Nd4j.zeros(DataType.FLOAT, n, hidden) : null;
        for (int t = 0; t < steps; t++) {
            INDArray z = zx.get(NDArrayIndex.interval((long) t * n, (long) (t + 1) * n), NDArrayIndex.all()).dup('c');
            if (t > 0) {
                z.addi(h.mmul(recurrent[l]));
            }
            if (spec.cell() == CellType.LSTM) {
                INDArray g = Transforms.tanh(block(z, 0, hidden), false);
                INDArray fg = Transforms.sigmoid(block(z, 1, hidden), false);
                INDArray o = Transforms.sigmoid(block(z, 2, hidden), false);
                INDArray i = Transforms.sigmoid(block(z, 3, hidden), false);
                c = c.muli(fg).addi(i.muli(g));
                h = o.muli(Transforms.tanh(c, true));
            } else {
                h = Transforms.tanh(z, false);
            }
            if (seqOut != null) {
                seqOut.get(NDArrayIndex.interval((long) t * n, (long) (t + 1) * n), NDArrayIndex.all()).assign(h);
            }
        }
        return h;
    }

    private static INDArray block(INDArray z, int b, int hidden) {
        return z.get(NDArrayIndex.all(), NDArrayIndex.interval((long) b * hidden, (long) (b + 1) * hidden));
    }
}
