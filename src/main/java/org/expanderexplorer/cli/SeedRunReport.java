package org.expanderexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.expanderexplorer.core.experiment.SeedSummary;
import org.expanderexplorer.core.experiment.Spread;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/** The stdout report of a multi-seed sweep or a merge: the spread of the first accuracy and of each crossing. */
final class SeedRunReport {

    private SeedRunReport() {
    }

    static void print(PrintWriter out, SeedSummary s, JsonNode plan, double seconds, Path dir) {
        int n = s.seeds().size();
        out.printf(Locale.ROOT, "%s: %d seed(s) %s%n", plan.path("title").asText(), n, s.seeds());
        Spread first = Spread.of(s.firstPointAccuracies());
        if (first.n() > 0) {
            out.printf(Locale.ROOT, "accuracy at q = %s %%: %s%n", PruneCommand.trim(s.grid().get(0)),
                    spread(first, 100, "%.2f %%"));
        }
        out.println("first zero crossings over the seeds (grid q: mean +- sd [min, max]; seeds that cross):");
        out.printf(Locale.ROOT, "  %-10s %-12s %-6s %-36s %s%n", "graph", "graph type", "gap", "grid q", "crossed");
        for (String g : s.graphs()) {
            for (boolean weighted : s.representations(g)) {
                for (SeedSummary.Gap gap : SeedSummary.Gap.values()) {
                    if (weighted && gap == SeedSummary.Gap.DELTA_R) {
                        continue;
                    }
                    List<SeedSummary.SeedCrossing> cs = s.crossings(g, weighted, gap);
                    Spread grid = Spread.of(cs.stream().map(c -> c.crossing() == null ? null
                            : c.crossing().gridQ()).toList());
                    out.printf(Locale.ROOT, "  %-10s %-12s %-6s %-36s %d of %d%n", g,
                            weighted ? "weighted" : "unweighted", gap.id(), grid.n() == 0 ? "-" : spread(grid, 1,
                            "%.3g %%"), grid.n(), n);
                }
            }
        }
        for (SeedSummary.SeedStop st : s.stops()) {
            ZeroCrossing z = st.crossing();
            out.printf(Locale.ROOT, "stopping rule, seed %d: %s%n", st.seed(), z == null ? "every monitored gap stays "
                    + "positive" : String.format(Locale.ROOT, "%s of %s (%s) <= 0 first at q = %s %%, recommended "
                    + "q = %s", st.weighted() ? "deltaS" : "deltaR", st.graph(), st.weighted() ? "weighted"
                    : "unweighted", PruneCommand.trim(z.gridQ()), z.lastPositiveQ() == null ? "none"
                    : PruneCommand.trim(z.lastPositiveQ()) + " %"));
        }
        out.printf(Locale.ROOT, "time: %.1f s%n", seconds);
        out.println("wrote " + dir.resolve("summary.csv") + ", " + dir.resolve("crossings.csv") + ", "
                + dir.resolve("sweep.json") + ", " + dir.resolve("seeds") + " and " + dir.resolve("figures"));
        out.flush();
    }

    /** E.g. {@code 97.40 % +- 0.12 [97.28 %, 97.52 %]}. */
    static String spread(Spread s, double scale, String format) {
        String mean = String.format(Locale.ROOT, format, scale * s.mean());
        String sd = s.sd() == null ? "" : String.format(Locale.ROOT, " +- %.3g", scale * s.sd());
        return mean + sd + " [" + String.format(Locale.ROOT, format, scale * s.min()) + ", "
                + String.format(Locale.ROOT, format, scale * s.max()) + "]";
    }
}
