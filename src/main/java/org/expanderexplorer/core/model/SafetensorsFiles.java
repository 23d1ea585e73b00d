package org.expanderexplorer.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.HeapBudget;
import org.expanderexplorer.core.io.Json;

/**
 * Reads and writes safetensors files: an 8-byte little-endian header length N, N bytes of JSON
 * ({@code {"key": {"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}}),
 * then the tensors' raw little-endian bytes. Element types F32, F64, F16 and BF16 are read (the 16-bit ones widen
 * to float exactly); others are refused naming the key. Format reference: the safetensors specification of
 * Hugging Face (its README), including its validation: the header at most 100 MB, every tensor's byte range the
 * size its shape and type imply, ranges in order without gaps or overlaps, covering the data exactly.
 *
 * <p>Written by hand: the format is a length, a JSON object and raw bytes, and no Java library of it is kept on
 * Maven Central with the bounds above; the JSON goes through the application's untrusted-input reader.
 */
public final class SafetensorsFiles {

    /** Largest header accepted (the reference implementation's limit). */
    static final long MAX_HEADER = 100L << 20;

    // The dtype codes of the specification for the floating-point types a weight can have; integer and boolean
    // tensors (U8, I64, BOOL, ...) are not weights of a recurrent classifier.
    private static final Map<String, NpyArray.Type> TYPES = Map.of("F32", NpyArray.Type.FLOAT32,
            "F64", NpyArray.Type.FLOAT64, "F16", NpyArray.Type.FLOAT16, "BF16", NpyArray.Type.BFLOAT16);

    private SafetensorsFiles() {
    }

    /** Whether {@code bytes} begin like a safetensors file (a plausible header length, then '{'). */
    static boolean looksLike(byte[] bytes) {
        // 8 bytes of length plus at least "{}" of JSON
        if (bytes.length < 10) {
            return false;
        }
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        // only a sniff that picks the reader before parsing; tensors() makes the real checks
        return n >= 2 && n <= MAX_HEADER && bytes[8] == '{';
    }

    /**
     * The tensors of a safetensors file in header order.
     *
     * @param bytes the whole file; not modified
     * @throws BadInputException naming the file (and key) for anything malformed
     */
    static Map<String, NpyArray> tensors(Path file, byte[] bytes) {
        if (bytes.length < 8) {
            throw BadInputException.inFile(file, "is too short for a safetensors file");
        }
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        // checked before any allocation: a forged length must not make the reader copy or decode gigabytes
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw BadInputException.inFile(file, "declares a safetensors header of " + n + " bytes, which "
                    + (n > MAX_HEADER ? "is more than the 100 MB allowed" : "does not fit the file of " + bytes.length
                    + " bytes"));
        }
        JsonNode header;
        try {
            // The specification requires UTF-8; the strict decoder refuses broken bytes rather than replacing them.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
            header = Json.readUntrusted(text.getBytes(StandardCharsets.UTF_8), 8);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "has a safetensors header that is not valid JSON ("
                    + ModelArchive.firstLine(e) + ")");
        }
        if (header == null || !header.isObject()) {
            throw BadInputException.inFile(file, "has a safetensors header that is not a JSON object");
        }
        // Offsets in the header count from the first byte after the header, not from the start of the file.
        long dataStart = 8 + n;
        long dataLength = bytes.length - dataStart;
        List<Object[]> ranges = new ArrayList<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            // the only reserved key: a string-to-string map (format, framework) with no tensor data
            if (f.getKey().equals("__metadata__")) {
                continue;
            }
            Entry e = entry(file, f.getKey(), f.getValue(), dataLength);
            entries.put(f.getKey(), e);
            ranges.add(new Object[] {e.begin, e.end, f.getKey()});
            total += e.count;
        }
        // The header's key order need not follow the data order, so the ranges are checked sorted by start: each must
        // begin where the previous ended, which rules out overlapping tensors (two keys sharing or aliasing bytes).
        ranges.sort(Comparator.comparingLong(r -> (Long) r[0]));
        long expected = 0;
        for (Object[] r : ranges) {
            if ((Long) r[0] != expected) {
                throw BadInputException.inFile(file, "tensor '" + BadInputException.printable((String) r[2], 80)
                        + "' starts at byte " + r[0] + " of the data, expected " + expected
                        + " (tensors must follow each other without gaps or overlaps)");
            }
            expected = (Long) r[1];
        }
        // trailing bytes no tensor claims could hide anything; the specification refuses them, so does this reader
        if (expected != dataLength) {
            throw BadInputException.inFile(file, "has " + dataLength + " bytes of data but its tensors cover "
                    + expected);
        }
        // each value becomes a double here and is copied about twice more on its way into a model
        HeapBudget.require(file, HeapBudget.times(total, 3 * Double.BYTES), "tensors of " + total + " values");
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            ByteBuffer b = ByteBuffer.wrap(bytes, (int) (dataStart + e.begin), (int) (e.end - e.begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[(int) e.count];
            for (int i = 0; i < v.length; i++) {
                v[i] = HalfFloats.get(b, e.type);
            }
            out.put(me.getKey(), new NpyArray(e.shape, v, e.type));
        }
        return out;
    }

    private record Entry(NpyArray.Type type, int[] shape, long count, long begin, long end) {
    }

    private static Entry entry(Path file, String key, JsonNode node, long dataLength) {
        String k = "tensor '" + BadInputException.printable(key, 80) + "'";
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (!node.isObject() || dtype == null || !dtype.isTextual() || shape == null || !shape.isArray()
                || offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw BadInputException.inFile(file, k + " has no valid dtype, shape and data_offsets");
        }
        NpyArray.Type type = TYPES.get(dtype.asText());
        if (type == null) {
            throw BadInputException.inFile(file, k + " has the element type '"
                    + BadInputException.printable(dtype.asText(), 20) + "'; F32, F64, F16 and BF16 are supported");
        }
        // weights are 1-D or 2-D; the bound keeps the product below from overflowing silently
        if (shape.size() > 8) {
            throw BadInputException.inFile(file, k + " has " + shape.size() + " dimensions");
        }
        int[] dims = new int[shape.size()];
        long count = 1;
        for (int d = 0; d < dims.length; d++) {
            JsonNode s = shape.get(d);
            // a shape [] is a scalar (count 1); a zero dimension is allowed and gives an empty tensor, as in PyTorch
            if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 0) {
                throw BadInputException.inFile(file, k + " has a shape that is not a list of counts");
            }
            dims[d] = s.asInt();
            count = HeapBudget.times(count, dims[d]);
        }
        long[] range = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode o = offsets.get(i);
            if (!o.isIntegralNumber() || !o.canConvertToLong() || o.asLong() < 0) {
                throw BadInputException.inFile(file, k + " has data_offsets that are not byte positions");
            }
            range[i] = o.asLong();
        }
        // HeapBudget.times returns -1 on overflow, which the check below treats as "too many"
        long bytes = HeapBudget.times(count, type.bytes());
        // Java arrays hold at most about Integer.MAX_VALUE - 8 elements; the byte range must match the shape exactly
        if (count < 0 || count > Integer.MAX_VALUE - 8 || bytes < 0 || range[1] < range[0]
                || range[1] - range[0] != bytes || range[1] > dataLength) {
            throw BadInputException.inFile(file, k + " of shape " + NpyArray.shapeText(dims) + " and type "
                    + dtype.asText() + " needs " + (bytes < 0 ? "too many" : bytes) + " bytes, its data_offsets ["
                    + range[0] + ", " + range[1] + "] give " + (range[1] - range[0]) + " of the " + dataLength
                    + " bytes there are");
        }
        return new Entry(type, dims, count, range[0], range[1]);
    }

    /**
     * Writes tensors as a safetensors file (atomically), in map order, with {@code {"format": "pt"}} as metadata
     * (what Hugging Face's {@code save_file} of a PyTorch state_dict records).
     *
     * @param tensors the tensors in order; not modified
     */
    public static void write(Path file, Map<String, NpyArray> tensors) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tensors, "tensors");
        // Tensors are laid out back to back in map order, so the offsets are running sums of the raw sizes.
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        long offset = 0;
        List<byte[]> blobs = new ArrayList<>();
        for (Map.Entry<String, NpyArray> e : tensors.entrySet()) {
            NpyArray a = e.getValue();
            byte[] raw = TorchFiles.raw(a);
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", code(a.type()));
            for (int d : a.shape()) {
                t.withArray("shape").add(d);
            }
            // a scalar needs an explicit empty "shape" array, which the loop above never creates
            if (a.shape().length == 0) {
                t.putArray("shape");
            }
            t.putArray("data_offsets").add(offset).add(offset + raw.length);
            offset += raw.length;
            blobs.add(raw);
        }
        header.putObject("__metadata__").put("format", "pt");
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the data aligned to 8 bytes, as the reference writer does
        AtomicFiles.write(file, out -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(length.array());
            out.write(json);
            // the specification allows trailing spaces in the header, and readers trim them
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (byte[] b : blobs) {
                out.write(b);
            }
        });
    }

    private static String code(NpyArray.Type type) {
        return switch (type) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case FLOAT16 -> "F16";
            case BFLOAT16 -> "BF16";
        };
    }
}
