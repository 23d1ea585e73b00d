package org.expanderexplorer.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.io.HeapBudget;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * Reads ONNX models whose graph is one or two {@code RNN} or {@code LSTM} nodes followed by a linear head
 * ({@code Gemm}, or {@code MatMul} and {@code Add}) on the last step, as {@code torch.onnx.export} writes a module
 * like {@code self.head(self.lstm(x)[0][:, -1])}: the weights become a PyTorch state_dict
 * ({@link StateDictModel}), the recurrent keys named after the node's scope ({@code /encoder/LSTM} gives
 * {@code encoder.weight_ih_l0}) and the head's after its weight initialiser ({@code head.weight}).
 *
 * <p>ONNX lays the weights out as {@code W} (1, gates*H, I), {@code R} (1, gates*H, H) and {@code B} (1, 2 gates*H)
 * = [Wb, Rb], with the LSTM gates in the order i, o, f, c (ONNX operator documentation of {@code LSTM}); PyTorch's
 * order is i, f, g, o with c = g, so the blocks are permuted and Wb, Rb become {@code bias_ih}, {@code bias_hh}.
 *
 * <p>What is checked: every node's operation is on a short list (the recurrent nodes, the head, and the shape
 * plumbing an export adds: Shape, Gather, Slice, Squeeze, Unsqueeze, Transpose, Concat, Constant, ConstantOfShape,
 * Reshape, Identity, Cast, Expand, Softmax, LogSoftmax); the recurrent nodes run forward only, with the default
 * activations (tanh; sigmoid, tanh, tanh), no clip, no peepholes, no sequence lengths, and zero initial states;
 * weights are initialisers of type float, double, float16 or bfloat16 stored in the file. Anything else is refused
 * with one line naming the node or initialiser.
 *
 * <p>Parsing uses the ONNX protobuf classes that ND4J ships ({@code onnx.Onnx}, generated from {@code onnx.proto}
 * with ND4J's shaded protobuf), so no code generation is needed here (decision 0027).
 */
public final class OnnxModels {

    // Operations that only move shapes and indices around (what torch.onnx.export emits for x[:, -1], h0 = zeros,
    // batch-first transposes); they carry no weights, so accepting them loses nothing. Softmax may end the graph and
    // is dropped: it changes no argmax and no weight graph.
    private static final Set<String> PLUMBING = Set.of("Shape", "Gather", "Slice", "Squeeze", "Unsqueeze",
            "Transpose", "Concat", "Constant", "ConstantOfShape", "Reshape", "Identity", "Cast", "Expand", "Softmax",
            "LogSoftmax");

    /** ONNX's LSTM gate blocks: i, o, f, c (c is the cell candidate, g in PyTorch's names). */
    static final GateOrder ONNX_LSTM = new GateOrder(List.of(Gate.INPUT, Gate.OUTPUT, Gate.FORGET, Gate.CELL));

    private OnnxModels() {
    }

    /**
     * The weights of an ONNX model as a PyTorch state_dict.
     *
     * @param bytes the whole file; not modified
     * @throws BadInputException naming the file (and node) for anything that is not a supported graph
     */
    static Map<String, NpyArray> stateDict(Path file, byte[] bytes) {
        // the parsed message holds the file's bytes again, and its tensors are copied once more into doubles
        HeapBudget.require(file, HeapBudget.times(bytes.length, 12), "an ONNX model of " + bytes.length + " bytes");
        Onnx.ModelProto model;
        try {
            model = Onnx.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw BadInputException.inFile(file, "is not an ONNX model (" + ModelArchive.firstLine(e) + ")");
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw BadInputException.inFile(file, "is not an ONNX model (no graph with nodes)");
        }
        Onnx.GraphProto g = model.getGraph();
        // Initialisers are the graph's stored constants (the weights); they are looked up by the input names of nodes.
        Map<String, Onnx.TensorProto> init = new HashMap<>();
        for (Onnx.TensorProto t : g.getInitializerList()) {
            init.put(t.getName(), t);
        }
        // Which node writes each value name: needed to follow an initial state back to a ConstantOfShape of zeros.
        Map<String, Onnx.NodeProto> producer = new HashMap<>();
        List<Onnx.NodeProto> recurrent = new ArrayList<>();
        List<Onnx.NodeProto> heads = new ArrayList<>();
        for (Onnx.NodeProto n : g.getNodeList()) {
            String op = n.getOpType();
            // An empty domain and "ai.onnx" both mean the standard operator set; custom domains have unknown semantics.
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw node(file, n, "is an operation of the domain '" + printable(n.getDomain()) + "'");
            }
            for (String o : n.getOutputList()) {
                producer.put(o, n);
            }
            if (op.equals("LSTM") || op.equals("RNN")) {
                recurrent.add(n);
            } else if (op.equals("Gemm") || op.equals("MatMul")) {
                heads.add(n);
            } else if (op.equals("GRU")) {
                throw node(file, n, "is a GRU, which is not supported (RNN and LSTM are)");
            } else if (!op.equals("Add") && !PLUMBING.contains(op)) {
                throw node(file, n, "is a '" + printable(op) + "' operation; supported: an RNN or LSTM node and a "
                        + "linear head on its last step, as torch.onnx.export writes them");
            }
        }
        if (recurrent.isEmpty()) {
            throw BadInputException.inFile(file, "has no RNN or LSTM node");
        }
        // The model spec (and the weight graph built from it) covers one or two stacked recurrent layers.
        if (recurrent.size() > 2) {
            throw node(file, recurrent.get(2), "is a third recurrent node; at most 2 layers are supported");
        }
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        // Both layers share one module in PyTorch (nn.LSTM(num_layers=2)), so the first node's scope names both.
        String prefix = scope(recurrent.get(0).getName(), "rnn.");
        for (int l = 0; l < recurrent.size(); l++) {
            layer(file, recurrent.get(l), l, prefix, init, producer, sd);
        }
        head(file, g, heads, init, sd);
        return sd;
    }

    private static void layer(Path file, Onnx.NodeProto n, int l, String prefix, Map<String, Onnx.TensorProto> init,
            Map<String, Onnx.NodeProto> producer, Map<String, NpyArray> sd) {
        boolean lstm = n.getOpType().equals("LSTM");
        int gates = lstm ? 4 : 1;
        for (Onnx.AttributeProto a : n.getAttributeList()) {
            // Every attribute of the ONNX RNN/LSTM operator is listed, so a later opset's new attribute is refused
            // rather than silently ignored; clip is among the refused ones (PyTorch never clips).
            switch (a.getName()) {
                // hidden_size is implied by R's shape, which is checked below
                case "hidden_size" -> { }
                case "direction" -> {
                    if (!a.getS().toStringUtf8().equals("forward")) {
                        throw node(file, n, "runs '" + printable(a.getS().toStringUtf8()) + "' (bidirectional or "
                                + "reverse layers are not supported)");
                    }
                }
                case "activations" -> {
                    List<String> names = new ArrayList<>();
                    a.getStringsList().forEach(s -> names.add(s.toStringUtf8()));
                    List<String> standard = lstm ? List.of("Sigmoid", "Tanh", "Tanh") : List.of("Tanh");
                    if (!names.equals(standard)) {
                        throw node(file, n, "uses the activations " + printable(names.toString()) + "; supported: "
                                + standard);
                    }
                }
                // input_forget = 1 couples the input and forget gates; layout = 1 means batch-first Y. Neither has a
                // PyTorch counterpart here, so only the default 0 is read.
                case "input_forget", "layout" -> {
                    if (a.getI() != 0) {
                        throw node(file, n, "sets " + a.getName() + " = " + a.getI() + ", which is not supported");
                    }
                }
                default -> throw node(file, n, "sets the attribute '" + printable(a.getName()) + "', which is not "
                        + "supported");
            }
        }
        // Inputs by position (ONNX operator spec): X, W, R, B, sequence_lens, initial_h, initial_c, P (peepholes).
        // An empty name marks an optional input as absent.
        List<String> in = n.getInputList();
        if (in.size() < 3) {
            throw node(file, n, "has no W and R inputs");
        }
        if (in.size() > 4 && !in.get(4).isEmpty()) {
            throw node(file, n, "takes sequence lengths, which are not supported");
        }
        if (in.size() > 7 && !in.get(7).isEmpty()) {
            throw node(file, n, "has peephole weights, which are not supported");
        }
        // initial_h and initial_c: PyTorch exports write zeros here when the forward call gets no state
        for (int k = 5; k < Math.min(in.size(), 7); k++) {
            if (!in.get(k).isEmpty() && !isZero(init, producer, in.get(k), 0)) {
                throw node(file, n, "starts from an initial state that is not zero, which is not supported");
            }
        }
        NpyArray w = tensor(file, init, in.get(1), n);
        NpyArray r = tensor(file, init, in.get(2), n);
        int[] ws = w.shape();
        int[] rs = r.shape();
        // The leading 1 is num_directions (forward only); rows are gates*H stacked gate blocks.
        if (rs.length != 3 || rs[0] != 1 || rs[1] != gates * rs[2] || ws.length != 3 || ws[0] != 1
                || ws[1] != rs[1]) {
            throw node(file, n, "has W " + w.shapeText() + " and R " + r.shapeText() + "; expected (1, " + gates
                    + "H, inputs) and (1, " + gates + "H, H)");
        }
        int h = rs[2];
        sd.put(prefix + "weight_ih_l" + l, reorder(w, gates, h, ws[2], lstm));
        sd.put(prefix + "weight_hh_l" + l, reorder(r, gates, h, h, lstm));
        if (in.size() > 3 && !in.get(3).isEmpty()) {
            NpyArray b = tensor(file, init, in.get(3), n);
            if (b.shape().length != 2 || b.shape()[0] != 1 || b.shape()[1] != 2 * gates * h) {
                throw node(file, n, "has B " + b.shapeText() + "; expected (1, " + 2 * gates * h + ")");
            }
            double[] v = b.values();
            // B concatenates Wb and Rb; the cell sums both, which is why PyTorch keeps them as two separate biases too
            double[] wb = java.util.Arrays.copyOfRange(v, 0, gates * h);
            double[] rb = java.util.Arrays.copyOfRange(v, gates * h, 2 * gates * h);
            // each bias is reordered as a (gates*H) x 1 matrix, the same block permutation as the weights
            sd.put(prefix + "bias_ih_l" + l, reorder(new NpyArray(new int[] {1, gates * h, 1}, wb, b.type()), gates,
                    h, 1, lstm).reshaped(gates * h));
            sd.put(prefix + "bias_hh_l" + l, reorder(new NpyArray(new int[] {1, gates * h, 1}, rb, b.type()), gates,
                    h, 1, lstm).reshaped(gates * h));
        }
    }

    /** (1, gates*H, n) in ONNX's gate order to (gates*H, n) in PyTorch's. */
    private static NpyArray reorder(NpyArray a, int gates, int h, int n, boolean lstm) {
        double[] v = a.values();
        double[] out = new double[v.length];
        for (int b = 0; b < gates; b++) {
            // block b of the output is PyTorch's b-th gate; find where ONNX keeps that gate
            int src = lstm ? ONNX_LSTM.blockOf(GateOrder.PYTORCH.blocks().get(b)) : 0;
            System.arraycopy(v, src * h * n, out, b * h * n, h * n);
        }
        return new NpyArray(new int[] {gates * h, n}, out, a.type());
    }

    private static void head(Path file, Onnx.GraphProto g, List<Onnx.NodeProto> heads,
            Map<String, Onnx.TensorProto> init, Map<String, NpyArray> sd) {
        // A second MatMul would mean a deeper head (or attention), whose weights have no place in the state_dict.
        if (heads.size() != 1) {
            throw BadInputException.inFile(file, heads.isEmpty() ? "has no linear head (a Gemm or MatMul node after "
                    + "the recurrent layer)" : "has " + heads.size() + " linear nodes; one head is supported");
        }
        Onnx.NodeProto n = heads.get(0);
        List<String> in = n.getInputList();
        if (in.size() < 2 || !init.containsKey(in.get(1))) {
            throw node(file, n, "does not multiply by a weight stored in the file");
        }
        NpyArray w = tensor(file, init, in.get(1), n);
        boolean transposed = false;
        String bias = null;
        // Gemm computes alpha * A * B' + beta * C (B' = B transposed when transB = 1); nn.Linear exports transB = 1
        // with its (out, in) weight, so only alpha = beta = 1 keeps the weight equal to PyTorch's.
        if (n.getOpType().equals("Gemm")) {
            for (Onnx.AttributeProto a : n.getAttributeList()) {
                switch (a.getName()) {
                    case "transB" -> transposed = a.getI() == 1;
                    case "alpha", "beta" -> {
                        if (a.getF() != 1f) {
                            throw node(file, n, "scales by " + a.getName() + " = " + a.getF() + ", not supported");
                        }
                    }
                    default -> throw node(file, n, "sets the attribute '" + printable(a.getName()) + "'");
                }
            }
            bias = in.size() > 2 && !in.get(2).isEmpty() ? in.get(2) : null;
        } else {
            // MatMul + Add: the bias is the Add's stored operand
            for (Onnx.NodeProto add : g.getNodeList()) {
                if (add.getOpType().equals("Add") && add.getInputList().contains(n.getOutput(0))) {
                    for (String i : add.getInputList()) {
                        bias = init.containsKey(i) ? i : bias;
                    }
                }
            }
        }
        if (w.shape().length != 2) {
            throw node(file, n, "has a weight of shape " + w.shapeText() + "; a linear head's is 2-D");
        }
        // MatMul's B (and Gemm's without transB) is (in, out); nn.Linear stores (out, in)
        NpyArray weight = transposed ? w : new NpyArray(new int[] {w.shape()[1], w.shape()[0]},
                flatten(StateDictModel.transpose(w.toMatrix())), w.type());
        // "head.weight" gives the prefix "head."; an anonymous initialiser gets the usual PyTorch name "fc."
        String name = in.get(1).endsWith("weight") ? in.get(1).substring(0, in.get(1).length() - 6) : "fc.";
        sd.put(name + "weight", weight);
        if (bias != null) {
            NpyArray b = tensor(file, init, bias, n);
            sd.put(name + "bias", b.reshaped(b.values().length));
        }
    }

    /** Whether an initial state is zero: a zero initialiser, or ConstantOfShape of 0 reached through reshapes. */
    private static boolean isZero(Map<String, Onnx.TensorProto> init, Map<String, Onnx.NodeProto> producer,
            String name, int depth) {
        if (init.containsKey(name)) {
            return java.util.Arrays.stream(values(init.get(name))).allMatch(v -> v == 0);
        }
        Onnx.NodeProto p = producer.get(name);
        // the depth bound stops a cyclic or adversarially long chain (real exports need two or three steps)
        if (p == null || depth > 8) {
            return false;
        }
        if (p.getOpType().equals("ConstantOfShape")) {
            for (Onnx.AttributeProto a : p.getAttributeList()) {
                if (a.getName().equals("value") && java.util.Arrays.stream(values(a.getT())).anyMatch(v -> v != 0)) {
                    return false;
                }
            }
            return true;
        }
        // these keep every value (only shape or type changes), so zero in means zero out
        return Set.of("Slice", "Unsqueeze", "Squeeze", "Reshape", "Identity", "Expand", "Cast").contains(p.getOpType())
                && p.getInputCount() > 0 && isZero(init, producer, p.getInput(0), depth + 1);
    }

    private static NpyArray tensor(Path file, Map<String, Onnx.TensorProto> init, String name, Onnx.NodeProto n) {
        Onnx.TensorProto t = init.get(name);
        if (t == null) {
            throw node(file, n, "takes '" + printable(name) + "', which is not a weight stored in the file");
        }
        // External data names a file next to the model: reading it would let a model point at any file on disk.
        if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw BadInputException.inFile(file, "initialiser '" + printable(name) + "' is stored in another file "
                    + "(external data), which is not read");
        }
        int[] shape = new int[t.getDimsCount()];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            // dims are int64 in the proto; the product is checked against the heap budget as it grows
            if (t.getDims(d) < 0 || t.getDims(d) > Integer.MAX_VALUE) {
                throw BadInputException.inFile(file, "initialiser '" + printable(name) + "' has a negative or huge "
                        + "dimension");
            }
            shape[d] = (int) t.getDims(d);
            count = HeapBudget.times(count, shape[d]);
        }
        NpyArray.Type type = switch (t.getDataType()) {
            case Onnx.TensorProto.DataType.FLOAT_VALUE -> NpyArray.Type.FLOAT32;
            case Onnx.TensorProto.DataType.DOUBLE_VALUE -> NpyArray.Type.FLOAT64;
            case Onnx.TensorProto.DataType.FLOAT16_VALUE -> NpyArray.Type.FLOAT16;
            case Onnx.TensorProto.DataType.BFLOAT16_VALUE -> NpyArray.Type.BFLOAT16;
            default -> throw BadInputException.inFile(file, "initialiser '" + printable(name) + "' has the data type "
                    + t.getDataType() + "; float, double, float16 and bfloat16 weights are supported");
        };
        double[] v = values(t);
        // the stored element count must match the declared shape, or reshaping would read past the data
        if (v == null || count < 0 || v.length != count) {
            throw BadInputException.inFile(file, "initialiser '" + printable(name) + "' of shape "
                    + NpyArray.shapeText(shape) + " holds " + (v == null ? "data of the wrong length" : v.length
                    + " values"));
        }
        return new NpyArray(shape, v, type);
    }

    /** The values of a float tensor (raw little-endian bytes or the typed fields), or null if malformed. */
    private static double[] values(Onnx.TensorProto t) {
        NpyArray.Type type = switch (t.getDataType()) {
            case Onnx.TensorProto.DataType.FLOAT_VALUE -> NpyArray.Type.FLOAT32;
            case Onnx.TensorProto.DataType.DOUBLE_VALUE -> NpyArray.Type.FLOAT64;
            case Onnx.TensorProto.DataType.FLOAT16_VALUE -> NpyArray.Type.FLOAT16;
            case Onnx.TensorProto.DataType.BFLOAT16_VALUE -> NpyArray.Type.BFLOAT16;
            default -> null;
        };
        if (type == null) {
            // integer constants (shapes, axes): only whether they are zero matters to the callers
            double[] v = new double[t.getInt64DataCount() + t.getInt32DataCount()];
            for (int i = 0; i < t.getInt64DataCount(); i++) {
                v[i] = t.getInt64Data(i);
            }
            byte[] raw = t.getRawData().toByteArray();
            for (byte b : raw) {
                if (b != 0) {
                    return new double[] {1};
                }
            }
            return v;
        }
        // raw_data is the packed form torch.onnx.export uses: little-endian whatever the machine (onnx.proto)
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() % type.bytes() != 0) {
                return null;
            }
            double[] v = new double[b.remaining() / type.bytes()];
            for (int i = 0; i < v.length; i++) {
                v[i] = HalfFloats.get(b, type);
            }
            return v;
        }
        return switch (type) {
            case FLOAT32 -> t.getFloatDataList().stream().mapToDouble(Float::doubleValue).toArray();
            case FLOAT64 -> t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray();
            // 16-bit values sit in the low bits of int32_data
            case FLOAT16 -> t.getInt32DataList().stream().mapToDouble(i -> HalfFloats.halfToFloat((short) (int) i))
                    .toArray();
            case BFLOAT16 -> t.getInt32DataList().stream()
                    .mapToDouble(i -> HalfFloats.bfloat16ToFloat((short) (int) i)).toArray();
        };
    }

    /**
     * Writes a classifier as an ONNX model (opset 13, atomically) that {@link #stateDict} reads back: input {@code x}
     * of shape (batch, steps, inputs), a Transpose to (steps, batch, inputs), one {@code RNN} or {@code LSTM} node per
     * layer (forward, default activations, zero initial state) joined by Squeeze, a Squeeze of the last layer's final
     * hidden state, and a {@code Gemm} head giving {@code logits} (batch, classes), without the softmax (as PyTorch
     * modules end). Weights are float32; nodes and initialisers are named after {@code layout}'s keys.
     */
    public static void write(Path file, RecurrentClassifier model, StateDictLayout layout) throws java.io.IOException {
        ModelSpec spec = model.spec();
        Map<String, NpyArray> sd = StateDictModel.stateDict(model, layout);
        boolean lstm = spec.cell() == CellType.LSTM;
        int gates = spec.cell().gates();
        int h = spec.hidden();
        String op = lstm ? "LSTM" : "RNN";
        String scope = "/" + layout.recurrentPrefix().replace('.', '/');
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("expander-explorer");
        g.addInput(valueInfo("x", "batch", "steps", spec.inputs()));
        g.addOutput(valueInfo("logits", "batch", null, spec.classes()));
        // From opset 13 Squeeze takes its axes as an input tensor, not an attribute, hence these two constants.
        g.addInitializer(longs("axes_0", 0));
        g.addInitializer(longs("axes_1", 1));
        // The ONNX RNN/LSTM default layout is time-major (steps, batch, inputs); the model's input is batch-major.
        String previous = scope + "Transpose_output_0";
        g.addNode(Onnx.NodeProto.newBuilder().setName(scope + "Transpose").setOpType("Transpose").addInput("x")
                .addOutput(previous).addAttribute(Onnx.AttributeProto.newBuilder().setName("perm")
                        .setType(Onnx.AttributeProto.AttributeType.INTS).addInts(1).addInts(0).addInts(2)));
        String lastHidden = null;
        for (int l = 0; l < spec.layers(); l++) {
            String name = scope + op + (l == 0 ? "" : "_" + l);
            int in = spec.layerInputs(l);
            // Initialisers are named after the layout's prefix so a read back restores the same state_dict keys.
            String w = layout.recurrentPrefix() + "W_l" + l;
            String r = layout.recurrentPrefix() + "R_l" + l;
            g.addInitializer(floats(w, new long[] {1, (long) gates * h, in},
                    toOnnx(sd.get(layout.weightKey(l, WeightKind.INPUT)).values(), gates, h, in, lstm)));
            g.addInitializer(floats(r, new long[] {1, (long) gates * h, h},
                    toOnnx(sd.get(layout.weightKey(l, WeightKind.RECURRENT)).values(), gates, h, h, lstm)));
            Onnx.NodeProto.Builder n = Onnx.NodeProto.newBuilder().setName(name).setOpType(op).addInput(previous)
                    .addInput(w).addInput(r).addOutput(name + "_output_0").addOutput(name + "_output_1")
                    .addAttribute(Onnx.AttributeProto.newBuilder().setName("hidden_size")
                            .setType(Onnx.AttributeProto.AttributeType.INT).setI(h));
            if (layout.recurrentBias()) {
                String b = layout.recurrentPrefix() + "B_l" + l;
                double[] wb = toOnnx(sd.get(layout.biasKey(l, true)).values(), gates, h, 1, lstm);
                double[] rb = toOnnx(sd.get(layout.biasKey(l, false)).values(), gates, h, 1, lstm);
                double[] both = java.util.Arrays.copyOf(wb, 2 * wb.length);
                System.arraycopy(rb, 0, both, wb.length, rb.length);
                g.addInitializer(floats(b, new long[] {1, both.length}, both));
                n.addInput(b);
            }
            g.addNode(n);
            // Y is (steps, 1, batch, H): the next layer takes it without the direction axis
            previous = name + "_squeezed";
            g.addNode(squeeze(name + "_Squeeze", name + "_output_0", "axes_1", previous));
            // Y_h, the final hidden state (1, batch, H): the head reads the last step, as the classifier does
            lastHidden = name + "_output_1";
        }
        String hidden = scope + "last_hidden";
        g.addNode(squeeze(scope + "Squeeze_last", lastHidden, "axes_0", hidden));
        g.addInitializer(floats(layout.headWeightKey(), new long[] {spec.classes(), h},
                sd.get(layout.headWeightKey()).values()));
        Onnx.NodeProto.Builder gemm = Onnx.NodeProto.newBuilder().setName("/" + layout.headPrefix().replace('.', '/')
                + "Gemm").setOpType("Gemm").addInput(hidden).addInput(layout.headWeightKey()).addOutput("logits")
                .addAttribute(Onnx.AttributeProto.newBuilder().setName("transB")
                        .setType(Onnx.AttributeProto.AttributeType.INT).setI(1));
        if (layout.headBias()) {
            g.addInitializer(floats(layout.headBiasKey(), new long[] {spec.classes()},
                    sd.get(layout.headBiasKey()).values()));
            gemm.addInput(layout.headBiasKey());
        }
        g.addNode(gemm);
        // IR version 7 is the IR of ONNX 1.8, the release that introduced opset 13: the lowest pair that fits.
        Onnx.ModelProto m = Onnx.ModelProto.newBuilder().setIrVersion(7).setProducerName("expander-explorer")
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(g).build();
        byte[] bytes = m.toByteArray();
        org.expanderexplorer.core.io.AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** (gates*H, n) in PyTorch's gate order to ONNX's, flat. */
    private static double[] toOnnx(double[] pt, int gates, int h, int n, boolean lstm) {
        double[] out = new double[pt.length];
        for (int b = 0; b < gates; b++) {
            // the inverse permutation of reorder: block b of the output is ONNX's b-th gate
            int src = lstm ? GateOrder.PYTORCH.blockOf(ONNX_LSTM.blocks().get(b)) : 0;
            System.arraycopy(pt, src * h * n, out, b * h * n, h * n);
        }
        return out;
    }

    private static Onnx.NodeProto squeeze(String name, String input, String axes, String output) {
        return Onnx.NodeProto.newBuilder().setName(name).setOpType("Squeeze").addInput(input).addInput(axes)
                .addOutput(output).build();
    }

    private static Onnx.TensorProto floats(String name, long[] dims, double[] values) {
        // raw_data is little-endian by the format's definition; float32 halves the file compared with double
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putFloat((float) v);
        }
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                .setRawData(org.nd4j.shade.protobuf.ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static Onnx.TensorProto longs(String name, long value) {
        return Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.INT64_VALUE)
                .addDims(1).addInt64Data(value).build();
    }

    /** A float tensor's type: (first, second, last) with symbolic names for the first two (second may be absent). */
    private static Onnx.ValueInfoProto valueInfo(String name, String first, String second, int last) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(first));
        if (second != null) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(second));
        }
        shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(last));
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))).build();
    }

    /** {@code /encoder/LSTM} gives {@code encoder.}; a name without a scope gives {@code fallback}. */
    static String scope(String nodeName, String fallback) {
        String n = nodeName.startsWith("/") ? nodeName.substring(1) : nodeName;
        int slash = n.lastIndexOf('/');
        if (slash <= 0) {
            return fallback;
        }
        return StateDictLayout.prefixOf(n.substring(0, slash).replace('/', '.'), fallback);
    }

    private static double[] flatten(double[][] m) {
        return NpyArray.of(m, NpyArray.Type.FLOAT64).values();
    }

    private static BadInputException node(Path file, Onnx.NodeProto n, String problem) {
        String name = n.getName().isEmpty() ? n.getOpType() : n.getName();
        return BadInputException.inFile(file, "node '" + printable(name) + "' " + problem);
    }

    private static String printable(String s) {
        return BadInputException.printable(s, 60);
    }
}
