package org.expanderexplorer.core.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.NumberText;
import org.expanderexplorer.core.spectral.GapVariants;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/**
 * A sweep as a table: one row per (q, graph, representation), the content of {@code sweep.csv}. Written from a
 * {@link SweepResult} and read back (e.g. to draw a figure again without recomputing anything). Numbers are
 * written in their shortest exact form ({@link NumberText}), so a read table holds exactly the values written;
 * undefined values are empty cells.
 *
 * <p>Columns, in this order: {@value #HEADER}. {@code q} is the grid value asked for and {@code actualQ} the
 * percentage kept over the pruned matrices; {@code accuracy} is a fraction in [0, 1] (empty when not measured);
 * the gaps are science.md's Delta_S and Delta_R (Delta_R empty for the weighted representation); the Cheeger
 * columns are the best lower and upper bounds on the edge expansion. {@code graphQ} is the percentage of the
 * graph's own dense entries kept (for the ramanujan method, which prunes the matrices to different q, the per-matrix
 * q; for a unit graph, the share of (source, unit) pairs some gate keeps); the last five are the labelled
 * {@link org.expanderexplorer.core.spectral.GapVariants} of other implementations.
 *
 * @param rows the rows, grid order (q from 100 % down), graphs and representations in the sweep's order
 */
public record SweepTable(List<Row> rows) {

    /** The CSV header. */
    public static final String HEADER = "q,graph,weighted,accuracy,deltaS,deltaR,mu0,muHat,fiedler,cheegerLower,"
            + "cheegerUpper,edges,isolatedLeft,isolatedRight,actualQ,weightedGap,left,right,avgDegreeLeft,"
            + "avgDegreeRight,components,lowDegree,graphQ,deltaROverMuHat,deltaSOverMuHat,deltaREdgeDegrees,"
            + "deltaRIsolatedKept,lowDegreeEitherSide";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** One graph in one representation at one q. Null where undefined. */
    public record Row(double q, String graph, boolean weighted, Double accuracy, Double deltaS, Double deltaR,
                      Double mu0, Double muHat, Double fiedler, Double cheegerLower, Double cheegerUpper,
                      int edges, int isolatedLeft, int isolatedRight, double actualQ, Double weightedGap, int left,
                      int right, Double avgDegreeLeft, Double avgDegreeRight, int components, boolean lowDegree,
                      Double graphQ, Double deltaROverMuHat, Double deltaSOverMuHat, Double deltaREdgeDegrees,
                      Double deltaRIsolatedKept, boolean lowDegreeEitherSide) {
        public Row {
            Objects.requireNonNull(graph, "graph");
        }
    }

    public SweepTable {
        rows = List.copyOf(rows);
    }

    /** The table of a finished sweep. */
    public static SweepTable of(SweepResult result) {
        List<Row> rows = new ArrayList<>();
        for (SweepPoint p : result.points()) {
            for (GraphId g : result.config().graphs()) {
                for (Representation rep : Representation.values()) {
                    LayerAnalysisResult r = p.result(g, rep);
                    if (r == null) {
                        continue;
                    }
                    GapVariants v = r.gapVariants();
                    rows.add(new Row(p.keepPercent(), g.id(), rep == Representation.WEIGHTED, p.accuracy(),
                            r.deltaS(), r.deltaR(), r.mu0(), r.muHat(), r.fiedler(), r.cheegerLower(),
                            r.cheegerUpper(), r.edges(), r.isolatedLeft(), r.isolatedRight(), p.actualPercent(),
                            r.weightedGap(), r.left(), r.right(), r.avgDegreeLeft(), r.avgDegreeRight(),
                            r.components(), r.lowDegree(), graphQ(r), v.deltaROverMuHat(), v.deltaSOverMuHat(),
                            v.deltaREdgeDegrees(), v.deltaRIsolatedKept(), v.lowDegreeEitherSide()));
                }
            }
        }
        return new SweepTable(rows);
    }

    /** Kept entries as a percentage of all entries of the graph's matrix, isolated rows and columns included. */
    static Double graphQ(LayerAnalysisResult r) {
        long entries = (long) (r.left() + r.isolatedLeft()) * (r.right() + r.isolatedRight());
        return entries == 0 ? null : 100.0 * r.edges() / entries;
    }

    /** The graph ids present, in order of first appearance. */
    public List<String> graphs() {
        Set<String> ids = new LinkedHashSet<>();
        for (Row r : rows) {
            ids.add(r.graph());
        }
        return List.copyOf(ids);
    }

    /** The rows of one graph in one representation, in grid order. */
    public List<Row> rows(String graph, boolean weighted) {
        return rows.stream().filter(r -> r.graph().equals(graph) && r.weighted() == weighted).toList();
    }

    /** The first zero crossings of Delta_S and Delta_R of one graph, recomputed from the rows. */
    public SweepResult.Crossings crossings(String graph, boolean weighted) {
        List<Row> rs = rows(graph, weighted);
        List<Double> q = rs.stream().map(Row::q).toList();
        List<Double> ds = new ArrayList<>();
        List<Double> dr = new ArrayList<>();
        for (Row r : rs) {
            ds.add(r.deltaS());
            dr.add(r.deltaR());
        }
        return new SweepResult.Crossings(weighted ? null : ZeroCrossing.first(q, dr), ZeroCrossing.first(q, ds));
    }

    /** The table as CSV text (header and one line per row, '\n' line ends). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(num(r.q())).append(',').append(r.graph()).append(',').append(r.weighted()).append(',')
                    .append(num(r.accuracy())).append(',').append(num(r.deltaS())).append(',')
                    .append(num(r.deltaR())).append(',').append(num(r.mu0())).append(',').append(num(r.muHat()))
                    .append(',').append(num(r.fiedler())).append(',').append(num(r.cheegerLower())).append(',')
                    .append(num(r.cheegerUpper())).append(',').append(r.edges()).append(',')
                    .append(r.isolatedLeft()).append(',').append(r.isolatedRight()).append(',')
                    .append(num(r.actualQ())).append(',').append(num(r.weightedGap())).append(',')
                    .append(r.left()).append(',').append(r.right()).append(',').append(num(r.avgDegreeLeft()))
                    .append(',').append(num(r.avgDegreeRight())).append(',').append(r.components()).append(',')
                    .append(r.lowDegree()).append(',').append(num(r.graphQ())).append(',')
                    .append(num(r.deltaROverMuHat())).append(',').append(num(r.deltaSOverMuHat())).append(',')
                    .append(num(r.deltaREdgeDegrees())).append(',').append(num(r.deltaRIsolatedKept())).append(',')
                    .append(r.lowDegreeEitherSide()).append('\n');
        }
        return sb.toString();
    }

    /** Writes the CSV atomically. */
    public void write(Path file) throws IOException {
        String csv = toCsv();
        AtomicFiles.write(file, out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static String num(Double v) {
        // Undefined is an empty cell, not "NaN" or "null": spreadsheets and pandas read an empty cell as missing,
        // and the shortest round-trip text keeps every digit the engine computed.
        return v == null || !Double.isFinite(v) ? "" : NumberText.format(v);
    }

    /** Most rows read: {@link org.expanderexplorer.core.pruning.PruningSchedule#MAX_POINTS} x 60 graphs x 2. */
    static final int MAX_ROWS = 120_000;

    /**
     * Reads a {@code sweep.csv}. The header must hold at least the columns up to {@code isolatedRight} (the ones
     * every version writes); later columns are read when present. Comment lines starting with {@code #} before the
     * header (a header block as the figure CSVs carry, or notes added by hand), blank lines and a UTF-8 byte-order
     * mark (a spreadsheet's save) are skipped.
     *
     * @throws BadInputException naming the file and line for a missing column, a short row or a bad number
     */
    public static SweepTable read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<Row> rows = new ArrayList<>();
        InputFiles.requireRegular(file, "a sweep CSV");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long line = 0;
            String header;
            do {
                header = in.readLine();
                line++;
                if (header != null && line == 1 && header.startsWith(FigureCsv.BOM)) {
                    header = header.substring(1);
                }
            } while (header != null && (header.isBlank() || header.startsWith("#")));
            if (header == null) {
                throw BadInputException.inFile(file, "is empty; expected a sweep CSV with the header " + HEADER);
            }
            long headerLine = line;
            List<String> names = List.of(header.strip().split(",", -1));
            int[] at = new int[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                // Columns are found by name, not position: a CSV from an older version (fewer columns) or one reordered
                // in a spreadsheet still reads, and only the columns every version wrote are required.
                at[c] = names.indexOf(COLUMNS.get(c));
                if (at[c] < 0 && c <= COLUMNS.indexOf("isolatedRight")) {
                    throw BadInputException.atLine(file, headerLine, "missing column '" + COLUMNS.get(c)
                            + "'; not a sweep CSV (expected the header " + HEADER + ")");
                }
            }
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != names.size()) {
                    throw BadInputException.atLine(file, line, cells.length + " cells, the header has "
                            + names.size());
                }
                Row row = parseRow(file, line, cells, at);
                if (!(row.q() > 0 && row.q() <= 100)) {
                    throw BadInputException.atLine(file, line, "q = " + row.q() + " is not in (0, 100]");
                }
                if (rows.size() >= MAX_ROWS) {
                    throw BadInputException.atLine(file, line, "more than " + MAX_ROWS + " rows (1000 grid points "
                            + "of 60 graphs in two representations)");
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw BadInputException.inFile(file, "is not a text file (not UTF-8); expected a sweep CSV");
        }
        if (rows.isEmpty()) {
            throw BadInputException.inFile(file, "has a header but no rows");
        }
        return new SweepTable(rows);
    }

    private static Row parseRow(Path file, long line, String[] cells, int[] at) {
        Cells c = new Cells(file, line, cells, at);
        if (c.text(1).isEmpty()) {
            throw BadInputException.atLine(file, line, "column graph is empty");
        }
        return new Row(c.req(0), c.text(1), c.bool(2), c.opt(3), c.opt(4), c.opt(5), c.opt(6), c.opt(7), c.opt(8),
                c.opt(9), c.opt(10), c.integer(11), c.integer(12), c.integer(13),
                // An older CSV has no actualQ column; the asked q stands in for it there (they differ only for
                // expansion-preserving pruning).
                at[14] < 0 ? c.req(0) : c.req(14), c.opt(15), c.integer(16), c.integer(17), c.opt(18), c.opt(19),
                c.integer(20), c.bool(21), c.opt(22), c.opt(23), c.opt(24), c.opt(25), c.opt(26), c.bool(27));
    }

    /** Typed access to one CSV line's cells by column number of {@link #COLUMNS}. */
    private record Cells(Path file, long line, String[] cells, int[] at) {
        String text(int c) {
            return at[c] < 0 ? "" : cells[at[c]].strip();
        }

        Double opt(int c) {
            String t = text(c);
            if (t.isEmpty()) {
                return null;
            }
            try {
                return NumberText.parse(t);
            } catch (NumberFormatException e) {
                throw BadInputException.atLine(file, line, "column " + COLUMNS.get(c) + ": " + e.getMessage());
            }
        }

        double req(int c) {
            Double v = opt(c);
            if (v == null) {
                throw BadInputException.atLine(file, line, "column " + COLUMNS.get(c) + " is empty");
            }
            return v;
        }

        int integer(int c) {
            if (at[c] < 0) {
                return 0;
            }
            double v = req(c);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw BadInputException.atLine(file, line, "column " + COLUMNS.get(c) + ": '" + text(c)
                        + "' is not a whole number");
            }
            return (int) v;
        }

        boolean bool(int c) {
            String t = text(c).toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return t.equals("true");
            }
            if (at[c] < 0) {
                return false;
            }
            throw BadInputException.atLine(file, line, "column " + COLUMNS.get(c) + ": '" + text(c)
                    + "' is not true or false");
        }
    }
}
