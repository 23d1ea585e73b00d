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

    /** A classifier from the arrays of an NPZ read from {@code file} (named in messages). */
    static SavedModel fromArrays(Path file, Map<String, NpyArray> arrays) {
        Map<String, NpyArray> a = applyMasks(file, arrays);
        ModelSpec spec = inferSpec(file, a);
        long parameters = 0;
        for (NpyArray v : a.values()) {
            parameters += NpyArray.size(v.shape());
        }
        // the matrices in PyTorch's layout, then in Deeplearning4j's, then the network's floats
        HeapBudget.require(file, HeapBudget.times(parameters, 20), "a network of " + parameters + " parameters");
        RecurrentClassifier model = RecurrentClassifier.create(spec, 0);
        MultiLayerNetwork net = model.network();
        for (int l = 0; l < spec.layers(); l++) {
            Dl4jParams.setMatrix(net, Dl4jParams.key(l, WeightKind.INPUT),
                    fromPyTorch(a.get("rnn.weight_ih_l" + l).toMatrix(), spec));
            Dl4jParams.setMatrix(net, Dl4jParams.key(l, WeightKind.RECURRENT),
                    fromPyTorch(a.get("rnn.weight_hh_l" + l).toMatrix(), spec));
            double[] bih = a.get("rnn.bias_ih_l" + l).values();
            double[] bhh = a.get("rnn.bias_hh_l" + l).values();
            double[] sum = new double[bih.length];
            for (int k = 0; k < sum.length; k++) {
                sum[k] = bih[k] + bhh[k];
            }
            Dl4jParams.setVector(net, Dl4jParams.key(l, Dl4jParams.BIAS), biasFromPyTorch(sum, spec));
        }
        int o = spec.layers();
        Dl4jParams.setMatrix(net, Dl4jParams.key(o, Dl4jParams.WEIGHTS), transpose(a.get("fc.weight").toMatrix()));
        Dl4jParams.setVector(net, Dl4jParams.key(o, Dl4jParams.BIAS), a.get("fc.bias").values());
        ModelMetadata meta = ModelMetadata.of(spec, "imported from " + file.getFileName());
        return new SavedModel(model, meta, file, SavedModel.Format.PYTORCH_NPZ);
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
            if (w == null || !target.matches("rnn\\.weight_(ih|hh)_l[0-9]+|fc\\.weight")) {
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

    /** The architecture implied by the shapes; checks every key. */
    static ModelSpec inferSpec(Path file, Map<String, NpyArray> a) {
        NpyArray hh0 = require(file, a, "rnn.weight_hh_l0");
        int[] s = hh0.shape();
        if (s.length != 2 || s[1] < 1 || (s[0] != s[1] && s[0] != 4 * s[1])) {
            throw BadInputException.inFile(file, "key 'rnn.weight_hh_l0' has shape " + hh0.shapeText()
                    + "; expected (H, H) for nn.RNN or (4H, H) for nn.LSTM");
        }
        int hidden = s[1];
        CellType cell = s[0] == hidden ? CellType.RNN : CellType.LSTM;
        int gh = cell.gates() * hidden;
        int layers = a.containsKey("rnn.weight_ih_l1") || a.containsKey("rnn.weight_hh_l1") ? 2 : 1;
        int inputs = -1;
        for (int l = 0; l < layers; l++) {
            NpyArray ih = require(file, a, "rnn.weight_ih_l" + l);
            if (ih.shape().length != 2 || ih.shape()[1] < 1) {
                throw BadInputException.inFile(file, "key 'rnn.weight_ih_l" + l + "' has shape " + ih.shapeText()
                        + "; expected (" + gh + ", inputs)");
            }
            int in = l == 0 ? ih.shape()[1] : hidden;
            if (l == 0) {
                inputs = in;
            }
            expect(file, "rnn.weight_ih_l" + l, ih, gh, in);
            expect(file, "rnn.weight_hh_l" + l, require(file, a, "rnn.weight_hh_l" + l), gh, hidden);
            expect(file, "rnn.bias_ih_l" + l, require(file, a, "rnn.bias_ih_l" + l), gh);
            expect(file, "rnn.bias_hh_l" + l, require(file, a, "rnn.bias_hh_l" + l), gh);
        }
        NpyArray fcw = require(file, a, "fc.weight");
        if (fcw.shape().length != 2 || fcw.shape()[0] < 1) {
            throw BadInputException.inFile(file, "key 'fc.weight' has shape " + fcw.shapeText() + "; expected (C, "
                    + hidden + ")");
        }
        int classes = fcw.shape()[0];
        expect(file, "fc.weight", fcw, classes, hidden);
        expect(file, "fc.bias", require(file, a, "fc.bias"), classes);
        for (Map.Entry<String, NpyArray> e : a.entrySet()) {
            String k = e.getKey();
            if (!k.matches("rnn\\.(weight|bias)_(ih|hh)_l[0-" + (layers - 1) + "]|fc\\.(weight|bias)")) {
                throw BadInputException.inFile(file, "unexpected key '" + k + "' (supported: a 1- or 2-layer "
                        + "unidirectional nn.RNN/nn.LSTM 'rnn' with biases and an nn.Linear 'fc')");
            }
            double[] v = e.getValue().values();
            int i = Float32Range.firstMisfit(v);
            if (i >= 0) {
                throw BadInputException.inFile(file, "'" + k + "' " + position(e.getValue(), i) + " is "
                        + Float32Range.why(v[i]) + ": a model with NaN or infinite weights cannot be analysed; "
                        + "export it again from a sound checkpoint");
            }
        }
        for (int l = 0; l < layers; l++) {
            // Deeplearning4j has one bias: the sum of PyTorch's two must stay a float32 too
            double[] bih = a.get("rnn.bias_ih_l" + l).values();
            double[] bhh = a.get("rnn.bias_hh_l" + l).values();
            for (int i = 0; i < bih.length; i++) {
                if (!Float32Range.fits(bih[i] + bhh[i])) {
                    throw BadInputException.inFile(file, "'rnn.bias_ih_l" + l + "' + 'rnn.bias_hh_l" + l + "' index "
                            + i + " is " + Float32Range.why(bih[i] + bhh[i]) + ": the network adds the two biases");
                }
            }
        }
        try {
            return new ModelSpec(cell, inputs, hidden, layers, classes);
        } catch (BadInputException e) {
            throw BadInputException.inFile(file, e.getMessage());
        }
    }

    /** "row R, column C" of a 2-D array, "index I" otherwise (flat C-order index). */
    private static String position(NpyArray v, int i) {
        int[] shape = v.shape();
        return shape.length == 2 ? "row " + i / shape[1] + ", column " + i % shape[1] : "index " + i;
    }

    private static NpyArray require(Path file, Map<String, NpyArray> a, String key) {
        NpyArray v = a.get(key);
        if (v == null) {
            throw BadInputException.inFile(file, "missing key '" + key + "'");
        }
        return v;
    }

    private static void expect(Path file, String key, NpyArray v, int... shape) {
        if (!java.util.Arrays.equals(v.shape(), shape)) {
            throw BadInputException.inFile(file, "key '" + key + "' has shape " + v.shapeText() + ", expected "
                    + new NpyArray(shape, new double[(int) NpyArray.size(shape)], NpyArray.Type.FLOAT32).shapeText()
                    + " to match the other arrays");
        }
    }

    /** PyTorch (gates*H x n, blocks i f g o) to Deeplearning4j (n x gates*H, blocks g f o i). */
    static double[][] fromPyTorch(double[][] pt, ModelSpec spec) {
        // Two differences at once: PyTorch stores a weight as (out x in) for y = W x, Deeplearning4j as (in x out) for
        // y = x W, and the gate blocks come in another order. Getting either wrong still loads and runs, with a wrong
        // accuracy, so PyTorchNpzTest checks the imported network against PyTorch's equations computed independently.
        int gh = pt.length;
        int n = pt[0].length;
        int h = spec.hidden();
        double[][] dl = new double[n][gh];
        for (int b = 0; b < spec.cell().gates(); b++) {
            int src = pytorchBlock(b, spec);
            for (int j = 0; j < h; j++) {
                double[] row = pt[src * h + j];
                for (int k = 0; k < n; k++) {
                    dl[k][b * h + j] = row[k];
                }
            }
        }
        return dl;
    }

    /** Inverse of {@link #fromPyTorch}. */
    static double[][] toPyTorch(double[][] dl, ModelSpec spec) {
        int n = dl.length;
        int gh = dl[0].length;
        int h = spec.hidden();
        double[][] pt = new double[gh][n];
        for (int b = 0; b < spec.cell().gates(); b++) {
            int dst = pytorchBlock(b, spec);
            for (int j = 0; j < h; j++) {
                for (int k = 0; k < n; k++) {
                    pt[dst * h + j][k] = dl[k][b * h + j];
                }
            }
        }
        return pt;
    }

    // Biases are vectors: only the gate blocks move. (PyTorch's two biases, bias_ih and bias_hh, are added
    // before this call, since Deeplearning4j has one.)
    static double[] biasFromPyTorch(double[] pt, ModelSpec spec) {
        int h = spec.hidden();
        double[] dl = new double[pt.length];
        for (int b = 0; b < spec.cell().gates(); b++) {
            System.arraycopy(pt, pytorchBlock(b, spec) * h, dl, b * h, h);
        }
        return dl;
    }

    static double[] biasToPyTorch(double[] dl, ModelSpec spec) {
        int h = spec.hidden();
        double[] pt = new double[dl.length];
        for (int b = 0; b < spec.cell().gates(); b++) {
            System.arraycopy(dl, b * h, pt, pytorchBlock(b, spec) * h, h);
        }
        return pt;
    }

    /** PyTorch's block index (i f g o = 0 1 2 3) of Deeplearning4j column block {@code b}. */
    private static int pytorchBlock(int b, ModelSpec spec) {
        return spec.cell() == CellType.LSTM ? GateOrder.PYTORCH.blockOf(GateOrder.DL4J_LSTM.blocks().get(b)) : 0;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
