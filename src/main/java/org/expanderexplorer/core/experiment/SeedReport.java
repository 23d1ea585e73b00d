package org.expanderexplorer.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.io.NumberText;
import org.expanderexplorer.core.report.FigureFiles;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.report.SweepReport;
import org.expanderexplorer.core.report.SweepTable;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/**
 * Writes the folder of a multi-seed sweep from the plan and each seed's table, nothing else, so that an unsharded
 * run and a merge of its shards write the same bytes (apart from the timings and the creation time):
 *
 * <pre>
 *   seeds/seed-S.csv      each seed's sweep, in the sweep.csv layout ({@link SweepTable})
 *   summary.csv           per q, graph and representation: the spread over the seeds ({@value #SUMMARY_HEADER})
 *   crossings.csv         per graph, representation, gap and seed: the first zero crossing ({@value #CROSSINGS_HEADER})
 *   sweep.json            the plan's run keys, the seeds, the dense accuracy, crossings and stopping rule per seed
 *                         with their spread, timings, provenance
 *   figures/G-R.png|svg   the paper's figure with the means and a min-max band ({@link SeedFigures})
 * </pre>
 *
 * <p>The tables are written first and read back, and everything else is computed from what was read: the values
 * then pass through their text form ({@link NumberText}) on both paths.
 */
public final class SeedReport {

    /** Version of this folder's layout. */
    public static final int FORMAT_VERSION = 1;

    /** The quantities summarised in {@code summary.csv}, in column order. */
    private static final Map<String, Function<SweepTable.Row, Double>> QUANTITIES = quantities();

    /** The columns of {@code summary.csv}. */
    public static final String SUMMARY_HEADER = "q,graph,weighted,seeds,accuracyMean,accuracySd,accuracyMin,"
            + "accuracyMax,deltaSMean,deltaSSd,deltaSMin,deltaSMax,deltaRMean,deltaRSd,deltaRMin,deltaRMax,muHatMean,"
            + "muHatSd,muHatMin,muHatMax,cheegerLowerMean,cheegerLowerSd,cheegerLowerMin,cheegerLowerMax,isolatedMean,"
            + "isolatedSd,isolatedMin,isolatedMax,actualQMean,actualQSd,actualQMin,actualQMax,noiseSnrDb";

    /** The columns of {@code crossings.csv}. */
    public static final String CROSSINGS_HEADER = "graph,weighted,gap,seed,gridQ,interpolatedQ,lastPositiveQ,"
            + "accuracyAtGridQ,noiseSnrDb,noiseSeed";

    private SeedReport() {
    }

    private static Map<String, Function<SweepTable.Row, Double>> quantities() {
        Map<String, Function<SweepTable.Row, Double>> m = new LinkedHashMap<>();
        m.put("accuracy", SweepTable.Row::accuracy);
        m.put("deltaS", SweepTable.Row::deltaS);
        m.put("deltaR", SweepTable.Row::deltaR);
        m.put("muHat", SweepTable.Row::muHat);
        m.put("cheegerLower", SweepTable.Row::cheegerLower);
        m.put("isolated", r -> (double) (r.isolatedLeft() + r.isolatedRight()));
        m.put("actualQ", SweepTable.Row::actualQ);
        return m;
    }

    /** The file of one seed's table inside a run or shard folder. */
    public static Path seedFile(Path dir, long seed) {
        return dir.resolve("seeds").resolve("seed-" + seed + ".csv");
    }

    /**
     * Writes the folder.
     *
     * @param plan      the plan ({@code title}, {@code run} with its {@code provenance} but no {@code createdAt},
     *                  {@code schedule}, {@code seeds}, {@code grid}, {@code graphs}, ...), as the sweep command
     *                  makes it; see {@link SeedShards#planOf}
     * @param tables    each seed's table, in the plan's seed order
     * @param timings   what the runs took (written as given)
     * @param createdAt when the run started (ISO-8601), for the provenance
     * @param formats   figure formats ({@code png}, {@code svg})
     * @param scale     PNG pixel density
     * @return the summary, for the caller's report on stdout
     */
    public static SeedSummary write(Path dir, JsonNode plan, Map<Long, SweepTable> tables, Map<String, Object> timings,
                                    String createdAt, List<String> formats, double scale) throws IOException {
        Objects.requireNonNull(plan, "plan");
        Files.createDirectories(dir.resolve("seeds"));
        Map<Long, SweepTable> read = new LinkedHashMap<>();
        for (Map.Entry<Long, SweepTable> e : tables.entrySet()) {
            Path file = seedFile(dir, e.getKey());
            e.getValue().write(file);
            read.put(e.getKey(), SweepTable.read(file));
        }
        List<String> graphs = new ArrayList<>();
        plan.path("graphs").forEach(g -> graphs.add(g.asText()));
        SeedSummary summary = new SeedSummary(graphs, read);
        Double snr = plan.path("run").path("noise").path("snrDb").isNumber()
                ? plan.path("run").path("noise").path("snrDb").asDouble() : null;
        JsonNode noiseSeed = plan.path("run").path("noise").path("seed");
        text(dir.resolve("summary.csv"), summaryCsv(summary, snr));
        text(dir.resolve("crossings.csv"), crossingsCsv(summary, snr, noiseSeed.isNumber() ? noiseSeed.asLong()
                : null));
        Json.writeFile(dir.resolve("sweep.json"), json(plan, summary, timings, createdAt));
        if (!formats.isEmpty()) {
            Path figures = Files.createDirectories(dir.resolve("figures"));
            String title = plan.path("title").asText() + "; mean of " + summary.seeds().size()
                    + " seeds, band min-max";
            for (String g : graphs) {
                for (boolean weighted : summary.representations(g)) {
                    FigureSpec spec = SeedFigures.sweep(summary, g, weighted,
                            SweepReport.figureTitle(title, g, weighted));
                    for (String f : formats) {
                        FigureFiles.write(figures.resolve(SweepReport.figureName(g, weighted) + "." + f), spec,
                                FigureStyle.LIGHT, FigureFiles.WIDTH, FigureFiles.HEIGHT, scale);
                    }
                }
            }
        }
        return summary;
    }

    private static void text(Path file, String content) throws IOException {
        AtomicFiles.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    static String summaryCsv(SeedSummary s, Double snr) {
        StringBuilder sb = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (double q : s.grid()) {
            for (String g : s.graphs()) {
                for (boolean weighted : s.representations(g)) {
                    int seeds = s.rowsAt(g, weighted, q).size();
                    if (seeds == 0) {
                        continue;
                    }
                    sb.append(num(q)).append(',').append(g).append(',').append(weighted).append(',').append(seeds);
                    for (Function<SweepTable.Row, Double> quantity : QUANTITIES.values()) {
                        Spread sp = s.spread(g, weighted, q, quantity);
                        sb.append(',').append(num(sp.mean())).append(',').append(num(sp.sd())).append(',')
                                .append(num(sp.min())).append(',').append(num(sp.max()));
                    }
                    sb.append(',').append(num(snr)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String crossingsCsv(SeedSummary s, Double snr, Long fixedNoiseSeed) {
        StringBuilder sb = new StringBuilder(CROSSINGS_HEADER).append('\n');
        for (String g : s.graphs()) {
            for (boolean weighted : s.representations(g)) {
                for (SeedSummary.Gap gap : SeedSummary.Gap.values()) {
                    if (weighted && gap == SeedSummary.Gap.DELTA_R) {
                        continue;
                    }
                    for (SeedSummary.SeedCrossing c : s.crossings(g, weighted, gap)) {
                        ZeroCrossing z = c.crossing();
                        sb.append(g).append(',').append(weighted).append(',').append(gap.id()).append(',')
                                .append(c.seed()).append(',').append(z == null ? "" : num(z.gridQ())).append(',')
                                .append(z == null ? "" : num(z.interpolated())).append(',')
                                .append(z == null ? "" : num(z.lastPositiveQ())).append(',')
                                .append(num(c.accuracyAtGridQ())).append(',').append(num(snr)).append(',')
                                .append(snr == null ? "" : fixedNoiseSeed != null ? fixedNoiseSeed : c.seed())
                                .append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "" : NumberText.format(v);
    }

    static Map<String, Object> json(JsonNode plan, SeedSummary s, Map<String, Object> timings, String createdAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", "multi-seed sweep");
        m.put("title", plan.path("title").asText());
        JsonNode run = plan.path("run");
        for (Iterator<Map.Entry<String, JsonNode>> it = run.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("provenance")) {
                m.put(e.getKey(), e.getValue());
            }
        }
        m.put("schedule", plan.path("schedule"));
        m.put("seeds", s.seeds());
        m.put("spread", "per seed, and over the seeds: n (seeds defining the value), mean, sd (sample standard "
                + "deviation, divisor n - 1), min, max; figures draw the mean and a min-max band");
        m.put("grid", s.grid());
        m.put("graphs", s.graphs());
        Map<String, Object> dense = new LinkedHashMap<>();
        dense.put("q", s.grid().get(0));
        dense.put("perSeed", s.firstPointAccuracies());
        dense.put("spread", Spread.of(s.firstPointAccuracies()));
        m.put("firstPointAccuracy", dense);
        Map<String, Object> crossings = new LinkedHashMap<>();
        for (String g : s.graphs()) {
            Map<String, Object> perRep = new LinkedHashMap<>();
            for (boolean weighted : s.representations(g)) {
                Map<String, Object> gaps = new LinkedHashMap<>();
                for (SeedSummary.Gap gap : SeedSummary.Gap.values()) {
                    if (!(weighted && gap == SeedSummary.Gap.DELTA_R)) {
                        gaps.put(gap.id(), crossingJson(s, g, weighted, gap));
                    }
                }
                perRep.put(weighted ? "weighted" : "unweighted", gaps);
            }
            crossings.put(g, perRep);
        }
        m.put("firstZeroCrossing", crossings);
        List<Object> stops = new ArrayList<>();
        List<Double> stopQ = new ArrayList<>();
        for (SeedSummary.SeedStop st : s.stops()) {
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("seed", st.seed());
            stop.put("firstNonPositiveQ", st.crossing() == null ? null : st.crossing().gridQ());
            stop.put("recommendedQ", st.crossing() == null ? null : st.crossing().lastPositiveQ());
            stop.put("graph", st.graph());
            stop.put("representation", st.graph() == null ? null : st.weighted() ? "weighted" : "unweighted");
            stop.put("gap", st.graph() == null ? null : st.weighted() ? "deltaS" : "deltaR");
            stops.add(stop);
            stopQ.add(st.crossing() == null ? null : st.crossing().gridQ());
        }
        Map<String, Object> stopping = new LinkedHashMap<>();
        stopping.put("perSeed", stops);
        stopping.put("firstNonPositiveQ", Spread.of(stopQ));
        stopping.put("rule", "per seed: the first q, going down, at which a monitored gap (unweighted Delta_R, "
                + "weighted Delta_S) is <= 0; recommendedQ is the grid point before it");
        m.put("stoppingRule", stopping);
        m.put("timings", timings);
        ObjectNode provenance = run.path("provenance").isObject() ? ((ObjectNode) run.get("provenance")).deepCopy()
                : Json.tree(Map.of());
        provenance.put("createdAt", createdAt);
        m.put("provenance", provenance);
        return m;
    }

    private static Map<String, Object> crossingJson(SeedSummary s, String g, boolean weighted, SeedSummary.Gap gap) {
        List<Object> perSeed = new ArrayList<>();
        List<Double> grid = new ArrayList<>();
        List<Double> interpolated = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (SeedSummary.SeedCrossing c : s.crossings(g, weighted, gap)) {
            Map<String, Object> one = new LinkedHashMap<>();
            ZeroCrossing z = c.crossing();
            one.put("seed", c.seed());
            one.put("gridQ", z == null ? null : z.gridQ());
            one.put("interpolatedQ", z == null ? null : z.interpolated());
            one.put("lastPositiveQ", z == null ? null : z.lastPositiveQ());
            one.put("accuracyAtGridQ", c.accuracyAtGridQ());
            perSeed.add(one);
            grid.add(z == null ? null : z.gridQ());
            interpolated.add(z == null ? null : z.interpolated());
            accuracy.add(c.accuracyAtGridQ());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("perSeed", perSeed);
        m.put("gridQ", Spread.of(grid));
        m.put("interpolatedQ", Spread.of(interpolated));
        m.put("accuracyAtGridQ", Spread.of(accuracy));
        ZeroCrossing mean = s.meanCrossing(g, weighted, gap);
        Map<String, Object> meanCurve = new LinkedHashMap<>();
        meanCurve.put("gridQ", mean == null ? null : mean.gridQ());
        meanCurve.put("interpolatedQ", mean == null ? null : mean.interpolated());
        m.put("meanCurve", meanCurve);
        return m;
    }
}
