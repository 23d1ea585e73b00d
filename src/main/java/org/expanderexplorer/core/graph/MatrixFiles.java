package org.expanderexplorer.core.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;

/**
 * Reads and writes weight matrices, choosing the format by the file name's extension: {@code .csv}
 * ({@link CsvMatrixFormat}) or {@code .mtx} ({@link MatrixMarketFormat}), in any case. Every problem, including a
 * missing file or an unwritable folder, is a {@link BadInputException} whose one-line message names the file.
 */
public final class MatrixFiles {

    /** The format of a matrix file. */
    public enum Format {
        CSV(".csv"), MATRIX_MARKET(".mtx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The extension with its dot, e.g. {@code .mtx}. */
        public String extension() {
            return extension;
        }
    }

    private MatrixFiles() {
    }

    /**
     * The format the file's extension names.
     *
     * @throws BadInputException if the extension is neither {@code .csv} nor {@code .mtx}
     */
    public static Format formatOf(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (n.endsWith(f.extension) && n.length() > f.extension.length()) {
                return f;
            }
        }
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "no extension" : "the extension '" + n.substring(dot) + "'";
        throw BadInputException.inFile(file, "unknown matrix file type (" + ext
                + "): use .csv (comma-separated) or .mtx (Matrix Market)");
    }

    /**
     * Reads a matrix from a {@code .csv} or {@code .mtx} file.
     *
     * @throws BadInputException for an unknown extension, an unreadable or malformed file
     */
    public static WeightMatrix read(Path file) {
        Format format = formatOf(file);
        InputFiles.requireRegular(file, "a matrix");
        return switch (format) {
            case CSV -> CsvMatrixFormat.read(file);
            case MATRIX_MARKET -> MatrixMarketFormat.read(file);
        };
    }

    /** Writes a matrix atomically to a {@code .csv} or {@code .mtx} file, without comments. */
    public static void write(Path file, WeightMatrix matrix) {
        write(file, matrix, List.of());
    }

    /**
     * Writes a matrix atomically to a {@code .csv} or {@code .mtx} file.
     *
     * @param comments comment lines for the Matrix Market header (e.g. the generator and its seed); CSV files
     *                 have no place for comments, so they are not written there
     * @throws BadInputException for an unknown extension or a file that cannot be written
     */
    public static void write(Path file, WeightMatrix matrix, List<String> comments) {
        switch (formatOf(file)) {
            case CSV -> CsvMatrixFormat.write(file, matrix);
            case MATRIX_MARKET -> MatrixMarketFormat.write(file, matrix, comments);
            default -> throw new AssertionError();
        }
    }
}
