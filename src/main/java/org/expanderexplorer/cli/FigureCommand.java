package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureFiles;
import org.expanderexplorer.core.report.FigureSize;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.report.Figures;
import org.expanderexplorer.core.report.SweepReport;
import org.expanderexplorer.core.report.SweepTable;
import org.expanderexplorer.core.sweep.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code figure}: redraws the paper's figure of one graph from a sweep's CSV (and its sweep.json, if beside it). */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Draw the sweep figure of one graph from a sweep.csv: accuracy (left axis), Delta_S and "
            + "Delta_R (right axis) against q, dashed lines at the first zero crossings. Crossings and title come "
            + "from the sweep.json beside the CSV when there is one, else they are recomputed from the CSV."})
final class FigureCommand extends CliCommand {

    /**
     * PNG resolution of the figures, here and in {@code sweep}: 144 dpi is 1.5 x the 96 dpi of the logical size.
     * (Kept with {@link #scale}, which {@code sweep} uses too, so that the two commands do not depend on each
     * other.)
     */
    static final int DEFAULT_DPI = 144;

    @Option(names = "--sweep", required = true, description = "The sweep.csv written by 'sweep'.")
    Path sweep;

    @Option(names = "--graph", required = true, description = "Graph id: ih, hh, step, ih.f, ...")
    String graph;

    @Option(names = "--weighted", description = "The weighted representation (Delta_S of |W|).")
    boolean weighted;

    @Option(names = "--out", required = true, description = "Figure to write: a name ending in .svg or .png.")
    Path out;

    @Option(names = "--size", paramLabel = "SIZE",
            description = {"Printed size: one-column (8.5 x 6.4 cm), two-column (17.8 x 8.9 cm), slide (16:9, "
                + "13.33 x 7.5 in), or WIDTHxHEIGHT with a unit: 12x8cm, 120x80mm, 3.5x2.5in, 1600x900px. The text "
                + "is sized for print (about 8-11 pt); the PNG records its resolution, the SVG is in points. "
                + "Without --size: 800 x 500 at the screen's text size."})
    String size;

    @Option(names = "--no-title", description = "Leave the title out (a journal figure's title goes in its caption).")
    boolean noTitle;

    @Option(names = "--dpi", paramLabel = "DPI",
            description = {"PNG resolution in dots per inch. Without --size: 96 = 800 x 500 pixels (default "
                + DEFAULT_DPI + "); with --size: default 600 for the journal sizes, 144 for a slide, "
                + "300 for a size in units."})
    Integer dpi;

    /** PNG scale of a resolution in dots per inch (96 dpi = scale 1). */
    static double scale(int dpi) {
        if (dpi < 48 || dpi > 768) {
            throw new BadInputException("--dpi must be between 48 and 768, got " + dpi);
        }
        return dpi / 96.0;
    }

    private FigureSize printedSize() {
        try {
            return FigureSize.parse(size, dpi);
        } catch (BadInputException e) {
            throw new BadInputException("--size " + size + (dpi == null ? "" : " --dpi " + dpi) + ": "
                    + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = out();
        FigureSize printed = size == null ? null : printedSize();
        double scale = scale(dpi == null ? DEFAULT_DPI : dpi);
        String format = FigureFiles.formatOf(out);
        if (format.equals("csv")) {
            throw BadInputException.inFile(out, "the figure is drawn as .svg or .png (the data is the sweep CSV)");
        }
        TrainCommand.checkOutput(out);
        SweepTable table = SweepTable.read(sweep);
        String id = graph.strip().toLowerCase(java.util.Locale.ROOT);
        List<SweepTable.Row> rows = table.rows(id, weighted);
        if (rows.isEmpty()) {
            throw BadInputException.inFile(sweep, "has no rows for graph '" + id + "' (" + (weighted ? "weighted"
                    : "unweighted") + "); graphs in the file: " + String.join(", ", table.graphs()));
        }
        Path json = sweep.toAbsolutePath().resolveSibling("sweep.json");
        String title;
        SweepResult.Crossings crossings;
        String source;
        if (Files.isRegularFile(json)) {
            SweepReport.Stored stored = SweepReport.readStored(json, id);
            title = stored.title();
            crossings = weighted ? stored.weighted() : stored.unweighted();
            source = "crossings from " + json.getFileName();
            if (crossings == null) {
                crossings = table.crossings(id, weighted);
                source = "crossings recomputed from the CSV";
            }
        } else {
            title = sweep.getFileName().toString();
            crossings = table.crossings(id, weighted);
            source = "crossings recomputed from the CSV (no sweep.json beside it)";
        }
        double[] q = new double[rows.size()];
        double[] acc = new double[rows.size()];
        double[] ds = new double[rows.size()];
        double[] dr = new double[rows.size()];
        for (int i = 0; i < q.length; i++) {
            SweepTable.Row r = rows.get(i);
            q[i] = r.q();
            acc[i] = r.accuracy() == null ? Double.NaN : 100 * r.accuracy();
            ds[i] = r.deltaS() == null ? Double.NaN : r.deltaS();
            dr[i] = r.deltaR() == null ? Double.NaN : r.deltaR();
        }
        Representation rep = Representation.of(weighted);
        FigureSpec fig = Figures.sweep(SweepReport.figureTitle(title, id, weighted), rep, q, acc, ds,
                weighted ? null : dr, crossings.deltaS(), crossings.deltaR());
        if (noTitle) {
            fig = fig.withoutTitle();
        }
        String what = "";
        if (printed == null) {
            FigureFiles.write(out, fig, FigureStyle.LIGHT, FigureFiles.WIDTH, FigureFiles.HEIGHT, scale);
        } else {
            FigureFiles.write(out, fig, FigureStyle.LIGHT, printed);
            what = "; " + printed + (format.equals("png") ? ", " + printed.pixelWidth() + " x "
                    + printed.pixelHeight() + " pixels" : "");
        }
        stdout.println("wrote " + out + " (" + rows.size() + " points; " + source + what + ")");
        stdout.flush();
        return 0;
    }
}
