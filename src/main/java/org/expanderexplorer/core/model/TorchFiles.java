package org.expanderexplorer.core.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.HeapBudget;

/**
 * PyTorch's own files: a {@code state_dict} saved by {@code torch.save} in the zip format of PyTorch 1.6 and later
 * ({@code FOLDER/data.pkl}, the pickle, read by {@link TorchPickle}; {@code FOLDER/data/<key>}, each storage's raw
 * little-endian elements; {@code FOLDER/version}), read without Python and written so that {@code torch.load}
 * reads it, with {@code weights_only=True} too.
 *
 * <p>Refused with one line that says what to do: a pickled whole module ({@code torch.save(model)}: its pickle names
 * the module's class, see {@link TorchPickle}), PyTorch's legacy format (before 1.6, or
 * {@code _use_new_zipfile_serialization=False}), a TorchScript archive ({@code torch.jit.save}), a checkpoint dict
 * that holds the state_dict among other things. Bounds: the archive is read by {@link ModelArchive}; each tensor's
 * view must lie inside its storage, and each storage entry must have exactly the bytes its persistent id declares;
 * the values are checked against the heap before they are gathered.
 */
public final class TorchFiles {

    /** PyTorch's legacy (pre-1.6) files begin with a protocol-2 pickle of a 10-byte "magic number". */
    // PROTO 2, then LONG1 with 10 bytes: the legacy format's magic number 0x1950a86a20f9469cfc6c
    private static final byte[] LEGACY_START = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a};

    private TorchFiles() {
    }

    /** Whether {@code bytes} start like PyTorch's legacy (non-zip) format. */
    static boolean isLegacy(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == LEGACY_START[0] && bytes[1] == LEGACY_START[1]
                && bytes[2] == LEGACY_START[2] && bytes[3] == LEGACY_START[3];
    }

    /** The one-line refusal of a legacy file. */
    static BadInputException legacy(Path file) {
        return BadInputException.inFile(file, "is in PyTorch's legacy format (saved before PyTorch 1.6 or with "
                + "_use_new_zipfile_serialization=False): save it again with torch.save(model.state_dict(), PATH)");
    }

    /** Whether the zip's entries are a {@code torch.save} archive (a {@code data.pkl} in one top folder). */
    static boolean isTorchArchive(Map<String, byte[]> entries) {
        // the first '/' is the one before data.pkl, so the pickle sits directly in the single top folder
        return entries.keySet().stream().anyMatch(n -> n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - 9);
    }

    /**
     * The tensors of a {@code torch.save} archive by key, in the state_dict's order, as float arrays of their stored
     * type.
     *
     * @throws BadInputException naming the file for anything that is not a state_dict of float tensors
     */
    static Map<String, NpyArray> tensors(Path file, Map<String, byte[]> entries) {
        String pickleName = null;
        for (String n : entries.keySet()) {
            if (n.endsWith("/data.pkl") && n.indexOf('/') == n.length() - 9) {
                if (pickleName != null) {
                    throw BadInputException.inFile(file, "holds two pickles ('" + pickleName + "' and '"
                            + BadInputException.printable(n, 60) + "'); a torch.save archive has one");
                }
                pickleName = n;
            }
        }
        if (pickleName == null) {
            throw BadInputException.inFile(file, "is a zip without a data.pkl; not a file written by torch.save");
        }
        // torch.save names the top folder after the file (or "archive" in newer versions); every entry shares it
        String folder = pickleName.substring(0, pickleName.length() - "data.pkl".length());
        // TorchScript archives carry Python source under code/ and constants.pkl; a state_dict archive has neither
        if (entries.containsKey(folder + "constants.pkl") || entries.keySet().stream()
                .anyMatch(n -> n.startsWith(folder + "code/"))) {
            throw BadInputException.inFile(file, "is a TorchScript archive (torch.jit.save), which holds code; "
                    + TorchPickle.SAVE_STATE_DICT);
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        // Written by newer PyTorch versions; older archives have no such entry and are little-endian.
        byte[] byteorder = entries.get(folder + "byteorder");
        if (byteorder != null && new String(byteorder, StandardCharsets.US_ASCII).strip().equals("big")) {
            order = ByteOrder.BIG_ENDIAN;
        }
        // The pickle is parsed (restricted, see TorchPickle) before any storage is touched: what it names decides
        // which entries are read and how many values they must hold.
        Object top = TorchPickle.read(file, "data.pkl", entries.get(pickleName));
        if (!(top instanceof Map<?, ?> dict)) {
            throw BadInputException.inFile(file, "data.pkl holds no dict of tensors; " + TorchPickle.SAVE_STATE_DICT);
        }
        long total = 0;
        List<String> nonTensors = new ArrayList<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof TorchPickle.TensorRef t)) {
                nonTensors.add(String.valueOf(e.getKey() instanceof String s ? s : "a non-text key"));
                continue;
            }
            total += numel(file, (String) e.getKey(), t);
        }
        if (!nonTensors.isEmpty()) {
            throw BadInputException.inFile(file, "is a dict of other things than tensors (e.g. '"
                    + BadInputException.printable(nonTensors.get(0), 60) + "'), such as a training checkpoint; "
                    + TorchPickle.SAVE_STATE_DICT);
        }
        // each value as a double, and the copies the classifier's reader makes after this
        HeapBudget.require(file, HeapBudget.times(total, 3 * Double.BYTES), "tensors of " + total + " values");
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            String key = (String) e.getKey();
            out.put(key, gather(file, key, (TorchPickle.TensorRef) e.getValue(), entries.get(folder + "data/"
                    + ((TorchPickle.TensorRef) e.getValue()).storage().key()), order));
        }
        return out;
    }

    private static long numel(Path file, String key, TorchPickle.TensorRef t) {
        long n = 1;
        long last = t.offset();
        for (int d = 0; d < t.size().length; d++) {
            n = HeapBudget.times(n, t.size()[d]);
            if (t.size()[d] > 0) {
                last += HeapBudget.times(t.size()[d] - 1, t.stride()[d]);
            }
            if (n < 0 || last < 0) {
                throw BadInputException.inFile(file, "tensor '" + key + "' declares more elements than can exist");
            }
        }
        // The view's last element (offset + sum (size - 1) stride) must lie inside the storage; otherwise gathering
        // would read another tensor's bytes or past the entry. An empty tensor reads nothing.
        if (n > 0 && last >= t.storage().numel()) {
            throw BadInputException.inFile(file, "tensor '" + BadInputException.printable(key, 80) + "' reaches "
                    + "element " + last + " of a storage of " + t.storage().numel() + " (corrupt file)");
        }
        return n;
    }

    /** The tensor's elements in C order, read through its offset and strides. */
    private static NpyArray gather(Path file, String key, TorchPickle.TensorRef t, byte[] data, ByteOrder order) {
        TorchPickle.Storage s = t.storage();
        int size = s.type().bytes();
        if (data == null || data.length != s.numel() * size) {
            throw BadInputException.inFile(file, "storage data/" + s.key() + " of tensor '"
                    + BadInputException.printable(key, 80) + "' should hold " + s.numel() + " elements of " + size
                    + " bytes but " + (data == null ? "is missing" : "has " + data.length + " bytes"));
        }
        long[] dims = t.size();
        int[] shape = new int[dims.length];
        for (int d = 0; d < dims.length; d++) {
            shape[d] = (int) dims[d];
        }
        double[] v = new double[(int) numel(file, key, t)];
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        int[] index = new int[dims.length];
        for (int k = 0; k < v.length; k++) {
            long at = t.offset();
            for (int d = 0; d < dims.length; d++) {
                at += index[d] * t.stride()[d];
            }
            // at < numel by the check in numel(), and data.length = numel * size, so the position lies in the entry
            b.position((int) (at * size));
            v[k] = HalfFloats.get(b, s.type());
            // next index in C order (last dimension fastest), so v comes out contiguous whatever the strides were
            for (int d = dims.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new NpyArray(shape, v, s.type());
    }

    /** A note for the model's source when the weights were not float32, or null. */
    static String conversionNote(Map<String, NpyArray> tensors) {
        for (NpyArray a : tensors.values()) {
            if (a.type() == NpyArray.Type.FLOAT16 || a.type() == NpyArray.Type.BFLOAT16) {
                return a.type().name().toLowerCase(java.util.Locale.ROOT) + " weights converted to float32; an export "
                        + "writes them as " + a.type().name().toLowerCase(java.util.Locale.ROOT) + " again";
            }
            if (a.type() == NpyArray.Type.FLOAT64) {
                return "float64 weights computed in float32";
            }
        }
        return null;
    }

    /**
     * Writes a state_dict as {@code torch.save(state_dict, file)} would (atomically): the same pickle globals
     * ({@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2} and the storage types), one
     * contiguous storage per tensor, entries stored uncompressed.
     *
     * @param stateDict the tensors in order; not modified
     */
    public static void write(Path file, Map<String, NpyArray> stateDict) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stateDict, "stateDict");
        String folder = "archive/";
        byte[] pickle = TorchPickleWriter.stateDict(stateDict);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            stored(zip, folder + "data.pkl", pickle);
            int k = 0;
            for (NpyArray a : stateDict.values()) {
                stored(zip, folder + "data/" + k++, raw(a));
            }
            // the serialisation format version torch.save writes; torch.load checks it before reading
            stored(zip, folder + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            zip.finish();
        });
    }

    /** The elements little-endian in the array's own type. */
    static byte[] raw(NpyArray a) {
        double[] v = a.values();
        ByteBuffer b = ByteBuffer.allocate(v.length * a.type().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            HalfFloats.put(b, a.type(), x);
        }
        return b.array();
    }

    // PyTorch's reader takes deflated entries too, but its memory-mapped loading (torch.load(mmap=True)) needs
    // stored ones, which is what torch.save writes.
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
