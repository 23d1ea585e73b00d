package org.expanderexplorer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A float32 copy of every parameter of a {@link RecurrentClassifier}, in Deeplearning4j's orientation and gate
 * block order (as {@link RecurrentWeights}): per layer W_ih (inputs x gates*H), W_hh (H x gates*H) and the bias
 * (gates*H), then the readout (H x classes) and its bias. The input of {@link CompiledNetwork}; made by
 * {@link RecurrentClassifier#weights()}.
 *
 * <p>Why a copy: the fast inference path computes in plain Java arrays, and a masked variant (a pruned model)
 * is a cheap array copy here, where masking the Deeplearning4j network needs a copy of the network and native
 * calls. Immutable; O(parameters) to build or mask.
 */
public final class NetworkWeights {

    private final ModelSpec spec;
    // Per layer, DL4J's layout flattened row-major: input[l] is (inputs x gates*H), recurrent[l] (H x gates*H).
    // float, as the network holds them: the fast kernels compute in float32 and must match DL4J's results.
    private final float[][] input;
    private final float[][] recurrent;
    private final float[][] bias;
    private final float[] readout;
    private final float[] readoutBias;

    private NetworkWeights(ModelSpec spec, float[][] input, float[][] recurrent, float[][] bias, float[] readout,
                           float[] readoutBias) {
        this.spec = spec;
        this.input = input;
        this.recurrent = recurrent;
        this.bias = bias;
        this.readout = readout;
        this.readoutBias = readoutBias;
    }

    /**
     * Copies the current parameters of {@code net}, of architecture {@code spec} (one native read per parameter
     * array); callers use {@link RecurrentClassifier#weights()}.
     */
    static NetworkWeights read(ModelSpec spec, MultiLayerNetwork net) {
        // native reads run one at a time under NativeCalls, so an exit cannot free ND4J's buffers mid-read
        return NativeCalls.call(() -> {
            int layers = spec.layers();
            float[][] in = new float[layers][];
            float[][] rec = new float[layers][];
            float[][] b = new float[layers][];
            for (int l = 0; l < layers; l++) {
                in[l] = flat(net, Dl4jParams.key(l, Dl4jParams.WEIGHTS));
                rec[l] = flat(net, Dl4jParams.key(l, Dl4jParams.RECURRENT));
                b[l] = flat(net, Dl4jParams.key(l, Dl4jParams.BIAS));
            }
            return new NetworkWeights(spec, in, rec, b, flat(net, Dl4jParams.key(layers, Dl4jParams.WEIGHTS)),
                    flat(net, Dl4jParams.key(layers, Dl4jParams.BIAS)));
        });
    }

    /**
     * A parameter as a row-major float array (a bias [1, n] becomes its n values): a C-order copy made natively,
     * then read in bulk. (Reading the 'f'-order view element by element through ND4J took 9-13 ms for the sample
     * models, as long as the forward pass of the RNN.)
     */
    private static float[] flat(MultiLayerNetwork net, String key) {
        // dup('c') gives a compact row-major copy whatever the view's strides, so data() holds exactly these values
        INDArray copy = Dl4jParams.view(net, key).castTo(DataType.FLOAT).dup('c');
        float[] out = copy.data().asFloat();
        copy.close(); // native memory: free it now, not at some later garbage collection
        return out;
    }

    /** Seeded Gaussian weights of {@code spec}'s shapes (std 0.5), each entry zero with probability {@code zeros}. */
    static NetworkWeights random(ModelSpec spec, long seed, double zeros) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int layers = spec.layers();
        int cols = spec.cell().gates() * spec.hidden();
        float[][] in = new float[layers][];
        float[][] rec = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            in[l] = random(rnd, spec.layerInputs(l) * cols, zeros);
            rec[l] = random(rnd, spec.hidden() * cols, zeros);
            b[l] = random(rnd, cols, 0);
        }
        return new NetworkWeights(spec, in, rec, b, random(rnd, spec.hidden() * spec.classes(), 0),
                random(rnd, spec.classes(), 0));
    }

    private static float[] random(java.util.SplittableRandom rnd, int n, double zeros) {
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = rnd.nextDouble() < zeros ? 0f : (float) (0.5 * rnd.nextGaussian());
        }
        return out;
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * These weights with every entry that {@code masks} prunes set to +0.0 (as {@link RecurrentClassifier#applyMasks}
     * does to a network).
     *
     * @throws IllegalArgumentException if a mask does not fit
     */
    public NetworkWeights masked(WeightMasks masks) {
        checkFits(masks);
        // shallow copies: unmasked matrices are shared with this object, masked ones replaced by fresh arrays below
        float[][] in = input.clone();
        float[][] rec = recurrent.clone();
        for (var e : masks.byTarget().entrySet()) {
            float[][] target = e.getKey().kind() == WeightKind.INPUT ? in : rec;
            int l = e.getKey().layer();
            boolean[] keep = e.getValue();
            float[] out = target[l].clone();
            for (int k = 0; k < out.length; k++) {
                if (!keep[k]) {
                    out[k] = 0f;
                }
            }
            target[l] = out;
        }
        return new NetworkWeights(spec, in, rec, bias, readout, readoutBias);
    }

    /** @throws IllegalArgumentException unless every mask names a layer of these weights and has its shape */
    void checkFits(WeightMasks masks) {
        Objects.requireNonNull(masks, "masks");
        for (var e : masks.byTarget().entrySet()) {
            int l = e.getKey().layer();
            WeightKind kind = e.getKey().kind();
            if (l >= spec.layers()) {
                throw new IllegalArgumentException("mask for layer " + l + ", the model has " + spec.layers());
            }
            int length = matrix(l, kind).length;
            if (e.getValue().length != length) {
                throw new IllegalArgumentException("mask for layer " + l + " " + kind.id() + " has "
                        + e.getValue().length + " entries, the matrix has " + length);
            }
        }
    }

    /**
     * The parameters as float32 NumPy arrays named {@code <prefix><layer>_W}, {@code _RW}, {@code _b} and
     * {@code <prefix>out_W}, {@code <prefix>out_b}, in Deeplearning4j's layout (for a numpy forward pass).
     */
    public Map<String, NpyArray> npyArrays(String prefix) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        int cols = spec.cell().gates() * spec.hidden();
        for (int l = 0; l < spec.layers(); l++) {
            // DL4J's own parameter names ("0_W", "0_RW", "0_b"), so the arrays can be matched with the network's params
            out.put(prefix + l + "_W", npy(input[l], spec.layerInputs(l), cols));
            out.put(prefix + l + "_RW", npy(recurrent[l], spec.hidden(), cols));
            out.put(prefix + l + "_b", npy(bias[l], cols));
        }
        out.put(prefix + "out_W", npy(readout, spec.hidden(), spec.classes()));
        out.put(prefix + "out_b", npy(readoutBias, spec.classes()));
        return out;
    }

    private static NpyArray npy(float[] values, int... shape) {
        double[] d = new double[values.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = values[k];
        }
        return new NpyArray(shape, d, NpyArray.Type.FLOAT32);
    }

    /** W_ih (kind INPUT) or W_hh of a layer, row-major; shared, not to be modified. */
    float[] matrix(int layer, WeightKind kind) {
        return kind == WeightKind.INPUT ? input[layer] : recurrent[layer];
    }

    /** The bias of a layer (gates*H); shared, not to be modified. */
    float[] bias(int layer) {
        return bias[layer];
    }

    /** The readout, H x classes row-major; shared, not to be modified. */
    float[] readout() {
        return readout;
    }

    /** The readout's bias; shared, not to be modified. */
    float[] readoutBias() {
        return readoutBias;
    }
}
