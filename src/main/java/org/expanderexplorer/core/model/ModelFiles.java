package org.expanderexplorer.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.io.HeapBudget;
import org.expanderexplorer.core.io.InputFiles;

/**
 * Saves and loads classifiers as Deeplearning4j {@code ModelSerializer} zips that carry a JSON metadata entry
 * ({@value #METADATA_ENTRY}, {@link ModelMetadata}) next to DL4J's own {@code configuration.json} and
 * {@code coefficients.bin}, so any Deeplearning4j program can still read them. The optimiser state is not saved
 * (fine-tuning starts Adam afresh), which keeps files at one float per parameter.
 *
 * <p>Loading checks, before handing anything to Deeplearning4j: that the file is a zip (magic bytes), that its
 * entries inflate with valid CRCs, that the configuration describes 1-2 recurrent layers and a softmax readout
 * ({@link RecurrentClassifier}), and that {@code coefficients.bin} has the size the configuration implies; every
 * problem is a {@link BadInputException} naming the file. Files above {@value #MAX_BYTES} bytes are refused.
 * Writes are atomic.
 */
public final class ModelFiles {

    /** Name of the metadata entry. */
    public static final String METADATA_ENTRY = "expander-explorer-metadata.json";

    /** Largest model file accepted (the whole zip is read into memory). */
    public static final long MAX_BYTES = ModelArchive.MAX_BYTES;

    /** Most entries accepted in a model zip or NPZ (a two-layer state_dict with masks has 14). */
    public static final int MAX_ENTRIES = ModelArchive.MAX_ENTRIES;

    /**
     * Heap bytes per parameter while a Deeplearning4j zip loads: the inflated coefficients, the in-memory zip
     * handed to Deeplearning4j, its restored array, the checked float copy, the rebuilt network and the finite
     * check's copy, 4 bytes each, rounded up.
     */
    static final long BYTES_PER_PARAMETER = 32;

    private ModelFiles() {
    }

    /**
     * Writes {@code model} with {@code metadata} to {@code file} (atomically replacing it).
     *
     * @throws IOException if the folder is missing or not writable
     */
    public static void save(RecurrentClassifier model, ModelMetadata metadata, Path file) throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(file, "file");
        String mismatch = metadata.mismatch(model.spec());
        if (mismatch != null) {
            throw new IllegalArgumentException(mismatch);
        }
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), dl4j, false);
        byte[] json = Json.bytes(metadata);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
            zip.write(json);
            zip.closeEntry();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
        });
    }

    /**
     * Reads a model zip written by {@link #save} (or any Deeplearning4j zip of the supported structure; without
     * metadata, the metadata holds the architecture only).
     *
     * @throws BadInputException if the file is missing, not a zip, corrupt, foreign or of another structure
     * @throws IOException       on a read error of the file system
     */
    public static SavedModel load(Path file) throws IOException {
        return fromEntries(file, ModelArchive.read(file));
    }

    private static SavedModel fromEntries(Path file, Map<String, byte[]> entries) {
        if (!entries.containsKey(ModelSerializer.CONFIGURATION_JSON)
                || !entries.containsKey(ModelSerializer.COEFFICIENTS_BIN)) {
            throw BadInputException.inFile(file, "not a Deeplearning4j model zip (it has no "
                    + ModelSerializer.CONFIGURATION_JSON + " and " + ModelSerializer.COEFFICIENTS_BIN + ")");
        }
        MultiLayerConfiguration conf = Dl4jConfigCheck.read(file, entries.get(ModelSerializer.CONFIGURATION_JSON));
        ModelSpec spec;
        try {
            spec = NetworkStructure.specOf(conf);
            HeapBudget.require(file, HeapBudget.times(parameterCount(conf), BYTES_PER_PARAMETER),
                    "a network of " + parameterCount(conf) + " parameters");
            checkCoefficientSize(file, conf, entries.get(ModelSerializer.COEFFICIENTS_BIN).length);
        } catch (BadInputException e) {
            boolean named = e.getMessage().startsWith(BadInputException.printable(file.toString()));
            throw named ? e : BadInputException.inFile(file, e.getMessage());
        } catch (RuntimeException e) {
            // an edited configuration can leave Deeplearning4j with null layers (found by fuzzing)
            throw BadInputException.inFile(file, "configuration.json does not describe a supported network ("
                    + firstLine(e) + ")");
        }
        float[] params = coefficients(file, entries.get(ModelSerializer.COEFFICIENTS_BIN), parameterCount(conf));
        ModelMetadata metadata = readMetadata(file, entries.get(METADATA_ENTRY), spec);
        MultiLayerNetwork net;
        try {
            net = new MultiLayerNetwork(conf);
            net.init(org.nd4j.linalg.factory.Nd4j.createFromArray(params).reshape(1, params.length), false);
        } catch (RuntimeException e) {
            throw BadInputException.inFile(file, "cannot read the Deeplearning4j model (" + firstLine(e) + ")");
        }
        RecurrentClassifier model = RecurrentClassifier.wrap(net);
        for (int k = 0; k < params.length; k++) {
            if (!Float.isFinite(params[k])) {
                throw BadInputException.inFile(file, nonFiniteByName(model) + " (parameter " + k + " of "
                        + params.length + "): a model with NaN or infinite weights cannot be analysed; retrain it or "
                        + "export it again from a checkpoint taken before training diverged");
            }
        }
        return new SavedModel(model, metadata, file, SavedModel.Format.DL4J_ZIP);
    }

    /**
     * Reads a model in any supported format, chosen by content: a zip with {@code configuration.json} is a
     * Deeplearning4j model, a zip of {@code .npy} entries a PyTorch {@code state_dict} as NPZ ({@link PyTorchNpz}),
     * a zip with a {@code data.pkl} a {@code torch.save} file ({@link TorchFiles}); a length-prefixed JSON header a
     * safetensors file ({@link SafetensorsFiles}); an HDF5 file (or one named {@code .h5}, {@code .hdf5}) a Keras
     * model ({@link KerasFiles}); a file named {@code .onnx}, or starting like an ONNX model's protobuf, an ONNX
     * model ({@link OnnxModels}). The state_dict formats accept any key prefix
     * ({@link StateDictModel}).
     */
    public static SavedModel loadAny(Path file) throws IOException {
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, "a model");
        if (ModelArchive.isZip(bytes)) {
            Map<String, byte[]> entries = ModelArchive.entries(file, bytes);
            bytes = null; // the entries hold what is needed; let the file's bytes go before the tensors are built
            if (TorchFiles.isTorchArchive(entries)) {
                Map<String, NpyArray> t = TorchFiles.tensors(file, entries);
                entries = null;
                return StateDictModel.load(file, t, SavedModel.Format.PYTORCH_PT, TorchFiles.conversionNote(t));
            }
            // Keras 3's own format: a zip of config.json and model.weights.h5 (a layout of its own, not read here)
            if (entries.containsKey("model.weights.h5") && entries.containsKey("config.json")) {
                throw BadInputException.inFile(file, "is a Keras 3 .keras archive, which is not read; save the model "
                        + "as model.save(\"m.h5\") (the HDF5 file of Keras 2)");
            }
            if (!entries.containsKey(ModelSerializer.CONFIGURATION_JSON)
                    && entries.keySet().stream().allMatch(n -> n.endsWith(".npy"))) {
                return PyTorchNpz.fromArrays(file, NpzFiles.parse(file, entries));
            }
            return fromEntries(file, entries);
        }
        if (TorchFiles.isLegacy(bytes)) {
            throw TorchFiles.legacy(file);
        }
        if (SafetensorsFiles.looksLike(bytes)) {
            Map<String, NpyArray> t = SafetensorsFiles.tensors(file, bytes);
            return StateDictModel.load(file, t, SavedModel.Format.SAFETENSORS, TorchFiles.conversionNote(t));
        }
        String name = file.getFileName() == null ? ""
                : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // by content, or by name so that a damaged .h5 is told that it is not HDF5 rather than not ONNX
        if (KerasFiles.looksLike(bytes) || KerasFiles.hasName(name)) {
            return KerasFiles.load(file, bytes);
        }
        // an ONNX model is a protobuf ModelProto, whose first field is ir_version (field 1, varint: tag 0x08)
        if (name.endsWith(".onnx") || (bytes.length > 1 && bytes[0] == 0x08)) {
            Map<String, NpyArray> t = OnnxModels.stateDict(file, bytes);
            return StateDictModel.load(file, t, SavedModel.Format.ONNX, TorchFiles.conversionNote(t));
        }
        if (name.endsWith(".safetensors")) {
            SafetensorsFiles.tensors(file, bytes); // names what is wrong with the header
        }
        throw BadInputException.inFile(file, "not a zip archive or another model format (a model must be a "
                + "Deeplearning4j zip, a PyTorch .pt or NPZ state_dict, a safetensors file, an ONNX model or a Keras "
                + ".h5 model)");
    }

    /**
     * The tensors of a state_dict file ({@code .pt}, NPZ or safetensors, by content) as stored: keys in the file's
     * order, shapes, element types and values, without building a network (to check what an export wrote).
     *
     * @throws BadInputException naming the file if it is none of these
     */
    public static Map<String, NpyArray> tensors(Path file) throws IOException {
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, "a state_dict");
        if (ModelArchive.isZip(bytes)) {
            Map<String, byte[]> entries = ModelArchive.entries(file, bytes);
            return TorchFiles.isTorchArchive(entries) ? TorchFiles.tensors(file, entries)
                    : NpzFiles.parse(file, entries);
        }
        return SafetensorsFiles.tensors(file, bytes);
    }

    private static long parameterCount(MultiLayerConfiguration conf) {
        long params = 0;
        for (NeuralNetConfiguration c : conf.getConfs()) {
            params += c.getLayer().initializer().numParams(c);
        }
        return params;
    }

    /**
     * The parameters in coefficients.bin, read here rather than by Deeplearning4j's {@code ModelSerializer}: the two
     * array headers as Nd4j.write lays them out (allocation mode, length, type; first the shape information, then
     * the parameters, each followed by its values, big-endian) are checked, then the values are converted to float
     * (the network's type). Deeplearning4j trusts these headers: it allocates whatever length one declares (found by
     * fuzzing: a length of 2^30 stalls the load), and a wrong shape, stride or offset is accepted on restore and
     * the first native read then runs past the buffer and kills the process. Its restore also parsed the
     * configuration a second time, which took more than a second of a fresh JVM's start (decision 0031).
     */
    static float[] coefficients(Path file, byte[] bin, long expected) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(bin);
        try (java.io.DataInputStream in = new java.io.DataInputStream(bytes)) {
            ArrayHeader shape = ArrayHeader.read(in, file, expected, 64, bin.length);
            checkShapeInformation(file, in, shape.length(), shape.size(), expected);
            long left = bin.length - shape.length() * shape.size();
            ArrayHeader params = ArrayHeader.read(in, file, expected, Math.min(expected, Integer.MAX_VALUE - 8), left);
            if (params.length() != expected) {
                throw params.corrupt(file, expected);
            }
            int at = bin.length - bytes.available();
            if ((long) at + params.length() * params.size() > bin.length) {
                throw new java.io.EOFException("the parameters end after the file");
            }
            return values(ByteBuffer.wrap(bin, at, (int) (params.length() * params.size())).order(ByteOrder.BIG_ENDIAN),
                    params.type(), (int) params.length());
        } catch (IOException e) {
            throw BadInputException.inFile(file, ModelSerializer.COEFFICIENTS_BIN + " is truncated or corrupt ("
                    + firstLine(e) + ")");
        }
    }

    /** One array header of Nd4j.write: its length, data type and the bytes a value of that type takes. */
    private record ArrayHeader(long length, String type, int size) {

        /**
         * Reads a header (allocation mode, length, type) and checks it: a known type, a length of at most
         * {@code maxLength}, and values that fit in the {@code remaining} bytes.
         */
        static ArrayHeader read(java.io.DataInputStream in, Path file, long expected, long maxLength, long remaining)
                throws IOException {
            in.readUTF();
            long length = in.readLong();
            String type = in.readUTF();
            int size = switch (type) {
                case "LONG", "DOUBLE" -> 8;
                case "INT", "FLOAT", "UINT32" -> 4;
                case "HALF", "BFLOAT16", "SHORT", "UINT16" -> 2;
                default -> 0;
            };
            ArrayHeader h = new ArrayHeader(length, type, size);
            if (size == 0 || length < 0 || length > maxLength || length * size > remaining) {
                throw h.corrupt(file, expected);
            }
            return h;
        }

        BadInputException corrupt(Path file, long expected) {
            return BadInputException.inFile(file, ModelSerializer.COEFFICIENTS_BIN + " has a corrupt array header ("
                    + type + " x " + length + "; the configuration has " + expected + " parameters)");
        }
    }

    /** {@code n} values of Nd4j's data type {@code type} from {@code b}, as float (as Deeplearning4j casts them). */
    private static float[] values(ByteBuffer b, String type, int n) {
        float[] v = new float[n];
        if (type.equals("FLOAT")) {
            b.asFloatBuffer().get(v);
            return v;
        }
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case "DOUBLE" -> (float) b.getDouble();
                case "HALF" -> HalfFloats.halfToFloat(b.getShort());
                case "BFLOAT16" -> HalfFloats.bfloat16ToFloat(b.getShort());
                case "LONG" -> b.getLong();
                case "INT" -> b.getInt();
                case "UINT32" -> b.getInt() & 0xFFFF_FFFFL;
                case "SHORT" -> b.getShort();
                case "UINT16" -> b.getShort() & 0xFFFF;
                default -> throw new IllegalArgumentException("no parameter type " + type);
            };
        }
        return v;
    }

    /** Shape information of the parameter vector: rank 1 or 2, 2 rank + 4 entries, shape product and strides sane. */
    private static void checkShapeInformation(Path file, java.io.DataInputStream in, long length, int size,
            long expected) throws IOException {
        long[] info = new long[(int) length];
        for (int i = 0; i < info.length; i++) {
            info[i] = size == 8 ? in.readLong() : size == 4 ? in.readInt() : in.readShort();
        }
        long rank = info.length == 0 ? -1 : info[0];
        boolean ok = (rank == 1 || rank == 2) && info.length == 2 * rank + 4;
        long product = 1;
        for (int i = 1; ok && i <= rank; i++) {
            ok = info[i] >= 1 && info[i] <= expected && info[(int) (i + rank)] >= 0
                    && info[(int) (i + rank)] <= expected;
            product *= ok ? info[i] : 1;
        }
        if (!ok || product != expected) {
            throw BadInputException.inFile(file, ModelSerializer.COEFFICIENTS_BIN + " has a corrupt shape header "
                    + "(the configuration has " + expected + " parameters)");
        }
    }

    private static void checkCoefficientSize(Path file, MultiLayerConfiguration conf, long bytes) {
        long params = parameterCount(conf);
        // Nd4j.write stores a small header (shape, type) and then the values at 2 .. 8 bytes each
        if (bytes < params * 2 || bytes > params * 8 + 65_536) {
            throw BadInputException.inFile(file, ModelSerializer.COEFFICIENTS_BIN + " has " + bytes
                    + " bytes, which does not fit the " + params + " parameters of the configuration");
        }
    }

    private static ModelMetadata readMetadata(Path file, byte[] json, ModelSpec spec) {
        if (json == null) {
            return ModelMetadata.of(spec, "Deeplearning4j zip without metadata");
        }
        ModelMetadata m;
        try {
            m = Json.reader(ModelMetadata.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw BadInputException.inFile(file, METADATA_ENTRY + " is not valid metadata JSON (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw BadInputException.inFile(file, METADATA_ENTRY + " cannot be read (" + firstLine(e) + ")");
        }
        String mismatch = m.mismatch(spec);
        if (mismatch != null) {
            throw BadInputException.inFile(file, mismatch);
        }
        return m;
    }

    /** The first NaN or infinite weight by layer, matrix and position, e.g. "layer 0 W_hh row 3, column 9 is NaN". */
    static String nonFiniteByName(RecurrentClassifier model) {
        RecurrentWeights w = new RecurrentWeights(model);
        for (int layer = 0; layer < model.spec().layers(); layer++) {
            for (WeightKind kind : WeightKind.values()) {
                String at = position(w.matrix(layer, kind));
                if (at != null) {
                    return "layer " + layer + " W_" + kind.id() + " " + at;
                }
            }
            double[] b = w.bias(layer);
            for (int i = 0; i < b.length; i++) {
                if (!Double.isFinite(b[i])) {
                    return "layer " + layer + " bias entry " + i + " is " + b[i];
                }
            }
        }
        String at = position(w.readout());
        return at != null ? "readout W " + at : "a parameter is NaN or infinite";
    }

    private static String position(org.expanderexplorer.core.graph.WeightMatrix m) {
        int bad = m.firstNonFinite();
        return bad < 0 ? null : "row " + bad / m.cols() + ", column " + bad % m.cols() + " is "
                + m.get(bad / m.cols(), bad % m.cols());
    }

    static String firstLine(Throwable e) {
        return ModelArchive.firstLine(e);
    }
}
