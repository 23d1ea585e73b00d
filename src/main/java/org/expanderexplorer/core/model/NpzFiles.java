package org.expanderexplorer.core.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.HeapBudget;

/**
 * Reads and writes NumPy {@code .npz} archives (a zip of {@code .npy} files, as {@code np.savez} and
 * {@code np.savez_compressed} write them) of float32/float64 arrays.
 *
 * <p>Written by hand on purpose: ND4J's {@code Nd4j.createNpyFromByteArray} hands the bytes to native code that
 * trusts the header (a wrong shape reads past the buffer), and ND4J has no NPZ writer. This reader checks the
 * magic, the header dictionary, the type ({@code <f4}, {@code <f8}, or big-endian), the shape, and that the data
 * has exactly the declared length before allocating anything; C and Fortran order are both read. Writing uses
 * version 1.0, little-endian, C order. Format reference: NumPy's {@code numpy.lib.format} documentation (NEP 1).
 */
public final class NpzFiles {

    // "\x93NUMPY": the first byte is not ASCII so that a text file can never be mistaken for an array
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    // The header is a Python dict literal; these three keys are all the format defines. Regular expressions rather
    // than a Python-literal parser: the values needed are a string, a boolean and a tuple of integers.
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpzFiles() {
    }

    /**
     * All arrays of an NPZ file by key (the entry name without {@code .npy}), in archive order; unmodifiable.
     *
     * @throws BadInputException naming the file (and entry) if it is not a valid NPZ of float arrays
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return parse(file, ModelArchive.read(file));
    }

    /** Parses the inflated entries of an NPZ read from {@code file} (named in messages). */
    static Map<String, NpyArray> parse(Path file, Map<String, byte[]> entries) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".npy")) {
                throw BadInputException.inFile(file, "entry '" + name + "' is not an .npy array; not an NPZ file");
            }
            // np.savez(file, name=array) stores name.npy, so the key is the name the Python side used
            String key = name.substring(0, name.length() - 4);
            try {
                out.put(key, parseNpy(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw BadInputException.inFile(file, "array '" + key + "': " + ex.getMessage());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Writes the arrays (in map order) to {@code file} atomically; keys become {@code key.npy} entries. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(arrays, "arrays");
        AtomicFiles.write(file, out -> {
            // deflated entries, like np.savez_compressed; np.load reads stored and deflated entries alike
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(toNpy(e.getValue()));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Parses one {@code .npy} file.
     *
     * @param bytes the whole file; not modified
     * @throws IllegalArgumentException describing the first problem
     */
    static NpyArray parseNpy(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException("not an .npy array (bad magic bytes)");
        }
        // bytes 6 and 7 are the format version (major, minor); the minor version is 0 in every version so far
        int major = bytes[6] & 0xff;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // Format versions differ only in the header-length field: 2 bytes in 1.0, 4 bytes in 2.0 and 3.0 (3.0 also
        // allows UTF-8 in the header). Everything after the header is the raw array.
        long headerLength;
        int headerStart;
        if (major == 1) {
            // the length fields are little-endian unsigned, whatever the byte order of the data
            headerLength = b.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("truncated header");
            }
            headerLength = b.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy version " + major + "." + (bytes[7] & 0xff));
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes runs past the end of the data");
        }
        // Latin-1 maps every byte to one character, so a malformed 1.0/2.0 header still decodes and gets a message.
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
        if (!header.startsWith("{") || !header.endsWith("}")) {
            throw new IllegalArgumentException("header is not a dictionary: " + abbreviate(header));
        }
        String descr = group(DESCR, header, "descr");
        // fortran_order True: the data is column-major (first index fastest), as NumPy writes a transposed view
        boolean fortran = "True".equals(group(FORTRAN, header, "fortran_order"));
        int[] shape = parseShape(group(SHAPE, header, "shape"));
        // descr is a byte-order character ('<' little, '>' big, '=' native, which NumPy writes as '<' on every usual
        // machine) followed by the kind and the item size: f4 float32, f8 float64, f2 float16.
        NpyArray.Type type = switch (descr.length() == 3 ? descr.substring(1) : "") {
            case "f4" -> NpyArray.Type.FLOAT32;
            case "f8" -> NpyArray.Type.FLOAT64;
            case "f2" -> NpyArray.Type.FLOAT16;
            default -> null;
        };
        char endian = descr.isEmpty() ? '?' : descr.charAt(0);
        if (type == null || (endian != '<' && endian != '>' && endian != '=')) {
            throw new IllegalArgumentException("element type '" + descr + "' is not supported (float32 '<f4', "
                    + "float64 '<f8' or float16 '<f2' expected)");
        }
        long count = NpyArray.size(shape);
        long dataStart = headerStart + headerLength;
        long available = bytes.length - dataStart;
        // The data must have exactly the declared length: a shorter entry is truncated, a longer one hides something
        // else; both are refused rather than read as far as they go.
        if (count < 0 || count * type.bytes != available) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + descr + " needs "
                    + (count < 0 ? "too many" : String.valueOf(count * type.bytes)) + " bytes of data, the entry has "
                    + available);
        }
        // the values, the record's copy and one more copy by the caller, before any of them is allocated
        if (!HeapBudget.fits(HeapBudget.times(count, 3 * Double.BYTES))) {
            throw new IllegalArgumentException(HeapBudget.message(HeapBudget.times(count, 3 * Double.BYTES),
                    "shape " + Arrays.toString(shape)));
        }
        // the casts are safe: both are bounded by the entry's length, an int
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) available)
                .order(endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[] raw = new double[(int) count];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = switch (type) {
                case FLOAT32 -> data.getFloat();
                case FLOAT16 -> HalfFloats.halfToFloat(data.getShort());
                default -> data.getDouble();
            };
        }
        return new NpyArray(shape, fortran ? fortranToC(raw, shape) : raw, type);
    }

    /** Serialises one array as {@code .npy} version 1.0, little-endian, C order. */
    static byte[] toNpy(NpyArray a) {
        // NumPy has no bfloat16: such arrays are written as the float32 values they stand for (exactly)
        NpyArray.Type type = a.type() == NpyArray.Type.BFLOAT16 ? NpyArray.Type.FLOAT32 : a.type();
        String dict = "{'descr': '<" + type.code + "', 'fortran_order': False, 'shape': " + a.shapeText() + ", }";
        int unpadded = 10 + dict.length() + 1;
        // NumPy pads the header so that the data starts at a multiple of 64 bytes (NEP 1), which lets readers map the
        // data aligned; writing the same layout keeps the files identical to what np.save writes.
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        double[] v = a.values();
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + v.length * type.bytes);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        // version 1.0's header length: 2 bytes little-endian; the dict is short, so 65,535 bytes is never reached
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(v.length * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            HalfFloats.put(data, type, x);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    private static String group(Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("header has no valid '" + key + "': " + abbreviate(header));
        }
        return m.group(1);
    }

    private static int[] parseShape(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        // a one-dimensional shape is written "(n,)" in Python, so a trailing empty part is dropped
        String[] parts = t.split(",");
        int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                // Python 2's NumPy wrote long integers with an "L" suffix ("(3L, 4L)")
                shape[i] = Integer.parseInt(parts[i].trim().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad shape (" + text + ")");
            }
            if (shape[i] < 0) {
                throw new IllegalArgumentException("negative dimension in shape (" + text + ")");
            }
        }
        return shape;
    }

    /** Reorders Fortran-order (first index fastest) values into C order. */
    private static double[] fortranToC(double[] f, int[] shape) {
        int d = shape.length;
        double[] c = new double[f.length];
        int[] index = new int[d];
        for (int k = 0; k < c.length; k++) {
            // k runs over C order; compute its Fortran offset
            int off = 0;
            int stride = 1;
            // Fortran strides: 1 for the first index, times each earlier dimension for the later ones
            for (int j = 0; j < d; j++) {
                off += index[j] * stride;
                stride *= shape[j];
            }
            c[k] = f[off];
            // advance the multi-index in C order: the last index fastest, carrying into the earlier ones
            for (int j = d - 1; j >= 0; j--) {
                if (++index[j] < shape[j]) {
                    break;
                }
                index[j] = 0;
            }
        }
        return c;
    }

    /** At most 80 characters, control characters and undecodable bytes shown as '?', so messages stay one line. */
    static String abbreviate(String s) {
        String cut = s.length() <= 80 ? s : s.substring(0, 77) + "...";
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == 0xfffd ? '?' : c));
        return b.toString();
    }
}
