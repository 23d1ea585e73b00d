package org.expanderexplorer.core.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Float32Range;
import org.expanderexplorer.core.io.HeapBudget;

/**
 * A PyTorch {@code state_dict}, whichever file it came in (NPZ, {@code .pt}, safetensors, or the weights of an ONNX
 * graph renamed to PyTorch's keys), recognised as one recurrent classifier and turned into a network; and the way
 * back, a network as a state_dict under the keys, types and biases the file had ({@link StateDictLayout}).
 *
 * <p>Recognition is by the key pattern and the shapes, under any prefix: {@code <P>weight_ih_l{k}} (gates*H x in),
 * {@code <P>weight_hh_l{k}} (gates*H x H), optionally {@code <P>bias_ih_l{k}} and {@code <P>bias_hh_l{k}}, for
 * k = 0 .. layers-1, plus exactly one other 2-D {@code <Q>weight} of shape (C, H) and optionally {@code <Q>bias}:
 * an {@code nn.RNN} or {@code nn.LSTM} (batch_first or not: the weights are the same) and an {@code nn.Linear} on the
 * last step's hidden state. {@code nn.RNN} is read as tanh: a state_dict does not record
 * {@code nonlinearity='relu'}. Refused with one line naming the key: bidirectional layers ({@code _reverse}), GRUs
 * (3H rows), LSTM projections ({@code weight_hr}), more than two layers, two recurrent modules, any other key.
 * Refused by key and position: NaN, infinite and beyond-float32 values, and bias pairs whose sum overflows (the
 * network adds them).
 */
public final class StateDictModel {

    // Groups: 1 the module prefix ("lstm."), 2 weight or bias, 3 ih / hh / hr (hr: LSTM projection), 4 the layer,
    // 5 "_reverse" for the backward direction of a bidirectional layer (nn.RNNBase's parameter names).
    private static final Pattern RECURRENT = Pattern.compile("(.*?)(weight|bias)_(ih|hh|hr)_l([0-9]+)(_reverse)?");

    /** Heap bytes per parameter while building the network (PyTorch layout, Deeplearning4j's, the network). */
    private static final long BYTES_PER_PARAMETER = 20;

    /** The architecture and layout found in a state_dict. */
    record Recognised(ModelSpec spec, StateDictLayout layout) {
    }

    private StateDictModel() {
    }

    /**
     * The classifier a state_dict holds.
     *
     * @param file   the file read, named in messages
     * @param arrays the state_dict in the file's key order (PyTorch layouts: (out, in) matrices, gates i f g o)
     * @param format the file's format
     * @param note   what the reader changed (e.g. "float16 weights converted to float32"), or null
     * @throws BadInputException naming the file and key when the state_dict is not one supported classifier
     */
    public static SavedModel load(Path file, Map<String, NpyArray> arrays, SavedModel.Format format, String note) {
        Recognised r = recognise(file, arrays, note);
        ModelSpec spec = r.spec();
        StateDictLayout layout = r.layout();
        // the budget is checked before the DL4J network is allocated, which would otherwise fail deep inside ND4J
        long parameters = 0;
        for (NpyArray v : arrays.values()) {
            parameters += Math.max(0, NpyArray.size(v.shape()));
        }
        HeapBudget.require(file, HeapBudget.times(parameters, BYTES_PER_PARAMETER),
                "a network of " + parameters + " parameters");
        // seed 0: every parameter is overwritten below, so the initialisation never shows
        RecurrentClassifier model = RecurrentClassifier.create(spec, 0);
        MultiLayerNetwork net = model.network();
        int gh = spec.cell().gates() * spec.hidden();
        for (int l = 0; l < spec.layers(); l++) {
            Dl4jParams.setMatrix(net, Dl4jParams.key(l, WeightKind.INPUT),
                    TorchLayouts.fromPyTorch(arrays.get(layout.weightKey(l, WeightKind.INPUT)).toMatrix(), spec));
            Dl4jParams.setMatrix(net, Dl4jParams.key(l, WeightKind.RECURRENT),
                    TorchLayouts.fromPyTorch(arrays.get(layout.weightKey(l, WeightKind.RECURRENT)).toMatrix(), spec));
            // PyTorch's cell computes W_ih x + b_ih + W_hh h + b_hh; DL4J has one bias, so it takes b_ih + b_hh
            // (zero for bias=False). The originals stay in the layout so that an export can split them again.
            double[] sum = new double[gh];
            if (layout.recurrentBias()) {
                double[] bih = arrays.get(layout.biasKey(l, true)).values();
                double[] bhh = arrays.get(layout.biasKey(l, false)).values();
                for (int k = 0; k < gh; k++) {
                    sum[k] = bih[k] + bhh[k];
                }
            }
            Dl4jParams.setVector(net, Dl4jParams.key(l, Dl4jParams.BIAS), TorchLayouts.biasFromPyTorch(sum, spec));
        }
        int o = spec.layers();
        // nn.Linear stores (out, in); DL4J's dense/output layer (in, out)
        Dl4jParams.setMatrix(net, Dl4jParams.key(o, Dl4jParams.WEIGHTS),
                transpose(arrays.get(layout.headWeightKey()).toMatrix()));
        Dl4jParams.setVector(net, Dl4jParams.key(o, Dl4jParams.BIAS), layout.headBias()
                ? arrays.get(layout.headBiasKey()).values() : new double[spec.classes()]);
        String source = "imported from " + file.getFileName() + (note == null ? "" : " (" + note + ")");
        return new SavedModel(model, ModelMetadata.of(spec, source), file, format, layout);
    }

    /** Finds the recurrent module and the head; checks every key, shape and value. */
    static Recognised recognise(Path file, Map<String, NpyArray> a, String note) {
        // First pass: find the recurrent module's prefix and depth from the names alone; shapes are checked afterwards.
        Set<String> prefixes = new LinkedHashSet<>();
        int maxLayer = -1;
        for (String k : a.keySet()) {
            Matcher m = RECURRENT.matcher(k);
            if (!m.matches()) {
                continue;
            }
            if (m.group(5) != null) {
                throw refuse(file, k, "belongs to a bidirectional layer (bidirectional=True); only unidirectional "
                        + "nn.RNN and nn.LSTM layers are supported");
            }
            if (m.group(3).equals("hr")) {
                throw refuse(file, k, "is an LSTM projection (proj_size > 0), which is not supported");
            }
            prefixes.add(m.group(1));
            try {
                // a digit run longer than an int (a forged key) lands in the catch below
                maxLayer = Math.max(maxLayer, Integer.parseInt(m.group(4)));
            } catch (NumberFormatException e) {
                throw refuse(file, k, "names a layer beyond any supported count");
            }
        }
        if (prefixes.isEmpty()) {
            throw BadInputException.inFile(file, "has no recurrent layer: no key ends in weight_hh_l0 (supported: "
                    + "one nn.RNN or nn.LSTM and one nn.Linear head)");
        }
        if (prefixes.size() > 1) {
            throw BadInputException.inFile(file, "holds more than one recurrent module ('"
                    + String.join("', '", prefixes) + "'); one nn.RNN or nn.LSTM is supported");
        }
        String p = prefixes.iterator().next();
        NpyArray hh0 = require(file, a, p + "weight_hh_l0");
        int[] s = hh0.shape();
        // The row count of weight_hh tells the cell: H rows for nn.RNN, 4H for nn.LSTM, 3H for nn.GRU.
        if (s.length != 2 || s[1] < 1 || (s[0] != s[1] && s[0] != 4 * s[1])) {
            throw refuse(file, p + "weight_hh_l0", "has shape " + hh0.shapeText() + (s.length == 2 && s[0] == 3 * s[1]
                    ? ", (3H, H): a GRU, which is not supported (nn.RNN and nn.LSTM are)"
                    : "; expected (H, H) for nn.RNN or (4H, H) for nn.LSTM"));
        }
        int hidden = s[1];
        CellType cell = s[0] == hidden ? CellType.RNN : CellType.LSTM;
        int gh = cell.gates() * hidden;
        int layers = maxLayer + 1;
        if (layers > 2) {
            throw refuse(file, p + "weight_hh_l" + maxLayer, "shows " + layers + " stacked layers; at most 2 are "
                    + "supported");
        }
        // bias=False drops both biases of every layer; one present means all must be (require refuses a missing one)
        boolean biases = a.containsKey(p + "bias_ih_l0") || a.containsKey(p + "bias_hh_l0");
        Set<String> used = new LinkedHashSet<>();
        int inputs = -1;
        for (int l = 0; l < layers; l++) {
            NpyArray ih = require(file, a, p + "weight_ih_l" + l);
            if (ih.shape().length != 2 || ih.shape()[1] < 1) {
                throw refuse(file, p + "weight_ih_l" + l, "has shape " + ih.shapeText() + "; expected (" + gh
                        + ", inputs)");
            }
            // layer 0 reads the input features; a stacked layer reads the hidden state of the layer below
            int in = l == 0 ? ih.shape()[1] : hidden;
            inputs = l == 0 ? in : inputs;
            expect(file, p + "weight_ih_l" + l, ih, gh, in);
            expect(file, p + "weight_hh_l" + l, require(file, a, p + "weight_hh_l" + l), gh, hidden);
            used.add(p + "weight_ih_l" + l);
            used.add(p + "weight_hh_l" + l);
            if (biases) {
                expect(file, p + "bias_ih_l" + l, require(file, a, p + "bias_ih_l" + l), gh);
                expect(file, p + "bias_hh_l" + l, require(file, a, p + "bias_hh_l" + l), gh);
                used.add(p + "bias_ih_l" + l);
                used.add(p + "bias_hh_l" + l);
            }
        }
        // The head is the 2-D weight left over whose input is the hidden size; its name is free (fc, head, out).
        String head = findHead(file, a, used, hidden);
        NpyArray hw = a.get(head + "weight");
        int classes = hw.shape()[0];
        expect(file, head + "weight", hw, classes, hidden);
        used.add(head + "weight");
        boolean headBias = a.containsKey(head + "bias");
        if (headBias) {
            expect(file, head + "bias", a.get(head + "bias"), classes);
            used.add(head + "bias");
        }
        // Every key must belong to the recognised model: an extra key (an embedding, a second head, batch norm) would
        // mean the network here computes something other than the file's model, so it is refused, not dropped.
        Map<String, NpyArray.Type> types = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : a.entrySet()) {
            String k = e.getKey();
            if (!used.contains(k)) {
                throw refuse(file, k, "is not part of the supported model (one nn.RNN or nn.LSTM '" + p + "' with its "
                        + "head '" + head + "'; the state_dict holds more)");
            }
            checkValues(file, k, e.getValue());
            types.put(k, e.getValue().type());
        }
        Map<String, NpyArray> originals = new LinkedHashMap<>();
        // The sum is what the DL4J network stores as float32; each bias may fit while their sum does not.
        for (int l = 0; biases && l < layers; l++) {
            double[] bih = a.get(p + "bias_ih_l" + l).values();
            double[] bhh = a.get(p + "bias_hh_l" + l).values();
            for (int i = 0; i < bih.length; i++) {
                if (!Float32Range.fits(bih[i] + bhh[i])) {
                    throw BadInputException.inFile(file, "'" + p + "bias_ih_l" + l + "' + '" + p + "bias_hh_l" + l
                            + "' index " + i + " is " + Float32Range.why(bih[i] + bhh[i])
                            + ": the network adds the two biases");
                }
            }
            originals.put(p + "bias_ih_l" + l, a.get(p + "bias_ih_l" + l));
            originals.put(p + "bias_hh_l" + l, a.get(p + "bias_hh_l" + l));
        }
        ModelSpec spec;
        try {
            spec = new ModelSpec(cell, inputs, hidden, layers, classes);
        } catch (BadInputException e) {
            throw BadInputException.inFile(file, e.getMessage());
        }
        return new Recognised(spec, new StateDictLayout(p, head, biases, headBias, types, originals, note));
    }

    /** The prefix of the one 2-D {@code weight} outside the recurrent module whose second dimension is H. */
    private static String findHead(Path file, Map<String, NpyArray> a, Set<String> used, int hidden) {
        String found = null;
        // Second pass only for the message: a 2-D weight with the wrong input size is the likely intended head.
        for (Map.Entry<String, NpyArray> e : a.entrySet()) {
            String k = e.getKey();
            int[] s = e.getValue().shape();
            if (used.contains(k) || !k.endsWith("weight") || s.length != 2 || s[1] != hidden || s[0] < 1) {
                continue;
            }
            if (found != null) {
                throw refuse(file, k, "is a second linear layer after '" + found + "weight'; one head is supported");
            }
            found = k.substring(0, k.length() - "weight".length());
        }
        for (Map.Entry<String, NpyArray> e : a.entrySet()) {
            if (found == null && !used.contains(e.getKey()) && e.getKey().endsWith("weight")
                    && e.getValue().shape().length == 2) {
                throw refuse(file, e.getKey(), "has shape " + e.getValue().shapeText() + "; a head on the " + hidden
                        + " hidden units needs (classes, " + hidden + ")");
            }
        }
        if (found == null) {
            throw BadInputException.inFile(file, "has no linear head: no 2-D key ending in 'weight' of shape "
                    + "(classes, " + hidden + ") besides the recurrent layer");
        }
        return found;
    }

    private static void checkValues(Path file, String key, NpyArray v) {
        int i = Float32Range.firstMisfit(v.values());
        if (i >= 0) {
            throw BadInputException.inFile(file, "'" + key + "' " + position(v, i) + " is "
                    + Float32Range.why(v.values()[i]) + ": a model with NaN or infinite weights cannot be analysed; "
                    + "export it again from a sound checkpoint");
        }
    }

    /**
     * The network's weights as a state_dict under {@code layout}'s keys, order and element types: weights in
     * PyTorch's layout, the recurrent biases as they were read when their sum is unchanged (else {@code bias_hh} as
     * read and {@code bias_ih} the rest of the network's bias), no bias where the file had none.
     *
     * @return an ordered, modifiable map
     */
    public static Map<String, NpyArray> stateDict(RecurrentClassifier model, StateDictLayout layout) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(layout, "layout");
        ModelSpec spec = model.spec();
        MultiLayerNetwork net = model.network();
        Map<String, NpyArray> values = new LinkedHashMap<>();
        for (int l = 0; l < spec.layers(); l++) {
            for (WeightKind kind : WeightKind.values()) {
                String key = layout.weightKey(l, kind);
                double[][] w = Dl4jParams.view(net, Dl4jParams.key(l, kind)).toDoubleMatrix();
                values.put(key, NpyArray.of(TorchLayouts.toPyTorch(w, spec), layout.type(key)));
            }
            if (layout.recurrentBias()) {
                double[] b = TorchLayouts.biasToPyTorch(Dl4jParams.vector(net, Dl4jParams.key(l, Dl4jParams.BIAS)),
                        spec);
                double[][] split = splitBias(b, layout.biases().get(layout.biasKey(l, true)),
                        layout.biases().get(layout.biasKey(l, false)));
                values.put(layout.biasKey(l, true), NpyArray.of(split[0], layout.type(layout.biasKey(l, true))));
                values.put(layout.biasKey(l, false), NpyArray.of(split[1], layout.type(layout.biasKey(l, false))));
            }
        }
        int o = spec.layers();
        values.put(layout.headWeightKey(), NpyArray.of(transpose(Dl4jParams.view(net,
                Dl4jParams.key(o, Dl4jParams.WEIGHTS)).toDoubleMatrix()), layout.type(layout.headWeightKey())));
        if (layout.headBias()) {
            values.put(layout.headBiasKey(), NpyArray.of(Dl4jParams.vector(net, Dl4jParams.key(o, Dl4jParams.BIAS)),
                    layout.type(layout.headBiasKey())));
        }
        // The file's own key order first, so that an exported file lines up with the imported one key by key.
        Map<String, NpyArray> ordered = new LinkedHashMap<>();
        for (String k : layout.keys()) {
            if (values.containsKey(k)) {
                ordered.put(k, values.remove(k));
            }
        }
        ordered.putAll(values);
        return ordered;
    }

    /**
     * PyTorch's two biases from the network's one: the originals when they still add up to it (in float32, as the
     * network holds it), else the original {@code bias_hh} and the difference as {@code bias_ih} (after fine-tuning
     * moved the sum); with no originals (a model trained here), the sum and zeros, as this program always wrote.
     */
    static double[][] splitBias(double[] sum, NpyArray ih, NpyArray hh) {
        if (ih == null || hh == null || ih.values().length != sum.length || hh.values().length != sum.length) {
            return new double[][] {sum, new double[sum.length]};
        }
        boolean same = true;
        for (int i = 0; i < sum.length && same; i++) {
            // compared in float32 because the network rounded the sum to float32 when it was read
            same = (float) (ih.values()[i] + hh.values()[i]) == (float) sum[i];
        }
        if (same) {
            return new double[][] {ih.values(), hh.values()};
        }
        double[] rest = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            // keeping bias_hh and moving the change into bias_ih keeps b_ih + b_hh equal to the network's bias
            rest[i] = sum[i] - hh.values()[i];
        }
        return new double[][] {rest, hh.values()};
    }

    private static BadInputException refuse(Path file, String key, String problem) {
        return BadInputException.inFile(file, "key '" + BadInputException.printable(key, 80) + "' " + problem);
    }

    /** "row R, column C" of a 2-D array, "index I" otherwise (flat C-order index). */
    private static String position(NpyArray v, int i) {
        int[] shape = v.shape();
        return shape.length == 2 ? "row " + i / shape[1] + ", column " + i % shape[1] : "index " + i;
    }

    private static NpyArray require(Path file, Map<String, NpyArray> a, String key) {
        NpyArray v = a.get(key);
        if (v == null) {
            throw BadInputException.inFile(file, "missing key '" + BadInputException.printable(key, 80) + "'");
        }
        return v;
    }

    private static void expect(Path file, String key, NpyArray v, int... shape) {
        if (!Arrays.equals(v.shape(), shape)) {
            throw refuse(file, key, "has shape " + v.shapeText() + ", expected "
                    + NpyArray.shapeText(shape) + " to match the other arrays");
        }
    }

    static double[][] transpose(double[][] m) {
        return TorchLayouts.transpose(m);
    }
}
