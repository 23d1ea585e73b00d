package org.expanderexplorer.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data behind a figure as CSV, with a header block saying what it shows: comment lines ({@code # model:
 * smnist-lstm128.zip}) before the table, which pandas ({@code comment='#'}), R ({@code comment.char='#'}) and
 * spreadsheets read as they are. Two layouts:
 *
 * <ul>
 *   <li>{@link Layout#LONG}: {@link FigureSpec#toCsv()}, one row per point and per reference line
 *       ({@code kind,name,axis,x,y}); for scripts.</li>
 *   <li>{@link Layout#WIDE}: one row per x value and one column per series, the reference lines listed in the
 *       header block; opens in a spreadsheet as a table ready to plot. Written with a UTF-8 byte-order mark, so
 *       spreadsheet programs read Δ and μ̂ as such.</li>
 * </ul>
 *
 * Values are written exactly as in the long layout ({@code %.10g} without trailing zeros); undefined values are
 * empty cells.
 */
public final class FigureCsv {

    /** How the table is laid out. */
    public enum Layout { LONG, WIDE }

    /** Byte-order mark that tells spreadsheet programs the file is UTF-8. */
    public static final String BOM = "\uFEFF";

    private FigureCsv() {
    }

    /** The version of this build (from the jar's manifest), or "development". */
    public static String version() {
        String v = FigureCsv.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * The CSV text of {@code spec} with a header block.
     *
     * @param header what produced the figure, in order (model, data set, graph, representation, method, q,
     *               seed, ...); null values are left out; the figure's title comes first and the version last
     */
    public static String of(FigureSpec spec, Map<String, ?> header, Layout layout) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(layout, "layout");
        StringBuilder sb = new StringBuilder(layout == Layout.WIDE ? BOM : "");
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("figure", spec.title());
        if (header != null) {
            h.putAll(header);
        }
        h.putIfAbsent("version", "Expander Explorer " + version());
        for (Map.Entry<String, Object> e : h.entrySet()) {
            if (e.getValue() != null) {
                sb.append("# ").append(e.getKey()).append(": ").append(oneLine(e.getValue())).append('\n');
            }
        }
        if (layout == Layout.LONG) {
            return sb.append(spec.toCsv()).toString();
        }
        for (FigureSpec.Marker m : spec.markers()) {
            sb.append("# line: ").append(m.label().isEmpty() ? "(unlabelled)" : oneLine(m.label())).append(" at ")
                    .append(m.vertical() ? "x = " : "y = ").append(FigureSpec.num(m.value()))
                    .append(m.vertical() || spec.rightLabel() == null ? "" : m.axis() == FigureSpec.Axis.RIGHT
                            ? " (right axis)" : " (left axis)").append('\n');
        }
        return sb.append(wide(spec)).toString();
    }

    private static String oneLine(Object v) {
        return v.toString().replace('\n', ' ').replace('\r', ' ');
    }

    /** The wide table: the x column named by the x axis, then one column per series. */
    static String wide(FigureSpec spec) {
        List<Double> xs = new ArrayList<>();
        Map<Double, Integer> row = new LinkedHashMap<>();
        for (FigureSpec.Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (row.putIfAbsent(s.xAt(i), xs.size()) == null) {
                    xs.add(s.xAt(i));
                }
            }
        }
        String[][] cells = new String[xs.size()][spec.series().size()];
        StringBuilder sb = new StringBuilder(FigureSpec.csv(spec.xLabel().isEmpty() ? "x" : spec.xLabel()));
        for (int c = 0; c < spec.series().size(); c++) {
            FigureSpec.Series s = spec.series().get(c);
            String axis = spec.rightLabel() == null ? "" : s.axis() == FigureSpec.Axis.RIGHT ? " [right axis]"
                    : " [left axis]";
            sb.append(',').append(FigureSpec.csv(s.name() + axis));
            for (int i = 0; i < s.size(); i++) {
                cells[row.get(s.xAt(i))][c] = FigureSpec.num(s.yAt(i));
            }
        }
        sb.append('\n');
        for (int r = 0; r < xs.size(); r++) {
            sb.append(FigureSpec.num(xs.get(r)));
            for (String cell : cells[r]) {
                sb.append(',').append(cell == null ? "" : cell);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
