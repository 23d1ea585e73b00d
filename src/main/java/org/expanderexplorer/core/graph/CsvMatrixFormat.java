package org.expanderexplorer.core.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.HeapBudget;
import org.expanderexplorer.core.io.NumberText;

/**
 * Dense matrices as comma-separated text: one line per row (left vertex), one value per column, no header.
 *
 * <p>Reading tolerates white space around values, CRLF line ends, a UTF-8 byte-order mark, and blank lines before
 * and after the rows (not between them). It refuses, with a {@link BadInputException} naming the file, the line
 * (1-based) and, for a value, the column (1-based): an empty file, rows of different lengths ("line 7: has 5
 * values, expected 6"), empty values, anything that is not a decimal number, and NaN or infinite values.
 * Non-finite values are refused here, where their position is known, rather than later by {@link LayerGraph},
 * since no analysis can use them.
 *
 * <p>Writing uses the shortest text that reads back to the same double ({@link NumberText#format}), so a
 * write-read round trip is exact; integers are written without a decimal point ({@code 0}, {@code 1}).
 *
 * <p>Cost: one pass over the text; memory about twice the final matrix while reading (the row buffer grows by
 * doubling). The size is checked against {@link WeightMatrix#MAX_ENTRIES} while reading.
 */
public final class CsvMatrixFormat {

    private CsvMatrixFormat() {
    }

    /**
     * Reads a CSV matrix.
     *
     * @throws BadInputException if the file cannot be read or is malformed (the message names file and line)
     */
    public static WeightMatrix read(Path file) {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file);
        } catch (CharacterCodingException e) {
            throw BadInputException.inFile(file, "is not UTF-8 text (is it a binary file?)");
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    static WeightMatrix parse(BufferedReader in, Path file) throws IOException {
        // The row count is unknown until the end, so the values go into one growing row-major buffer (no per-row
        // arrays, whose headers would cost more than the values for narrow matrices).
        double[] data = new double[1024];
        int cols = -1;
        int rows = 0;
        // long: a file may have more lines than an int counts, and messages must name the right one
        long line = 0;
        long firstBlank = -1;
        long firstRow = -1;
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // Trailing blank lines (editors add them) are fine; one inside the rows would silently shift the row
            // numbers
            // of everything below it, so it is remembered and refused when another row follows.
            if (text.isBlank()) {
                if (firstBlank < 0 && rows > 0) {
                    firstBlank = line;
                }
                continue;
            }
            if (firstBlank >= 0) {
                throw BadInputException.atLine(file, firstBlank, "blank line inside the matrix (only blank lines at "
                        + "the end are allowed)");
            }
            // limit -1 keeps trailing empty fields: "1,2," has three values, the last empty, and is refused as such
            String[] fields = text.split(",", -1);
            if (cols < 0) {
                cols = fields.length;
                firstRow = line;
            } else if (fields.length != cols) {
                throw BadInputException.atLine(file, line, "has " + fields.length + " values, expected " + cols
                        + " (as on line " + firstRow + ")");
            }
            // checked per row, before growing: a file of a billion short lines stops at the entry limit with its line
            // number
            checkSize(file, line, rows + 1L, cols);
            long need = (long) (rows + 1) * cols;
            if (need > data.length) {
                // doubling keeps the copying amortised O(1) per value; the budget covers the old buffer, the new one
                // and the
                // final trimmed copy
                int grown = (int) Math.min(WeightMatrix.MAX_ENTRIES, Math.max(need, 2L * data.length));
                HeapBudget.require(file, 3L * grown * Double.BYTES, "a matrix of " + need + " or more entries");
                data = Arrays.copyOf(data, grown);
            }
            int base = rows * cols;
            for (int j = 0; j < cols; j++) {
                data[base + j] = value(fields[j].strip(), file, line, j + 1);
            }
            rows++;
        }
        if (rows == 0) {
            throw BadInputException.inFile(file, line == 0 ? "file is empty" : "file has no values (only blank lines)");
        }
        return WeightMatrix.wrap(rows, cols, Arrays.copyOf(data, rows * cols));
    }

    private static double value(String field, Path file, long line, int column) {
        if (field.isEmpty()) {
            throw BadInputException.atLine(file, line, "column " + column + " is empty");
        }
        try {
            return NumberText.parse(field);
        } catch (NumberFormatException e) {
            throw BadInputException.atLine(file, line, "column " + column + ": " + e.getMessage());
        }
    }

    private static void checkSize(Path file, long line, long rows, long cols) {
        try {
            WeightMatrix.checkSize(rows, cols);
        } catch (IllegalArgumentException e) {
            throw BadInputException.atLine(file, line, e.getMessage());
        }
    }

    /**
     * Writes {@code matrix} as CSV, atomically (see {@link AtomicFiles}). A matrix with no columns cannot be
     * written as CSV (the lines would be empty and read back as nothing).
     *
     * @throws BadInputException if the file cannot be written (the message names the file and the reason)
     * @throws IllegalArgumentException if the matrix has no rows or no columns
     */
    public static void write(Path file, WeightMatrix matrix) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.rows() == 0 || matrix.cols() == 0) {
            throw new IllegalArgumentException("an empty " + matrix.rows() + " x " + matrix.cols()
                    + " matrix cannot be written as CSV");
        }
        try {
            AtomicFiles.writeText(file, w -> writeTo(w, matrix));
        } catch (IOException e) {
            throw BadInputException.cannotWrite(file, e);
        }
    }

    private static void writeTo(Writer w, WeightMatrix matrix) throws IOException {
        double[] row = new double[matrix.cols()];
        for (int i = 0; i < matrix.rows(); i++) {
            matrix.copyRow(i, row);
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    w.write(',');
                }
                w.write(NumberText.format(row[j]));
            }
            // LF on every system, so files written on Windows and on Linux are byte-identical
            w.write('\n');
        }
    }
}
