package org.expanderexplorer.core.model;

import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Inference of an all-LSTM {@link RecurrentClassifier} through libnd4j's fused {@code lstmLayer} operation (part of
 * nd4j-native), with the same weights and the same result as Deeplearning4j's own forward pass. Since decision 24
 * the path taken only without the vector API module ({@link VectorInference}); {@link CompiledNetwork} is faster.
 *
 * <p>Why not {@code MultiLayerNetwork.output}: Deeplearning4j 1.0.0-M2.1's LSTM layer ({@code LSTMHelpers}) runs
 * every time step as a dozen separate ND4J operations from Java (slices, four activations, products, sums), each
 * with its own dispatch and allocation; for 1,000 MNIST rows of 28 steps that overhead is about half of the time.
 * {@code lstmLayer} does the whole recurrence in one native call (one matrix product for all steps' inputs, then
 * per step one product and a fused gate loop). Measured on 1,000 sequences of the sample LSTM-128 with one
 * thread: a median of 210 ms against 320-430 ms (docs/performance.md). The op's Java wrapper ({@code LSTMLayer}) passes INDArray arguments
 * as outputs in this version, so the op is built directly from its documented arguments.
 *
 * <p>Only the arithmetic is libnd4j's; the model stays a Deeplearning4j network. Weights are read from the live
 * parameters on every call (a pruned or retrained network is used as it is now) and re-ordered from
 * Deeplearning4j's gate blocks (g, f, o, i; see {@link RecurrentWeights}) to {@code lstmLayer}'s (i, f, g, o).
 * Cost per call: O(parameters) to re-order, plus the forward pass O(batch * T * 4H * (F + H)).
 */
final class FusedLstmInference {

    /** {@code lstmLayer} integer arguments: data format NTS = [batch, time, features]. */
    private static final int FORMAT_NTS = 1;
    /** Direction: forward only. */
    private static final int DIRECTION_FORWARD = 0;
    /** Activation codes of {@code lstmLayer}: tanh 0, sigmoid 2. */
    private static final int ACT_TANH = 0;
    private static final int ACT_SIGMOID = 2;

    private FusedLstmInference() {
    }

    /** Whether this path computes {@code spec}'s forward pass (every recurrent layer is an LSTM). */
    static boolean supports(ModelSpec spec) {
        return spec.cell() == CellType.LSTM;
    }

    /**
     * Class probabilities [batch, classes] of NWC features [batch, T, F] (float), as
     * {@code network.output(features, false)} computes them.
     */
    static INDArray output(MultiLayerNetwork network, ModelSpec spec, INDArray features) {
        return output(network, spec, features, MAX_CHUNK_BYTES);
    }

    /**
     * Native scratch allowed per call, about: the op keeps every step's gate pre-activations, batch * T * 4H
     * floats, which for a 2048-unit LSTM and 1,000 MNIST rows would be 917 MB.
     */
    static final long MAX_CHUNK_BYTES = 64L << 20;

    /** As {@link #output(MultiLayerNetwork, ModelSpec, INDArray)}, in chunks of at most about {@code maxBytes}. */
    static INDArray output(MultiLayerNetwork network, ModelSpec spec, INDArray features, long maxBytes) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("fused inference needs LSTM layers, got " + spec.describe());
        }
        long batch = features.size(0);
        long perSequence = Math.max(1, features.size(1) * 4L * spec.hidden() * Float.BYTES);
        long chunk = Math.max(1, Math.min(batch, maxBytes / perSequence));
        if (chunk >= batch) {
            return locked(network, spec, features);
        }
        INDArray out = Nd4j.create(DataType.FLOAT, batch, spec.classes());
        for (long from = 0; from < batch; from += chunk) {
            if (Thread.currentThread().isInterrupted()) {
                release(out);
                throw new CancellationException("inference interrupted"); // superseded: stop between chunks
            }
            long to = Math.min(batch, from + chunk);
            INDArray part = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all())
                    .dup('c');
            INDArray probabilities = locked(network, spec, part);
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(probabilities);
            release(part, probabilities);
        }
        return out;
    }

    /** One native call at a time ({@link NativeCalls}). */
    private static INDArray locked(MultiLayerNetwork network, ModelSpec spec, INDArray features) {
        return NativeCalls.call(() -> forward(network, spec, features));
    }

    private static INDArray forward(MultiLayerNetwork network, ModelSpec spec, INDArray features) {
        int hidden = spec.hidden();
        long batch = features.size(0);
        INDArray x = features.dataType() == DataType.FLOAT ? features : features.castTo(DataType.FLOAT);
        for (int l = 0; l < spec.layers(); l++) {
            boolean last = l == spec.layers() - 1;
            INDArray wx = toFusedOrder(Dl4jParams.view(network, Dl4jParams.key(l, Dl4jParams.WEIGHTS)), hidden);
            INDArray wr = toFusedOrder(Dl4jParams.view(network, Dl4jParams.key(l, Dl4jParams.RECURRENT)), hidden);
            INDArray b = toFusedOrder(Dl4jParams.view(network, Dl4jParams.key(l, Dl4jParams.BIAS)), hidden);
            INDArray h = last
                    ? Nd4j.createUninitialized(DataType.FLOAT, batch, hidden)
                    : Nd4j.createUninitialized(DataType.FLOAT, batch, x.size(1), hidden);
            DynamicCustomOp op = DynamicCustomOp.builder("lstmLayer")
                    .addInputs(x, wx, wr, b.reshape(4L * hidden))
                    .addIntegerArguments(FORMAT_NTS, DIRECTION_FORWARD, ACT_SIGMOID, ACT_TANH, ACT_TANH)
                    // hasBiases, hasSeqLen, hasInitH, hasInitC, hasPeepholes, full sequence, last h, last c
                    .addBooleanArguments(true, false, false, false, false, !last, last, false)
                    .addFloatingPointArguments(0.0) // no cell clipping
                    .addOutputs(h)
                    .build();
            Nd4j.exec(op);
            // free native buffers at once (they would otherwise wait for a garbage collection)
            release(wx, wr, b);
            if (x != features) {
                release(x);
            }
            x = h;
        }
        int readout = spec.layers();
        INDArray w = Dl4jParams.view(network, Dl4jParams.key(readout, Dl4jParams.WEIGHTS));
        INDArray bias = Dl4jParams.view(network, Dl4jParams.key(readout, Dl4jParams.BIAS));
        INDArray logits = x.mmul(w.castTo(DataType.FLOAT)).addiRowVector(bias.castTo(DataType.FLOAT));
        release(x);
        return Transforms.softmax(logits, false);
    }

    /** Closes arrays this class allocated (never a parameter view: those are not closeable). */
    private static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.closeable()) {
                a.close();
            }
        }
    }

    /** Columns (or entries) in blocks g, f, o, i re-ordered to i, f, g, o; a new C-order float array. */
    private static INDArray toFusedOrder(INDArray dl4j, int hidden) {
        INDArray m = dl4j.rank() == 1 ? dl4j.reshape(1, dl4j.length()) : dl4j;
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, m.size(0), 4L * hidden);
        int[] from = {3, 1, 0, 2}; // i, f, g, o taken from Deeplearning4j's blocks 3, 1, 0, 2
        for (int k = 0; k < 4; k++) {
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(k * (long) hidden, (k + 1L) * hidden))
                    .assign(m.get(NDArrayIndex.all(),
                            NDArrayIndex.interval(from[k] * (long) hidden, (from[k] + 1L) * hidden)));
        }
        return out;
    }
}
