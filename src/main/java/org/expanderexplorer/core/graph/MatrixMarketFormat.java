package org.expanderexplorer.core.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.HeapBudget;
import org.expanderexplorer.core.io.NumberText;

/**
 * Matrices in the NIST Matrix Market exchange format ({@code .mtx}; Boisvert, Pozo, Remington, "The Matrix Market
 * Exchange Formats: Initial Design", NISTIR 5935, 1996).
 *
 * <p>Reading supports the banner {@code %%MatrixMarket matrix coordinate|array real|integer|pattern
 * general|symmetric|skew-symmetric} (keywords in any case). Symmetric files list the lower triangle with the
 * diagonal, skew-symmetric files the strict lower triangle; both are mirrored (negated for skew-symmetric) into
 * the full square matrix. {@code complex} and {@code hermitian} matrices are refused, since weights are real,
 * and so are the combinations the format forbids ({@code array pattern}, {@code pattern skew-symmetric}).
 * {@code %} comment lines and blank lines may appear anywhere after the banner.
 *
 * <p>The declared sizes are checked with {@link WeightMatrix#checkSize} before anything is allocated, and the
 * file must keep its word: fewer or more entries than declared, an index out of range, a duplicate coordinate,
 * an entry above the diagonal of a symmetric file, a value that is not a finite number (or not an integer in an
 * {@code integer} file) are each a {@link BadInputException} naming the file and line.
 *
 * <p>Writing produces {@code coordinate pattern general} when every non-zero entry is 1 (a 0/1 biadjacency, as
 * the teaching graphs are) and {@code coordinate real general} otherwise, entries row by row, values in the
 * shortest text that reads back exactly ({@link NumberText#format}). Zero entries (of either sign) are not
 * stored, as is usual for the coordinate format, so they read back as {@code +0.0}.
 *
 * <p>Cost: one pass; memory the dense matrix plus one bit per entry for the duplicate check.
 */
public final class MatrixMarketFormat {

    // The banner's first word; the format reserves the "%%" prefix for it, any other '%' line is a comment.
    private static final String BANNER = "%%MatrixMarket";
    private static final String EXAMPLE = "'%%MatrixMarket matrix coordinate real general'";

    // The format's "hermitian" is the fourth symmetry; it only makes sense for complex values, which are refused.
    private enum Symmetry { GENERAL, SYMMETRIC, SKEW }

    private MatrixMarketFormat() {
    }

    /**
     * Reads a Matrix Market file.
     *
     * @throws BadInputException if the file cannot be read, is malformed or is not a real matrix (the message
     *                           names the file and the line)
     */
    public static WeightMatrix read(Path file) {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Parser(in, file).parse();
        } catch (CharacterCodingException e) {
            throw BadInputException.inFile(file, "is not a Matrix Market text file (it is not UTF-8 text)");
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    /** One read: the state of the line scanner. */
    private static final class Parser {
        private final BufferedReader in;
        private final Path file;
        // 1-based number of the line last read, for messages; long because a file may exceed 2^31 lines
        private long line;
        private boolean array;
        private boolean pattern;
        private boolean integer;
        private Symmetry symmetry;

        Parser(BufferedReader in, Path file) {
            this.in = in;
            this.file = file;
        }

        WeightMatrix parse() throws IOException {
            readBanner();
            // The size line: "rows columns entries" for coordinate files, "rows columns" for array files (all values
            // given).
            String[] size = nextTokens();
            if (size == null) {
                throw BadInputException.atLine(file, line, "file ends before the size line");
            }
            long sizeLine = line;
            int expected = array ? 2 : 3;
            if (size.length != expected) {
                throw bad("the size line must have " + expected + " numbers ("
                        + (array ? "rows columns" : "rows columns entries") + "), found " + size.length);
            }
            long rows = sizeNumber(size[0], "rows");
            long cols = sizeNumber(size[1], "columns");
            try {
                // refuses, before any allocation, a dense matrix above the entry limit (which keeps int indices safe)
                WeightMatrix.checkSize(rows, cols);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
            // Symmetry is a property of square matrices only; a non-square (skew-)symmetric header is a broken writer.
            if (symmetry != Symmetry.GENERAL && rows != cols) {
                throw bad("a " + symmetryName() + " matrix must be square, but " + rows + " x " + cols
                        + " is declared");
            }
            // A symmetric file lists only the lower triangle (diagonal included), a skew one the strict lower triangle:
            // the number of distinct positions bounds the declared entries, so a corrupt count is refused before
            // reading on.
            long capacity = switch (symmetry) {
                case GENERAL -> rows * cols;
                case SYMMETRIC -> rows * (rows + 1) / 2;
                case SKEW -> rows * (rows - 1) / 2;
            };
            long entries = capacity;
            if (!array) {
                entries = sizeNumber(size[2], "entries");
                if (entries > capacity) {
                    throw bad(entries + " entries declared, but a " + rows + " x " + cols
                            + (symmetry == Symmetry.GENERAL ? "" : " " + symmetryName()) + " matrix has only "
                            + capacity + " positions to fill");
                }
            }
            // safe: checkSize bounded rows * cols to an int-indexable array
            int r = (int) rows;
            int c = (int) cols;
            // the values and the analysis's copies of them (docs/performance.md: about 3 doubles per entry)
            HeapBudget.require(file, HeapBudget.times(rows, cols, 3 * Double.BYTES), "a " + rows + " x " + cols
                    + " matrix");
            // Row-major and zero-filled: the coordinate format only lists non-zeros, every other position is 0.
            double[] data = new double[r * c];
            if (array) {
                readArray(data, r, c, sizeLine);
            } else {
                readCoordinates(data, r, c, entries, sizeLine);
            }
            // Trailing entries are an error, not ignored: a file whose header undercounts its entries was written by a
            // broken exporter, and a silently truncated matrix would give a different spectrum.
            if (nextTokens() != null) {
                throw bad("more entries than the " + entries + " declared on line " + sizeLine);
            }
            return WeightMatrix.wrap(r, c, data);
        }

        private void readBanner() throws IOException {
            String first = in.readLine();
            if (first == null) {
                throw BadInputException.inFile(file, "file is empty");
            }
            line = 1;
            // a UTF-8 byte order mark, which some Windows editors put before the banner
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            String[] t = first.strip().split("\\s+");
            if (!t[0].equalsIgnoreCase(BANNER)) {
                throw bad("not a Matrix Market file: the first line must be a banner like " + EXAMPLE);
            }
            // %%MatrixMarket object format field symmetry
            if (t.length != 5) {
                throw bad("the banner must have 5 words like " + EXAMPLE + ", found " + t.length);
            }
            if (!t[1].equalsIgnoreCase("matrix")) {
                throw bad("only 'matrix' objects are supported, not '" + t[1] + "'");
            }
            switch (t[2].toLowerCase(Locale.ROOT)) {
                // coordinate: sparse "i j value" triples; array: every value, one per line, column by column
                case "coordinate" -> array = false;
                case "array" -> array = true;
                default -> throw bad("unknown format '" + t[2] + "' (expected coordinate or array)");
            }
            switch (t[3].toLowerCase(Locale.ROOT)) {
                case "real" -> { }
                // integer and pattern are read into doubles too; pattern means every listed entry is 1
                case "integer" -> integer = true;
                case "pattern" -> pattern = true;
                case "complex" -> throw bad("complex matrices are not supported: weights must be real");
                default -> throw bad("unknown field '" + t[3] + "' (expected real, integer or pattern)");
            }
            switch (t[4].toLowerCase(Locale.ROOT)) {
                case "general" -> symmetry = Symmetry.GENERAL;
                case "symmetric" -> symmetry = Symmetry.SYMMETRIC;
                case "skew-symmetric" -> symmetry = Symmetry.SKEW;
                case "hermitian" -> throw bad("hermitian matrices are not supported: weights must be real");
                default -> throw bad("unknown symmetry '" + t[4] + "' (expected general, symmetric or skew-symmetric)");
            }
            // The specification lists these two combinations as invalid: an array has no positions to leave out, and a
            // pattern (all ones) matrix cannot be skew-symmetric, whose mirrored entries are -1.
            if (array && pattern) {
                throw bad("'array pattern' is not a valid combination (use coordinate pattern)");
            }
            if (pattern && symmetry == Symmetry.SKEW) {
                throw bad("'pattern skew-symmetric' is not a valid combination");
            }
        }

        private void readCoordinates(double[] data, int rows, int cols, long entries, long sizeLine)
                throws IOException {
            // one bit per position: duplicates are an error here, where some readers silently add or overwrite them
            BitSet seen = new BitSet(rows * cols);
            // pattern entries carry only the coordinates
            int width = pattern ? 2 : 3;
            for (long k = 0; k < entries; k++) {
                String[] t = nextTokens();
                if (t == null) {
                    throw BadInputException.atLine(file, line, "file ends after " + k + " of the " + entries
                            + " entries declared on line " + sizeLine);
                }
                if (t.length != width) {
                    throw bad("expected " + width + " values (row, column" + (pattern ? "" : ", value")
                            + "), found " + t.length);
                }
                int i = index(t[0], rows, "row");
                int j = index(t[1], cols, "column");
                double v = pattern ? 1.0 : value(t[2]);
                // The specification stores only the lower triangle; an upper entry would be mirrored onto a lower one
                // and
                // silently replace it, so it is refused instead.
                if (symmetry == Symmetry.SYMMETRIC && j > i) {
                    throw bad("entry (" + (i + 1) + ", " + (j + 1) + ") is above the diagonal; a symmetric file "
                            + "lists only the lower triangle");
                }
                if (symmetry == Symmetry.SKEW && j >= i) {
                    throw bad("entry (" + (i + 1) + ", " + (j + 1) + ") is not below the diagonal; a "
                            + "skew-symmetric file lists only the strict lower triangle");
                }
                // the mirror position (j, i) needs no duplicate check: its own coordinate is refused as above the
                // diagonal
                int at = i * cols + j;
                if (seen.get(at)) {
                    throw bad("duplicate entry at row " + (i + 1) + ", column " + (j + 1));
                }
                seen.set(at);
                data[at] = v;
                // A(j, i) = A(i, j) for symmetric, -A(i, j) for skew-symmetric (whose diagonal is zero and never
                // listed)
                if (symmetry != Symmetry.GENERAL) {
                    data[j * cols + i] = symmetry == Symmetry.SKEW ? -v : v;
                }
            }
        }

        private void readArray(double[] data, int rows, int cols, long sizeLine) throws IOException {
            // Column-major, as the format prescribes; only the (strict) lower triangle for (skew-)symmetric files.
            long done = 0;
            for (int j = 0; j < cols; j++) {
                // the first row stored in column j: 0, the diagonal (symmetric) or just below it (skew)
                int from = switch (symmetry) {
                    case GENERAL -> 0;
                    case SYMMETRIC -> j;
                    case SKEW -> j + 1;
                };
                for (int i = from; i < rows; i++) {
                    String[] t = nextTokens();
                    if (t == null) {
                        throw BadInputException.atLine(file, line, "file ends after " + done + " of the "
                                + expectedArrayValues(rows, cols) + " values of the " + rows + " x " + cols
                                + " matrix declared on line " + sizeLine);
                    }
                    if (t.length != 1) {
                        throw bad("expected one value per line in the array format, found " + t.length);
                    }
                    double v = value(t[0]);
                    data[i * cols + j] = v;
                    if (symmetry != Symmetry.GENERAL) {
                        data[j * cols + i] = symmetry == Symmetry.SKEW ? -v : v;
                    }
                    done++;
                }
            }
        }

        private long expectedArrayValues(long rows, long cols) {
            return switch (symmetry) {
                case GENERAL -> rows * cols;
                case SYMMETRIC -> rows * (rows + 1) / 2;
                case SKEW -> rows * (rows - 1) / 2;
            };
        }

        /** The next line's tokens, skipping blank and comment lines; null at the end. */
        private String[] nextTokens() throws IOException {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                String s = text.strip();
                // any run of white space separates tokens
                if (!s.isEmpty() && s.charAt(0) != '%') {
                    return s.split("\\s+");
                }
            }
            return null;
        }

        private long sizeNumber(String token, String what) {
            try {
                // long, not int: a corrupt size above 2^31 gets a clear message from checkSize rather than a parse
                // error
                long v = Long.parseLong(token);
                if (v < 0) {
                    throw bad("the number of " + what + " is negative: " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad("the number of " + what + " '" + token + "' is not a whole number");
            }
        }

        private int index(String token, int size, String what) {
            long v;
            try {
                v = Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw bad(what + " index '" + token + "' is not a whole number");
            }
            // the format counts rows and columns from 1
            if (v < 1 || v > size) {
                throw bad(what + " index " + v + " is out of range 1.." + size);
            }
            return (int) (v - 1);
        }

        private double value(String token) {
            if (integer) {
                try {
                    // integer files hold whole numbers only; "1.0" there means a mislabelled real file
                    return Long.parseLong(token);
                } catch (NumberFormatException e) {
                    throw bad("'" + token + "' is not an integer (the banner declares integer values)");
                }
            }
            try {
                // NumberText refuses NaN, infinities and locale forms, and reads every double's shortest text exactly
                return NumberText.parse(token);
            } catch (NumberFormatException e) {
                throw bad(e.getMessage());
            }
        }

        private String symmetryName() {
            return symmetry == Symmetry.SKEW ? "skew-symmetric" : "symmetric";
        }

        private BadInputException bad(String problem) {
            return BadInputException.atLine(file, line, problem);
        }
    }

    /**
     * Writes {@code matrix} atomically (see {@link AtomicFiles}) in coordinate format: {@code pattern} when all
     * non-zero entries are 1, {@code real} otherwise.
     *
     * @param comments lines written as {@code %} comments after the banner (e.g. how the matrix was made, with
     *                 its seed); line breaks inside them become spaces; may be empty
     * @throws BadInputException if the file cannot be written (the message names the file and the reason)
     */
    public static void write(Path file, WeightMatrix matrix, List<String> comments) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(comments, "comments");
        try {
            AtomicFiles.writeText(file, w -> writeTo(w, matrix, comments));
        } catch (IOException e) {
            throw BadInputException.cannotWrite(file, e);
        }
    }

    /** True when every non-zero entry is exactly 1, so that the pattern field loses nothing. */
    static boolean isPattern(WeightMatrix matrix) {
        double[] row = new double[matrix.cols()];
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.copyRow(i, row);
            for (double v : row) {
                if (v != 0.0 && v != 1.0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void writeTo(Writer w, WeightMatrix matrix, List<String> comments) throws IOException {
        boolean pattern = isPattern(matrix);
        w.write(BANNER + " matrix coordinate " + (pattern ? "pattern" : "real") + " general\n");
        for (String c : comments) {
            // a line break in a comment would start a line the reader takes as the size line
            w.write("% " + c.replace('\r', ' ').replace('\n', ' ') + "\n");
        }
        // the entry count must equal the lines written below: nonZeros counts exactly the entries != 0.0
        w.write(matrix.rows() + " " + matrix.cols() + " " + matrix.nonZeros() + "\n");
        double[] row = new double[matrix.cols()];
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.copyRow(i, row);
            for (int j = 0; j < row.length; j++) {
                // -0.0 == 0.0 as well, so negative zeros are not written either (the class comment's "of either sign")
                if (row[j] != 0.0) {
                    sb.setLength(0);
                    sb.append(i + 1).append(' ').append(j + 1);
                    if (!pattern) {
                        sb.append(' ').append(NumberText.format(row[j]));
                    }
                    w.append(sb).append('\n');
                }
            }
        }
    }
}
