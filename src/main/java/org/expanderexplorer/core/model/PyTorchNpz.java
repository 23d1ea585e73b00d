package org.expanderexplorer.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.io.Float32Range;
import org.expanderexplorer.core.io.HeapBudget;

/**
 * Weight interchange with PyTorch: an NPZ holding the {@code state_dict} of a module with an {@code nn.RNN}
 * (tanh) or {@code nn.LSTM} named {@code rnn} (batch_first, 1 or 2 layers, unidirectional, with biases) and an
 * {@code nn.Linear} named {@code fc} applied to the last step's hidden state:
 * <pre>
 *   rnn.weight_ih_l{k}  gates*H x I (k = 0) or gates*H x H (k = 1)     rnn.bias_ih_l{k}  gates*H
 *   rnn.weight_hh_l{k}  gates*H x H                                    rnn.bias_hh_l{k}  gates*H
 *   fc.weight           C x H                                          fc.bias           C
 * </pre>
 * PyTorch stacks LSTM rows as i, f, g, o; Deeplearning4j stacks columns as g, f, o, i
 * ({@link GateOrder#DL4J_LSTM}) and multiplies row vectors from the left (x W), so each PyTorch
 * matrix is transposed and its gate blocks permuted. Deeplearning4j has one bias per layer: import stores
 * b_ih + b_hh, export writes that sum as {@code bias_ih} and zeros as {@code bias_hh} (the same function).
 *
 * <p>Save it from PyTorch with {@code np.savez(f, **{k: v.numpy() for k, v in model.state_dict().items()})}.
 * On import the architecture is inferred from the shapes; every missing key, extra key or inconsistent shape is
 * a {@link BadInputException} naming the file and the key.
 */
public final class PyTorchNpz {

    private PyTorchNpz() {
    }

    /** Writes the weights of {@code model} as float32 arrays with PyTorch's keys (atomically). */
    public static void save(RecurrentClassifier model, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        NpzFiles.write(file, stateDict(model));
    }

    /**
     * The weights of {@code model} as float32 arrays with PyTorch's keys and layouts, in state_dict order (an
     * ordered, modifiable map: callers may add entries such as masks before writing it with {@link NpzFiles}).
     */
    public static Map<String, NpyArray> stateDict(RecurrentClassifier model) {
        Objects.requireNonNull(model, "model");
        ModelSpec spec = model.spec();
        MultiLayerNetwork net = model.network();
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (int l = 0; l < spec.layers(); l++) {
            double[][] w = Dl4jParams.view(net, Dl4jParams.key(l, WeightKind.INPUT)).toDoubleMatrix();
            double[][] rw = Dl4jParams.view(net, Dl4jParams.key(l, WeightKind.RECURRENT)).toDoubleMatrix();
            double[] b = Dl4jParams.vector(net, Dl4jParams.key(l, Dl4jParams.BIAS));
            out.put(weightKey(l, WeightKind.INPUT), NpyArray.of(toPyTorch(w, spec), NpyArray.Type.FLOAT32));
            out.put(weightKey(l, WeightKind.RECURRENT), NpyArray.of(toPyTorch(rw, spec), NpyArray.Type.FLOAT32));
            out.put("rnn.bias_ih_l" + l, NpyArray.of(biasToPyTorch(b, spec), NpyArray.Type.FLOAT32));
            out.put("rnn.bias_hh_l" + l, NpyArray.of(new double[b.length], NpyArray.Type.FLOAT32));
        }
        int o = spec.layers();
        out.put("fc.weight", NpyArray.of(transpose(Dl4jParams.view(net, Dl4jParams.key(o, Dl4jParams.WEIGHTS))
                .toDoubleMatrix()), NpyArray.Type.FLOAT32));
        out.put("fc.bias", NpyArray.of(Dl4jParams.vector(net, Dl4jParams.key(o, Dl4jParams.BIAS)),
                NpyArray.Type.FLOAT32));
        return out;
    }

    /** PyTorch's key of a recurrent weight matrix: {@code rnn.weight_ih_l0}, {@code rnn.weight_hh_l1}, ... */
    public static String weightKey(int layer, WeightKind kind) {
        return "rnn.weight_" + (kind == WeightKind.INPUT ? "ih" : "hh") + "_l" + layer;
    }

    /**
     * A pruning mask in PyTorch's layout, as stored next to its weight under {@code <key>.mask} (float32, 1 kept,
     * 0 pruned, the weight's shape gates*H x n).
     *
     * @param keepRowMajor the mask in Deeplearning4j's layout (n x gates*H, row-major, as {@link WeightMasks}
     *                     takes it); not modified
     */
    public static NpyArray maskToPyTorch(boolean[] keepRowMajor, ModelSpec spec) {
        Objects.requireNonNull(keepRowMajor, "keepRowMajor");
        int cols = spec.cell().gates() * spec.hidden();
        if (keepRowMajor.length % cols != 0) {
            throw new IllegalArgumentException("a mask of " + keepRowMajor.length + " entries does not have "
                    + cols + " columns");
        }
        double[][] dl = new double[keepRowMajor.length / cols][cols];
        for (int k = 0; k < keepRowMajor.length; k++) {
            dl[k / cols][k % cols] = keepRowMajor[k] ? 1 : 0;
        }
        return NpyArray.of(toPyTorch(dl, spec), NpyArray.Type.FLOAT32);
    }

    /**
     * Reads an NPZ state_dict into a new classifier (default learning rate and clipping of its cell type).
     *
     * @throws BadInputException naming the file and key for missing keys, extra keys or inconsistent shapes
     */
    public static SavedModel load(Path file) throws IOException {
        return fromArrays(file, NpzFiles.read(file));
    }

    /** A classifier from the arrays of an NPZ read from {@code file} (named in messages), under any key names. */
    static SavedModel fromArrays(Path file, Map<String, NpyArray> arrays) {
        return StateDictModel.load(file, applyMasks(file, arrays), SavedModel.Format.PYTORCH_NPZ, null);
    }

    /**
     * The arrays with every {@code <key>.mask} applied to {@code <key>} (weights zeroed where the mask is 0) and
     * the masks removed: a pruned model exported with its masks loads with exactly its pruned weights at zero.
     */
    static Map<String, NpyArray> applyMasks(Path file, Map<String, NpyArray> a) {
        Map<String, NpyArray> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, NpyArray> e : a.entrySet()) {
            String k = e.getKey();
            if (!k.endsWith(".mask")) {
                continue;
            }
            String target = k.substring(0, k.length() - ".mask".length());
            NpyArray w = a.get(target);
            // Only weight matrices can carry a mask: a mask on a bias or an unknown key means the file was not written
            // by a pruning export, and guessing what it meant would load a different model.
            if (w == null || !target.endsWith("weight") && !target.matches(".*weight_(ih|hh)_l[0-9]+")) {
                throw BadInputException.inFile(file, "mask '" + k + "' has no weight matrix '" + target + "'");
            }
            NpyArray m = e.getValue();
            if (!java.util.Arrays.equals(m.shape(), w.shape())) {
                throw BadInputException.inFile(file, "mask '" + k + "' has shape " + m.shapeText() + " but '"
                        + target + "' has " + w.shapeText());
            }
            double[] mv = m.values();
            double[] wv = w.values();
            for (int i = 0; i < mv.length; i++) {
                // A soft mask (values between 0 and 1) would scale weights rather than prune them; it is refused, not
                // rounded, since either reading could be the one intended.
                if (mv[i] != 0 && mv[i] != 1) {
                    throw BadInputException.inFile(file, "mask '" + k + "' has the value " + mv[i]
                            + " at flat index " + i + " (masks hold 0 and 1)");
                }
                wv[i] = mv[i] == 0 ? 0.0 : wv[i];
            }
            out.put(target, new NpyArray(w.shape(), wv, w.type()));
            out.remove(k);
        }
        return out;
    }

    /** PyTorch (gates*H x n, blocks i f g o) to Deeplearning4j (n x gates*H, blocks g f o i). */
    static double[][] fromPyTorch(double[][] pt, ModelSpec spec) {
        return TorchLayouts.fromPyTorch(pt, spec);
    }

    /** Inverse of {@link #fromPyTorch}. */
    static double[][] toPyTorch(double[][] dl, ModelSpec spec) {
        return TorchLayouts.toPyTorch(dl, spec);
    }

    private static double[][] transpose(double[][] m) {
        return TorchLayouts.transpose(m);
    }

    private static double[] biasToPyTorch(double[] dl, ModelSpec spec) {
        return TorchLayouts.biasToPyTorch(dl, spec);
    }
}
