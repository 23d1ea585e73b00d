package org.expanderexplorer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A recurrent sequence classifier on Deeplearning4j: {@code layers} tanh RNN ({@code SimpleRnn}) or LSTM layers
 * (no peepholes, sigmoid gates, tanh cell), the last one wrapped in {@code LastTimeStep} so that only the final
 * hidden state h_T reaches a softmax {@code OutputLayer} (cross-entropy loss). Inputs are [batch, T, F] in the
 * {@code NWC} format (see {@link SequenceBatches}); the network is float32 and optimised by Adam.
 *
 * <p>Why {@code LastTimeStep} + {@code OutputLayer} rather than an {@code RnnOutputLayer} with a label mask: it
 * computes the readout once per sequence instead of T times, and its parameters are exactly PyTorch's
 * {@code fc(h_T)}.
 *
 * <p>Sizes: {@link ModelSpec} limits; parameters gates*H*(F + H + 1) per layer plus H*C + C. A forward pass costs
 * O(T * gates*H * (F + H)) per sequence. Not thread-safe: the network holds per-call state; use {@link #copy()}
 * for a second thread.
 */
public final class RecurrentClassifier {

    /** Default Adam learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /**
     * Default gradient clipping for the vanilla RNN: each layer's gradient is rescaled to L2 norm at most 1.0
     * (Pascanu, Mikolov, Bengio 2013, "On the difficulty of training recurrent neural networks", with the norm
     * taken per layer, which is what Deeplearning4j offers). LSTMs are not clipped by default.
     */
    public static final double DEFAULT_RNN_CLIP = 1.0;

    private final ModelSpec spec;
    private final MultiLayerNetwork network;

    private RecurrentClassifier(ModelSpec spec, MultiLayerNetwork network) {
        this.spec = spec;
        this.network = network;
    }

    /**
     * A freshly initialised classifier (Xavier weights, forget-gate bias 1 for the LSTM).
     *
     * @param spec         the architecture
     * @param seed         seed of the weight initialisation
     * @param learningRate Adam learning rate, &gt; 0
     * @param clipNorm     per-layer gradient L2 clipping threshold, or 0 for none
     */
    public static RecurrentClassifier create(ModelSpec spec, long seed, double learningRate, double clipNorm) {
        Objects.requireNonNull(spec, "spec");
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10), got " + learningRate);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
        }
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER);
        if (clipNorm > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clipNorm);
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        for (int l = 0; l < spec.layers(); l++) {
            BaseRecurrentLayer layer = recurrentLayer(spec.cell(), spec.layerInputs(l), spec.hidden());
            list.layer(l == spec.layers() - 1 ? new LastTimeStep(layer) : layer);
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(spec.hidden()).nOut(spec.classes()).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new RecurrentClassifier(spec, net);
    }

    /** A classifier with the default learning rate and the default clipping of its cell type. */
    public static RecurrentClassifier create(ModelSpec spec, long seed) {
        return create(spec, seed, DEFAULT_LEARNING_RATE, spec.cell() == CellType.RNN ? DEFAULT_RNN_CLIP : 0);
    }

    private static BaseRecurrentLayer recurrentLayer(CellType cell, int in, int hidden) {
        if (cell == CellType.LSTM) {
            return new LSTM.Builder().nIn(in).nOut(hidden).activation(Activation.TANH)
                    .gateActivationFunction(Activation.SIGMOID).dataFormat(RNNFormat.NWC).build();
        }
        return new SimpleRnn.Builder().nIn(in).nOut(hidden).activation(Activation.TANH)
                .dataFormat(RNNFormat.NWC).build();
    }

    /**
     * Wraps an existing network after checking that it has the structure described above.
     *
     * @throws IllegalArgumentException naming what is not as expected
     */
    public static RecurrentClassifier wrap(MultiLayerNetwork network) {
        Objects.requireNonNull(network, "network");
        return new RecurrentClassifier(NetworkStructure.specOf(network), network);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The live network (shared, not a copy): for training and weight access inside this package and by callers. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** A float32 copy of the current parameters (one native read per parameter array). */
    public NetworkWeights weights() {
        return NetworkWeights.read(spec, network);
    }

    /** An independent deep copy (parameters and optimiser state). */
    public RecurrentClassifier copy() {
        return new RecurrentClassifier(spec, network.clone());
    }

    /**
     * Overwrites this classifier's parameters with {@code other}'s (same architecture; the optimiser state is left
     * as it is). Cheaper than {@link #copy()} when one copy is reused for many masked evaluations.
     */
    public void copyParametersFrom(RecurrentClassifier other) {
        Objects.requireNonNull(other, "other");
        if (!spec.equals(other.spec)) {
            throw new IllegalArgumentException("architectures differ: " + spec.describe() + " and "
                    + other.spec.describe());
        }
        network.params().assign(other.network.params());
    }

    /**
     * Sets every weight that {@code masks} prunes to zero (in place).
     *
     * @throws IllegalArgumentException if a mask does not fit the model's matrices
     */
    public void applyMasks(WeightMasks masks) {
        Objects.requireNonNull(masks, "masks");
        applyMasks(network, maskArrays(masks));
    }

    /** A training listener that applies {@code masks} after each iteration (after the updater step). */
    TrainingListener maskEnforcer(WeightMasks masks) {
        Map<WeightMasks.Target, INDArray> arrays = maskArrays(masks);
        return new BaseTrainingListener() {
            @Override
            public void iterationDone(Model m, int iteration, int epoch) {
                applyMasks((MultiLayerNetwork) m, arrays);
            }
        };
    }

    private static void applyMasks(MultiLayerNetwork net, Map<WeightMasks.Target, INDArray> arrays) {
        for (Map.Entry<WeightMasks.Target, INDArray> e : arrays.entrySet()) {
            // w * 0 is -0.0 for negative w; adding +0.0 turns it into +0.0 so that pruned entries compare equal to
            // the zeros of WeightMatrix.masked
            Dl4jParams.view(net, Dl4jParams.key(e.getKey().layer(), e.getKey().kind())).muli(e.getValue()).addi(0.0);
        }
    }

    /** The masks as 0/1 arrays of the network's data type, each checked against its matrix's shape. */
    private Map<WeightMasks.Target, INDArray> maskArrays(WeightMasks masks) {
        Map<WeightMasks.Target, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<WeightMasks.Target, boolean[]> e : masks.byTarget().entrySet()) {
            WeightMasks.Target t = e.getKey();
            if (t.layer() >= spec.layers()) {
                throw new IllegalArgumentException("mask for layer " + t.layer() + ", the model has " + spec.layers());
            }
            int rows = t.kind() == WeightKind.INPUT ? spec.layerInputs(t.layer()) : spec.hidden();
            int cols = spec.cell().gates() * spec.hidden();
            boolean[] keep = e.getValue();
            if (keep.length != (long) rows * cols) {
                throw new IllegalArgumentException("mask for layer " + t.layer() + " " + t.kind().id() + " has "
                        + keep.length + " entries, the matrix is " + rows + " x " + cols);
            }
            float[] f = new float[keep.length];
            for (int k = 0; k < keep.length; k++) {
                f[k] = keep[k] ? 1f : 0f;
            }
            INDArray a = Nd4j.create(f, new long[] {rows, cols}, 'c')
                    .castTo(network.params().dataType());
            out.put(t, a);
        }
        return out;
    }

    /** The Adam learning rate of the first layer. */
    public double learningRate() {
        return network.getLearningRate(0);
    }

    /**
     * Class probabilities of a batch of sequences.
     *
     * @param stepMajor {@code batch} sequences of {@code steps} x {@code spec().inputs()} values, each step-major
     *                  (value (b, t, f) at {@code b*steps*F + t*F + f}); not modified
     * @param batch     number of sequences
     * @param steps     time steps per sequence
     * @return probabilities [batch][classes]
     */
    public double[][] probabilities(float[] stepMajor, int batch, int steps) {
        Objects.requireNonNull(stepMajor, "stepMajor");
        long expected = (long) batch * steps * spec.inputs();
        if (batch < 1 || steps < 1 || stepMajor.length != expected) {
            throw new IllegalArgumentException("expected " + batch + " x " + steps + " x " + spec.inputs()
                    + " values, got " + stepMajor.length);
        }
        if (VectorInference.available()) {
            float[] p = CompiledNetwork.of(weights()).probabilities(stepMajor, batch, steps);
            double[][] out = new double[batch][spec.classes()];
            for (int b = 0; b < batch; b++) {
                for (int c = 0; c < spec.classes(); c++) {
                    out[b][c] = p[b * spec.classes() + c];
                }
            }
            return out;
        }
        INDArray x = Nd4j.create(stepMajor.clone(), new long[] {batch, steps, spec.inputs()}, 'c');
        return output(x).toDoubleMatrix();
    }

    /**
     * Network output for NWC features in inference mode, the same probabilities as Deeplearning4j's forward pass
     * (to about 1e-6): through {@link CompiledNetwork} when {@link VectorInference#available()}, otherwise LSTM
     * networks through {@link FusedLstmInference} and vanilla RNNs through Deeplearning4j's forward pass.
     */
    INDArray output(INDArray features) {
        if (VectorInference.available()) {
            int batch = Math.toIntExact(features.size(0));
            int steps = Math.toIntExact(features.size(1));
            float[] x = NativeCalls.call(() -> {
                INDArray copy = features.castTo(DataType.FLOAT).dup('c');
                float[] values = copy.data().asFloat();
                copy.close(); // native memory: free it now, not at some later garbage collection
                return values;
            });
            float[] p = CompiledNetwork.of(weights()).probabilities(x, batch, steps);
            return NativeCalls.call(() -> Nd4j.create(p, new long[] {batch, spec.classes()}, 'c'));
        }
        return referenceOutput(features);
    }

    /** {@link #output} without the fast path: libnd4j's fused LSTM operation, or Deeplearning4j's forward pass. */
    INDArray referenceOutput(INDArray features) {
        if (FusedLstmInference.supports(spec)) {
            return FusedLstmInference.output(network, spec, features);
        }
        return NativeCalls.call(() -> network.output(features, false));
    }

    @Override
    public String toString() {
        return "RecurrentClassifier[" + spec.describe() + "]";
    }
}
