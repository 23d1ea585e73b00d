package org.expanderexplorer.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE of handwritten digits"):
 * a big-endian magic number {@code 0x0000TTDD} (TT = element type, DD = number of dimensions), DD big-endian 32-bit
 * sizes, then the elements in row-major order. Only unsigned bytes (type 0x08) are read, which is what both data
 * sets use: {@link #LABELS_MAGIC} for label files (one dimension) and {@link #IMAGES_MAGIC} for image files (three).
 *
 * <p>Files may be gzipped or plain; the gzip header is recognised by its first two bytes, not by the file name.
 * The declared sizes are checked before anything is allocated: against {@link #MAX_BYTES}; against the exact file
 * length for a plain file; and, for a gzipped file, against the most a deflate stream of that length can expand
 * to ({@value #MAX_DEFLATE_RATIO}:1). A truncated file, trailing data, a foreign or corrupt file all give a
 * {@link BadInputException} naming the file and the problem.
 *
 * <p>Cost: one pass over the data, O(file length) time, memory = the declared element count in bytes.
 */
public final class IdxReader {

    /** Magic number of a one-dimensional unsigned-byte IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of a three-dimensional unsigned-byte IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Largest element count accepted (1 GiB); MNIST training images take 47 MB. */
    public static final long MAX_BYTES = 1L << 30;
    /** Deflate cannot expand data by more than about 1032:1; used to refuse lying sizes in a gzipped file. */
    static final long MAX_DEFLATE_RATIO = 1032;

    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /**
     * An IDX array: its shape and its elements, row-major, as unsigned bytes (read with {@code b & 0xFF}).
     * The arrays are fresh and owned by the caller.
     *
     * @param source the file or resource it came from, for messages
     * @param shape  the declared sizes, outermost first
     * @param data   the elements, length = product of the shape
     */
    public record IdxArray(String source, int[] shape, byte[] data) {
        public IdxArray {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(data, "data");
        }

        /** Size of the outermost dimension (number of items). */
        public int count() {
            return shape[0];
        }

        @Override
        public String toString() {
            return "IdxArray[" + source + ", shape " + Arrays.toString(shape) + "]";
        }
    }

    /**
     * Reads an IDX file, gzipped or plain.
     *
     * @param file          the file
     * @param expectedMagic {@link #LABELS_MAGIC} or {@link #IMAGES_MAGIC}
     * @return the array
     * @throws BadInputException if the file is missing, unreadable, foreign, truncated or its sizes are wrong
     */
    public static IdxArray read(Path file, int expectedMagic) {
        Objects.requireNonNull(file, "file");
        long length = InputFiles.requireRegular(file, "an IDX file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), expectedMagic, length);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads an IDX stream, gzipped or plain. The stream is not closed.
     *
     * @param in            the stream
     * @param source        its name for messages (file or resource)
     * @param expectedMagic {@link #LABELS_MAGIC} or {@link #IMAGES_MAGIC}
     * @param length        the stream's length in bytes if known, else -1 (then only {@link #MAX_BYTES} bounds the
     *                      declared size)
     * @return the array
     * @throws BadInputException if the stream is foreign, truncated or its sizes are wrong
     */
    public static IdxArray read(InputStream in, String source, int expectedMagic, long length) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        try {
            InputStream body = gzipped ? new GZIPInputStream(buffered, BUFFER) : buffered;
            return readBody(body, source, expectedMagic, length, gzipped);
        } catch (EOFException e) {
            throw new BadInputException(source + ": truncated " + (gzipped ? "gzip stream" : "file")
                    + " (it ends early)", e);
        } catch (ZipException e) {
            throw new BadInputException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray readBody(InputStream in, String source, int expectedMagic, long length,
                                     boolean gzipped) throws IOException {
        byte[] head = new byte[4];
        int got = in.readNBytes(head, 0, 4);
        if (got < 4) {
            throw new BadInputException(source + ": not an IDX file (only " + got + " bytes, too short for a header)");
        }
        int magic = bigEndian(head);
        if (magic != expectedMagic) {
            String what = (magic >>> 16) == 0 && (magic & 0xff00) == 0x0800
                    ? "an IDX file of " + (magic & 0xff) + " dimensions" : "not an IDX file of unsigned bytes";
            throw new BadInputException(source + ": " + what + " (magic number " + hex(magic) + ", expected "
                    + hex(expectedMagic) + ")");
        }
        int dims = expectedMagic & 0xff;
        byte[] sizeBytes = new byte[4 * dims];
        got = in.readNBytes(sizeBytes, 0, sizeBytes.length);
        if (got < sizeBytes.length) {
            throw new BadInputException(source + ": truncated header (" + dims + " sizes declared, file ends after "
                    + (4 + got) + " bytes)");
        }
        int[] shape = new int[dims];
        long total = 1;
        for (int d = 0; d < dims; d++) {
            shape[d] = bigEndian(Arrays.copyOfRange(sizeBytes, 4 * d, 4 * d + 4));
            if (shape[d] < 0) {
                throw new BadInputException(source + ": size " + d + " is negative or absurd ("
                        + (shape[d] & 0xffffffffL) + ")");
            }
            total *= shape[d];
            if (total > MAX_BYTES) {
                throw new BadInputException(source + ": declared sizes " + shapeText(shape, d + 1)
                        + " exceed the limit of " + MAX_BYTES + " bytes");
            }
        }
        long headerLength = 4L + 4L * dims;
        if (length >= 0 && !gzipped && headerLength + total != length) {
            String problem = headerLength + total > length ? "truncated" : "longer than its header declares";
            throw new BadInputException(source + ": " + problem + " (sizes " + shapeText(shape, dims) + " need "
                    + (headerLength + total) + " bytes, the file has " + length + ")");
        }
        if (length >= 0 && gzipped && headerLength + total > MAX_DEFLATE_RATIO * length + 1024) {
            throw new BadInputException(source + ": declared sizes " + shapeText(shape, dims) + " (" + total
                    + " bytes) cannot fit in a gzip file of " + length + " bytes");
        }
        byte[] data = new byte[(int) total];
        got = in.readNBytes(data, 0, data.length);
        if (got < data.length) {
            throw new BadInputException(source + ": truncated (sizes " + shapeText(shape, dims) + " need " + total
                    + " data bytes, only " + got + " present)");
        }
        if (in.read() != -1) {
            throw new BadInputException(source + ": longer than its header declares (sizes " + shapeText(shape, dims)
                    + ", " + total + " data bytes, then more data)");
        }
        return new IdxArray(source, shape, data);
    }

    private static int bigEndian(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static String shapeText(int[] shape, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < upTo; d++) {
            sb.append(d == 0 ? "" : " x ").append(shape[d]);
        }
        return sb.toString();
    }
}
