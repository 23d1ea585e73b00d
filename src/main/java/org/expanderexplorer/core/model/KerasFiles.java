package org.expanderexplorer.core.model;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.HeapBudget;

/**
 * Reads the whole-model {@code .h5} file of Keras 2's {@code model.save("m.h5")} for a Sequential of one or two
 * {@code SimpleRNN} or {@code LSTM} layers and a {@code Dense} head ({@link KerasConfig}), and gives its weights as
 * a PyTorch state_dict ({@link StateDictModel}), keyed by the Keras layer names ({@code lstm.weight_ih_l0},
 * {@code dense.weight}).
 *
 * <p>The file (Keras's {@code hdf5_format.py}): root attributes {@code keras_version}, {@code backend},
 * {@code model_config} (JSON) and optionally {@code training_config}; a group {@code model_weights} whose attribute
 * {@code layer_names} lists the layers, and per layer a group whose attribute {@code weight_names} lists its weights
 * in order, each a dataset at that relative path (the names vary between Keras versions, {@code lstm/kernel:0} or
 * {@code lstm/lstm_cell/kernel:0}, so they are followed, never guessed). Long lists are split by Keras into
 * {@code layer_names0}, {@code layer_names1}, ...; both forms are read. Optimizer state is not read.
 *
 * <p>Layouts: Keras's {@code kernel} is (inputs, gates*H), {@code recurrent_kernel} (H, gates*H), with the LSTM
 * gate blocks in the order i, f, c, o, which is PyTorch's i, f, g, o; PyTorch's matrices are the transposes. Keras
 * has one bias per layer where PyTorch has two that the cell adds: it becomes {@code bias_ih}, with {@code bias_hh}
 * zero ({@link #BIAS_NOTE}), so the sum is Keras's bias exactly and an export can give it back. {@code Dense}'s
 * kernel (H, classes) is the transpose of {@code nn.Linear}'s weight.
 *
 * <p>Parsed with jhdf, a pure-Java HDF5 reader (decision 0019), from the bytes in memory: no native parser, and no
 * other file is opened. Links (soft or external, which may name any file) are refused, never followed; so are
 * chunked datasets (the only ones that can carry filters, i.e. decompressors: Keras writes weights contiguously)
 * and non-float datasets. Declared shapes must equal what
 * the configuration implies and are checked against the heap ({@link HeapBudget}) before any weight is read.
 */
public final class KerasFiles {

    /** What the reader changes: shown with the model's source. */
    static final String BIAS_NOTE = "Keras's one bias per recurrent layer read as bias_ih, bias_hh zero";

    // HDF5 File Format Specification, section "Superblock": the signature at byte 0 or 512, 1024, 2048, ... (after a
    // user block)
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** Most entries read from a name list ({@code layer_names}, {@code weight_names}). */
    private static final int MAX_NAMES = 1024;

    /** Heap bytes per weight value on its way to a state_dict: the read array, doubles, a transposed copy. */
    private static final long BYTES_PER_VALUE = 40;

    private KerasFiles() {
    }

    /** Whether {@code bytes} carry HDF5's signature where the format allows it. */
    static boolean looksLike(byte[] bytes) {
        for (long at = 0; at + SIGNATURE.length <= bytes.length; at = at == 0 ? 512 : at * 2) {
            if (Arrays.equals(bytes, (int) at, (int) at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a file name ends like a Keras HDF5 file ({@code .h5}, {@code .hdf5}). */
    static boolean hasName(String lowerCaseName) {
        return lowerCaseName.endsWith(".h5") || lowerCaseName.endsWith(".hdf5");
    }

    /**
     * The model of a Keras {@code .h5} file, its note saying how the bias was split (and any type conversion).
     *
     * @param bytes the whole file; not modified
     * @throws BadInputException naming the file (and layer or dataset) for anything that is not a supported model
     */
    static SavedModel load(Path file, byte[] bytes) {
        Map<String, NpyArray> t = stateDict(file, bytes);
        String note = TorchFiles.conversionNote(t);
        boolean biases = t.keySet().stream().anyMatch(k -> k.endsWith("bias_hh_l0"));
        String both = biases ? BIAS_NOTE + (note == null ? "" : "; " + note) : note;
        return StateDictModel.load(file, t, SavedModel.Format.KERAS_H5, both);
    }

    /**
     * The weights of a Keras {@code .h5} model as a PyTorch state_dict.
     *
     * @param bytes the whole file; not modified
     * @throws BadInputException naming the file (and layer or dataset) for anything that is not a supported model
     */
    static Map<String, NpyArray> stateDict(Path file, byte[] bytes) {
        if (!looksLike(bytes)) {
            throw BadInputException.inFile(file, "is not an HDF5 file (no HDF5 signature); a Keras model is the .h5 "
                    + "file model.save(\"m.h5\") writes");
        }
        try (HdfFile h5 = HdfFile.fromBytes(bytes)) {
            return read(file, h5);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // A corrupt structure ends inside jhdf (a buffer read past the end, a bad address, a cycle). LinkageError:
            // jhdf's LZ4 and LZF decompressors are left off the class path (decision 0019) and never reached, as
            // chunked datasets are refused first; should a corrupt file find another way to them, it is still bad
            // input.
            throw BadInputException.inFile(file, "is not a readable HDF5 file (" + ModelArchive.firstLine(e) + ")");
        }
    }

    private static Map<String, NpyArray> read(Path file, HdfFile h5) {
        // the superblock records where the file ends; a shorter file was cut off (h5py refuses it too)
        long end = h5.getUserBlockSize() + h5.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
        if (end > h5.size()) {
            throw BadInputException.inFile(file, "is truncated: its HDF5 superblock says " + end + " bytes, the file "
                    + "has " + h5.size());
        }
        String config = text(file, h5, "model_config");
        if (config == null) {
            throw BadInputException.inFile(file, h5.getAttribute("layer_names") != null
                    ? "holds weights only (model.save_weights): the layers are unknown; save the whole model with "
                    + "model.save(\"m.h5\")"
                    : "has no Keras model_config (a Keras model is the .h5 file model.save(\"m.h5\") writes)");
        }
        String version = text(file, h5, "keras_version");
        if (version != null && version.startsWith("1.")) {
            throw BadInputException.inFile(file, "was written by Keras " + BadInputException.printable(version, 20)
                    + ", whose recurrent weights have another layout; save it again with Keras 2");
        }
        KerasConfig.Model model = KerasConfig.read(file, config);
        Group weights = group(file, h5, "model_weights");
        // Keras matches the layers that have weights to the model's, in order; so does this reader, by name too
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String layer : names(file, weights, "layer_names")) {
            List<String> w = names(file, group(file, weights, layer), "weight_names");
            if (!w.isEmpty()) {
                names.put(layer, w);
            }
        }
        if (!new ArrayList<>(names.keySet()).equals(model.weighted())) {
            throw BadInputException.inFile(file, "holds weights of the layers " + printable(names.keySet().toString())
                    + " but its model_config has " + printable(model.weighted().toString()));
        }
        List<Weight> found = new ArrayList<>();
        int inputs = model.inputs();
        for (KerasConfig.Recurrent r : model.recurrent()) {
            int gh = r.cell().gates() * r.units();
            Group g = group(file, weights, r.name());
            List<String> w = names.get(r.name());
            expectCount(file, r.name(), w, r.bias() ? 3 : 2, "kernel, recurrent_kernel" + (r.bias() ? ", bias" : ""));
            Dataset kernel = dataset(file, g, w.get(0), "kernel");
            // the first layer's input width comes from its kernel unless the config declared it
            int in = found.isEmpty() ? (inputs > 0 ? inputs : firstDimension(kernel)) : r.units();
            found.add(new Weight(r.name(), w.get(0), kernel, new int[] {in, gh}));
            found.add(new Weight(r.name(), w.get(1), dataset(file, g, w.get(1), "recurrent_kernel"),
                    new int[] {r.units(), gh}));
            if (r.bias()) {
                found.add(new Weight(r.name(), w.get(2), dataset(file, g, w.get(2), "bias"), new int[] {gh}));
            }
        }
        KerasConfig.Head head = model.head();
        Group g = group(file, weights, head.name());
        List<String> w = names.get(head.name());
        expectCount(file, head.name(), w, head.bias() ? 2 : 1, "kernel" + (head.bias() ? ", bias" : ""));
        int hidden = model.recurrent().get(0).units();
        found.add(new Weight(head.name(), w.get(0), dataset(file, g, w.get(0), "kernel"),
                new int[] {hidden, head.units()}));
        if (head.bias()) {
            found.add(new Weight(head.name(), w.get(1), dataset(file, g, w.get(1), "bias"), new int[] {head.units()}));
        }
        long total = 0;
        for (Weight x : found) {
            // each count is below 2^31, so a handful of them cannot overflow the sum
            total += x.check(file);
        }
        HeapBudget.require(file, HeapBudget.times(total, BYTES_PER_VALUE), "Keras weights of " + total + " values");
        return toStateDict(file, model, found);
    }

    /** The Keras arrays under PyTorch's keys and layouts, in PyTorch's key order. */
    private static Map<String, NpyArray> toStateDict(Path file, KerasConfig.Model model, List<Weight> found) {
        String p = StateDictLayout.prefixOf(model.recurrent().get(0).name(), "rnn.");
        String h = StateDictLayout.prefixOf(model.head().name(), "fc.");
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        int next = 0;
        for (int l = 0; l < model.recurrent().size(); l++) {
            sd.put(p + "weight_ih_l" + l, transposed(found.get(next++).read(file)));
            sd.put(p + "weight_hh_l" + l, transposed(found.get(next++).read(file)));
            if (model.recurrent().get(l).bias()) {
                NpyArray b = found.get(next++).read(file);
                sd.put(p + "bias_ih_l" + l, b);
                sd.put(p + "bias_hh_l" + l, new NpyArray(b.shape(), new double[b.shape()[0]], b.type()));
            }
        }
        sd.put(h + "weight", transposed(found.get(next++).read(file)));
        if (model.head().bias()) {
            sd.put(h + "bias", found.get(next).read(file));
        }
        return sd;
    }

    /** One weight dataset and the shape the configuration gives it. */
    private record Weight(String layer, String name, Dataset data, int[] expected) {

        /** Checks shape, type and storage without reading the values; returns the element count. */
        long check(Path file) {
            int[] dims = data.getDimensions();
            if (!Arrays.equals(dims, expected)) {
                throw problem(file, "has shape " + NpyArray.shapeText(dims) + "; layer '" + printable(layer)
                        + "' as configured needs " + NpyArray.shapeText(expected));
            }
            if (!(data.getDataType() instanceof FloatingPoint) || (data.getDataType().getSize() != 4
                    && data.getDataType().getSize() != 8)) {
                throw problem(file, "is not of float32 or float64 values");
            }
            // Filters (decompressors run on file bytes) exist only on chunked datasets. Keras writes its weights
            // contiguously, so a chunked one is refused before its filter pipeline is ever built or run.
            if (data.getDataLayout() != DataLayout.CONTIGUOUS && data.getDataLayout() != DataLayout.COMPACT) {
                throw problem(file, "is stored in chunks (compressed or resizable); Keras writes weights "
                        + "contiguously");
            }
            long n = NpyArray.size(expected);
            if (n < 0) {
                throw problem(file, "of shape " + NpyArray.shapeText(expected) + " has more values than an array "
                        + "holds");
            }
            return n;
        }

        NpyArray read(Path file) {
            Object flat = data.getDataFlat();
            double[] v;
            NpyArray.Type type;
            if (flat instanceof float[] f) {
                v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = f[i];
                }
                type = NpyArray.Type.FLOAT32;
            } else if (flat instanceof double[] d) {
                v = d;
                type = NpyArray.Type.FLOAT64;
            } else {
                throw problem(file, "did not read as float values");
            }
            if (v.length != NpyArray.size(expected)) {
                throw problem(file, "holds " + v.length + " values for the shape " + NpyArray.shapeText(expected));
            }
            return new NpyArray(expected, v, type);
        }

        private BadInputException problem(Path file, String what) {
            return BadInputException.inFile(file, "dataset '" + printable(name) + "' " + what);
        }
    }

    private static NpyArray transposed(NpyArray a) {
        return NpyArray.of(StateDictModel.transpose(a.toMatrix()), a.type());
    }

    private static int firstDimension(Dataset d) {
        int[] dims = d.getDimensions();
        return dims.length == 2 ? dims[0] : -1;
    }

    private static void expectCount(Path file, String layer, List<String> names, int count, String which) {
        if (names.size() != count) {
            throw BadInputException.inFile(file, "layer '" + printable(layer) + "' has " + names.size()
                    + " weights in weight_names; as configured it has " + count + " (" + which + ")");
        }
    }

    /**
     * The dataset at {@code path} below {@code g}, walked one name at a time so that no link is ever resolved, whose
     * last name before the {@code :0} is {@code role} (Keras's order: kernel, recurrent_kernel, bias).
     */
    private static Dataset dataset(Path file, Group g, String path, String role) {
        String[] parts = path.split("/", -1);
        String last = parts[parts.length - 1];
        String base = last.contains(":") ? last.substring(0, last.indexOf(':')) : last;
        if (!base.equals(role)) {
            throw BadInputException.inFile(file, "weight '" + printable(path) + "' of layer '"
                    + printable(g.getName()) + "' is not its " + role + " (Keras's order: kernel, recurrent_kernel, "
                    + "bias)");
        }
        Node n = g;
        for (String part : parts) {
            if (part.isEmpty() || n instanceof Dataset) {
                throw BadInputException.inFile(file, "weight '" + printable(path) + "' is not a path of a dataset");
            }
            n = child(file, (Group) n, part, path);
        }
        if (!(n instanceof Dataset d)) {
            throw BadInputException.inFile(file, "weight '" + printable(path) + "' is not a dataset");
        }
        return d;
    }

    private static Group group(Path file, Group parent, String name) {
        Node n = child(file, parent, name, name);
        if (!(n instanceof Group g)) {
            throw BadInputException.inFile(file, "'" + printable(name) + "' is not an HDF5 group");
        }
        return g;
    }

    private static Node child(Path file, Group parent, String name, String path) {
        Node n = parent.getChild(name);
        if (n == null) {
            throw BadInputException.inFile(file, "has no '" + printable(path) + "' (missing in "
                    + printable(parent.getPath()) + ")");
        }
        // a soft or external link may point anywhere, an external one at any file: never followed
        if (n.isLink()) {
            throw BadInputException.inFile(file, "'" + printable(path) + "' is a link, which is not followed");
        }
        return n;
    }

    /** A string attribute (fixed or variable length, as h5py writes str or bytes), or null when absent. */
    private static String text(Path file, Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return null;
        }
        Object v = a.getSize() == 1 ? a.getData() : null;
        if (v instanceof String[] s && s.length == 1) {
            v = s[0];
        }
        if (!(v instanceof String s)) {
            throw BadInputException.inFile(file, "attribute '" + name + "' is not a string");
        }
        return s;
    }

    /** A Keras name list: the attribute {@code name}, or its parts {@code name0}, {@code name1}, ... */
    private static List<String> names(Path file, Node node, String name) {
        Attribute whole = node.getAttribute(name);
        List<Attribute> parts = new ArrayList<>();
        if (whole != null) {
            parts.add(whole);
        }
        for (int i = 0; whole == null && i < MAX_NAMES && node.getAttribute(name + i) != null; i++) {
            parts.add(node.getAttribute(name + i));
        }
        List<String> out = new ArrayList<>();
        for (Attribute a : parts) {
            // an empty list is NumPy's empty float64 array (what Keras writes for a layer without weights)
            if (a.isEmpty() || a.getSize() == 0) {
                continue;
            }
            if (a.getSize() + out.size() > MAX_NAMES || a.getJavaType() != String.class) {
                throw BadInputException.inFile(file, "attribute '" + name + "' of " + printable(node.getPath())
                        + " is not a list of at most " + MAX_NAMES + " names");
            }
            Object v = a.getData();
            out.addAll(v instanceof String[] s ? Arrays.asList(s) : List.of(String.valueOf(v)));
        }
        return out;
    }

    private static String printable(String s) {
        return BadInputException.printable(s, 80);
    }
}
