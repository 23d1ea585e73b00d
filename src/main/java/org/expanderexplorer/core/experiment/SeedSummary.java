package org.expanderexplorer.core.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.expanderexplorer.core.report.SweepTable;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/**
 * The spread of a sweep over seeds, computed from each seed's table alone: per grid point, graph and representation
 * the {@link Spread} of accuracy, the gaps and the other measures; per seed the first zero crossing of each gap and
 * the stopping rule, as a single sweep finds them ({@link SweepTable#crossings}, {@link SweepResult}).
 *
 * <p>A grid point that only some seeds reach (a method that stops early) is summarised over those seeds. Immutable;
 * O(seeds x rows) per query.
 */
public final class SeedSummary {

    /** The gaps the crossings are reported for. */
    public enum Gap {
        DELTA_R("deltaR"),
        DELTA_S("deltaS");

        private final String id;

        Gap(String id) {
            this.id = id;
        }

        /** The name in files, as in {@code sweep.json}. */
        public String id() {
            return id;
        }
    }

    /**
     * The first crossing of one gap in one seed's sweep.
     *
     * @param seed            the seed
     * @param crossing        the crossing, or null when the gap stays positive over the seed's grid
     * @param accuracyAtGridQ the seed's accuracy at the crossing's grid point, or null
     */
    public record SeedCrossing(long seed, ZeroCrossing crossing, Double accuracyAtGridQ) {
    }

    /**
     * The stopping rule of one seed: the first q, going down, at which a monitored gap (unweighted Delta_R, weighted
     * Delta_S) is &lt;= 0.
     *
     * @param seed     the seed
     * @param crossing that first crossing, or null when every gap stays positive
     * @param graph    the graph that crossed first, or null
     * @param weighted its representation
     */
    public record SeedStop(long seed, ZeroCrossing crossing, String graph, boolean weighted) {
    }

    private final List<String> graphs;
    private final Map<Long, SweepTable> tables;

    /**
     * @param graphs the monitored graphs, in the sweep's order
     * @param tables each seed's table, in the seeds' order (not modified)
     */
    public SeedSummary(List<String> graphs, Map<Long, SweepTable> tables) {
        this.graphs = List.copyOf(graphs);
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tables, "tables")));
        if (this.tables.isEmpty()) {
            throw new IllegalArgumentException("no seed to summarise");
        }
    }

    /** The monitored graphs, in order. */
    public List<String> graphs() {
        return graphs;
    }

    /** The seeds, in order. */
    public List<Long> seeds() {
        return List.copyOf(tables.keySet());
    }

    /** Each seed's table. */
    public Map<Long, SweepTable> tables() {
        return tables;
    }

    /** Every q any seed measured, from 100 % down. */
    public List<Double> grid() {
        TreeSet<Double> qs = new TreeSet<>(Collections.reverseOrder());
        for (SweepTable t : tables.values()) {
            for (SweepTable.Row r : t.rows()) {
                qs.add(r.q());
            }
        }
        return List.copyOf(qs);
    }

    /** The representations measured for a graph: false (unweighted) before true (weighted). */
    public List<Boolean> representations(String graph) {
        List<Boolean> reps = new ArrayList<>();
        for (boolean weighted : new boolean[] {false, true}) {
            if (tables.values().stream().anyMatch(t -> !t.rows(graph, weighted).isEmpty())) {
                reps.add(weighted);
            }
        }
        return reps;
    }

    /** The rows of one graph and representation at q, one per seed that has it, in the seeds' order. */
    public List<SweepTable.Row> rowsAt(String graph, boolean weighted, double q) {
        List<SweepTable.Row> out = new ArrayList<>();
        for (SweepTable t : tables.values()) {
            for (SweepTable.Row r : t.rows(graph, weighted)) {
                if (r.q() == q) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** The spread of a quantity of one graph and representation at q over the seeds. */
    public Spread spread(String graph, boolean weighted, double q, Function<SweepTable.Row, Double> quantity) {
        List<Double> values = new ArrayList<>();
        for (SweepTable.Row r : rowsAt(graph, weighted, q)) {
            values.add(quantity.apply(r));
        }
        return Spread.of(values);
    }

    /** The spread at every grid point ({@link #grid()}). */
    public List<Spread> curve(String graph, boolean weighted, Function<SweepTable.Row, Double> quantity) {
        List<Spread> out = new ArrayList<>();
        for (double q : grid()) {
            out.add(spread(graph, weighted, q, quantity));
        }
        return out;
    }

    /** The first crossing of the mean curve of a gap (null when the mean stays positive). */
    public ZeroCrossing meanCrossing(String graph, boolean weighted, Gap gap) {
        List<Double> means = new ArrayList<>();
        for (Spread s : curve(graph, weighted, gap == Gap.DELTA_R ? SweepTable.Row::deltaR : SweepTable.Row::deltaS)) {
            means.add(s.mean());
        }
        return ZeroCrossing.first(grid(), means);
    }

    /** Each seed's first crossing of a gap (Delta_R exists for the unweighted representation only). */
    public List<SeedCrossing> crossings(String graph, boolean weighted, Gap gap) {
        List<SeedCrossing> out = new ArrayList<>();
        tables.forEach((seed, t) -> {
            SweepResult.Crossings c = t.crossings(graph, weighted);
            ZeroCrossing z = gap == Gap.DELTA_R ? c.deltaR() : c.deltaS();
            out.add(new SeedCrossing(seed, z, z == null ? null : accuracyAt(t, graph, weighted, z.gridQ())));
        });
        return out;
    }

    private static Double accuracyAt(SweepTable t, String graph, boolean weighted, double q) {
        for (SweepTable.Row r : t.rows(graph, weighted)) {
            if (r.q() == q) {
                return r.accuracy();
            }
        }
        return null;
    }

    /**
     * Each seed's stopping rule, found as a single sweep finds it: over the graphs in order, unweighted before
     * weighted, the crossing with the largest grid q (the first one met wins a tie).
     */
    public List<SeedStop> stops() {
        List<SeedStop> out = new ArrayList<>();
        tables.forEach((seed, t) -> {
            SeedStop stop = new SeedStop(seed, null, null, false);
            for (String g : graphs) {
                for (boolean weighted : new boolean[] {false, true}) {
                    if (t.rows(g, weighted).isEmpty()) {
                        continue;
                    }
                    SweepResult.Crossings c = t.crossings(g, weighted);
                    ZeroCrossing z = weighted ? c.deltaS() : c.deltaR();
                    if (z != null && (stop.crossing() == null || z.gridQ() > stop.crossing().gridQ())) {
                        stop = new SeedStop(seed, z, g, weighted);
                    }
                }
            }
            out.add(stop);
        });
        return out;
    }

    /** Each seed's accuracy at its first grid point (the dense model when the grid starts at 100 %), or null. */
    public List<Double> firstPointAccuracies() {
        List<Double> out = new ArrayList<>();
        for (SweepTable t : tables.values()) {
            out.add(t.rows().isEmpty() ? null : t.rows().get(0).accuracy());
        }
        return out;
    }
}
