package org.expanderexplorer.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.io.InputFiles;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/**
 * Writes a finished sweep to a folder: {@code sweep.csv} ({@link SweepTable}), {@code sweep.json} (run metadata,
 * first zero crossings, stopping rule) and {@code figures/<graph>-<representation>.png|.svg} (the paper's figure,
 * {@link Figures#sweep}), each file atomically. Also reads {@code sweep.json} back for the crossings and the
 * title of a figure redrawn from the CSV.
 *
 * <p>Crossings in the JSON: {@code gridQ} is the first grid q at which the gap is &lt;= 0 (or undefined),
 * {@code interpolatedQ} the q where the straight line between that grid point and the previous one meets zero
 * (null when either value is undefined or the crossing is at the first point), {@code lastPositiveQ} the grid
 * point before. Figures draw the interpolated q when there is one, else the grid q. Added at the end (format
 * version 1 still): {@code blockQ}, per point the percentage each pruned matrix (and, per gate, each gate slice)
 * keeps; for the ramanujan method {@code monitoredGap}, {@code lowestReachableQ} per point and {@code reach}
 * (where the sweep stopped, or null).
 */
public final class SweepReport {

    /** Version of the {@code sweep.json} layout. */
    public static final int FORMAT_VERSION = 1;

    /** Largest sweep.json read (one with 10,000 grid points and 30 graphs is about 30 MB). */
    static final long MAX_STORED_BYTES = 64L << 20;
    /** Longest title read back: one line above a figure. */
    public static final int MAX_TITLE = 300;
    /** Deepest nesting read back: the file nests 5 levels, far below Jackson's default of 1,000. */
    private static final int MAX_DEPTH = 64;

    /**
     * What a sweep was run on, for {@code sweep.json} and the figure titles.
     *
     * @param title       title prefix, e.g. {@code smnist-lstm128 on mnist-test, one-shot magnitude}
     * @param run         free-form metadata (model file, SHA-256, data, method, seed, ...), written as given, in
     *                    order, before the computed keys
     */
    public record RunInfo(String title, Map<String, Object> run) {
        public RunInfo {
            Objects.requireNonNull(title, "title");
            run = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(run));
        }
    }

    private SweepReport() {
    }

    /** File name of the figure of one graph in one representation, without extension. */
    public static String figureName(String graph, boolean weighted) {
        return graph + "-" + (weighted ? "weighted" : "unweighted");
    }

    /** The figure title of one graph in one representation. */
    public static String figureTitle(String prefix, String graph, boolean weighted) {
        return prefix + ": " + graph + ", " + (weighted ? "weighted" : "unweighted");
    }

    /**
     * Writes {@code sweep.csv}, {@code sweep.json} and the figures into {@code dir} (created if missing).
     *
     * @param formats figure formats to write, e.g. {@code List.of("png", "svg")}
     * @return the figure files written
     */
    public static List<Path> write(Path dir, SweepResult result, RunInfo info, List<String> formats, double scale)
            throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(info, "info");
        Files.createDirectories(dir);
        SweepTable.of(result).write(dir.resolve("sweep.csv"));
        Json.writeFile(dir.resolve("sweep.json"), json(result, info));
        List<Path> written = new ArrayList<>();
        if (formats.isEmpty()) {
            return written;
        }
        Path figures = Files.createDirectories(dir.resolve("figures"));
        for (GraphId g : result.config().graphs()) {
            for (Representation rep : Representation.values()) {
                if (!result.config().representations().contains(rep)) {
                    continue;
                }
                boolean weighted = rep == Representation.WEIGHTED;
                FigureSpec spec = Figures.sweep(result, g, rep, figureTitle(info.title(), g.id(), weighted));
                for (String f : formats) {
                    Path file = figures.resolve(figureName(g.id(), weighted) + "." + f);
                    FigureFiles.write(file, spec, FigureStyle.LIGHT, FigureFiles.WIDTH, FigureFiles.HEIGHT, scale);
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** The content of {@code sweep.json}. */
    public static Map<String, Object> json(SweepResult result, RunInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("title", info.title());
        m.putAll(info.run());
        m.put("schedule", result.config().schedule().iterative() ? "iterative" : "one-shot");
        m.put("grid", result.grid());
        m.put("graphs", result.config().graphs().stream().map(GraphId::id).toList());
        List<Double> acc = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (SweepPoint p : result.points()) {
            acc.add(p.accuracy());
            actual.add(p.actualPercent());
            seconds.add(p.millis() / 1000.0);
        }
        m.put("actualQ", actual);
        m.put("accuracy", acc);
        m.put("denseAccuracy", result.points().isEmpty() ? null : result.points().get(0).accuracy());
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("totalSeconds", result.millis() / 1000.0);
        timings.put("pointSeconds", seconds);
        m.put("timings", timings);
        m.put("crossingNote", "gridQ: first grid q (from 100 down) where the gap is <= 0 or undefined; "
                + "interpolatedQ: where the line through that point and the previous one meets zero (figures draw "
                + "this one when present); lastPositiveQ: the grid point before");
        Map<String, Object> crossings = new LinkedHashMap<>();
        for (GraphId g : result.config().graphs()) {
            Map<String, Object> perRep = new LinkedHashMap<>();
            for (Representation rep : Representation.values()) {
                SweepResult.Crossings c = result.crossings().get(new SweepPoint.Key(g, rep));
                if (c == null) {
                    continue;
                }
                Map<String, Object> gaps = new LinkedHashMap<>();
                if (rep == Representation.UNWEIGHTED) {
                    gaps.put("deltaR", crossing(c.deltaR(), result));
                }
                gaps.put("deltaS", crossing(c.deltaS(), result));
                perRep.put(rep == Representation.WEIGHTED ? "weighted" : "unweighted", gaps);
            }
            crossings.put(g.id(), perRep);
        }
        m.put("firstZeroCrossing", crossings);
        SweepResult.Stopping s = result.stopping();
        if (s == null) {
            m.put("stoppingRule", null);
        } else {
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("firstNonPositiveQ", s.atQ());
            stop.put("recommendedQ", s.recommended());
            stop.put("graph", s.graph().graph().id());
            stop.put("representation", s.graph().representation() == Representation.WEIGHTED ? "weighted"
                    : "unweighted");
            stop.put("gap", s.gap());
            stop.put("rule", "the first q, going down, at which a monitored gap (unweighted Delta_R, weighted "
                    + "Delta_S) is <= 0; recommendedQ is the grid point before it");
            m.put("stoppingRule", stop);
        }
        List<Map<String, Double>> blocks = new ArrayList<>();
        for (SweepPoint p : result.points()) {
            blocks.add(p.blockPercents());
        }
        m.put("blockQ", blocks);
        if (result.config().settings().method() == PruningMethod.RAMANUJAN) {
            m.put("monitoredGap", result.config().settings().gap().cliName());
            m.put("lowestReachableQ", result.points().stream().map(SweepPoint::lowestReachable).toList());
            SweepResult.Reach r = result.reach();
            if (r == null) {
                m.put("reach", null);
            } else {
                Map<String, Object> reach = new LinkedHashMap<>();
                reach.put("askedQ", r.askedQ());
                reach.put("lowestReachableQ", r.lowestReachableQ());
                reach.put("skippedGridPoints", r.skipped());
                reach.put("note", "below lowestReachableQ no pruned matrix (or gate slice) can lose another edge "
                        + "with its monitored gap positive: the sweep measured lowestReachableQ and stopped");
                m.put("reach", reach);
            }
        }
        return m;
    }

    private static Map<String, Object> crossing(ZeroCrossing c, SweepResult result) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gridQ", c.gridQ());
        m.put("interpolatedQ", c.interpolated());
        m.put("lastPositiveQ", c.lastPositiveQ());
        for (SweepPoint p : result.points()) {
            if (p.keepPercent() == c.gridQ()) {
                m.put("accuracyAtGridQ", p.accuracy());
            }
        }
        return m;
    }

    /**
     * The crossings and title stored in a {@code sweep.json}, for one graph.
     *
     * @param title    the title prefix
     * @param unweighted crossings of the unweighted representation, or null if absent
     * @param weighted crossings of the weighted representation, or null if absent
     */
    public record Stored(String title, SweepResult.Crossings unweighted, SweepResult.Crossings weighted) {
    }

    /**
     * Reads the title and one graph's crossings from a {@code sweep.json}.
     *
     * @throws BadInputException naming the file if it is not valid JSON of this layout
     */
    public static Stored readStored(Path json, String graph) throws IOException {
        JsonNode root;
        byte[] bytes = InputFiles.readAll(json, MAX_STORED_BYTES, "a sweep.json");
        try {
            root = Json.readUntrusted(bytes, MAX_DEPTH);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a nesting-depth refusal has no location
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw BadInputException.inFile(json, "not valid JSON (" + at
                    + BadInputException.printable(e.getOriginalMessage(), 160) + ")");
        } catch (IOException e) {
            // the bytes are in memory: any other read failure is an undecodable text (a bad UTF-32 guess, found by
            // fuzzing)
            throw BadInputException.inFile(json, "not valid JSON text ("
                    + BadInputException.printable(String.valueOf(e.getMessage()), 160) + ")");
        }
        if (root == null || !root.isObject() || !root.path("title").isTextual()) {
            throw BadInputException.inFile(json, "not a sweep.json (it has no title)");
        }
        if (root.get("title").asText().length() > MAX_TITLE) {
            throw BadInputException.inFile(json, "has a title of " + root.get("title").asText().length()
                    + " characters; a figure shows at most " + MAX_TITLE);
        }
        JsonNode g = root.path("firstZeroCrossing").path(graph);
        return new Stored(root.get("title").asText(), crossings(g.path("unweighted")), crossings(g.path("weighted")));
    }

    private static SweepResult.Crossings crossings(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new SweepResult.Crossings(zero(node.path("deltaR")), zero(node.path("deltaS")));
    }

    private static ZeroCrossing zero(JsonNode n) {
        if (!n.isObject() || !n.path("gridQ").isNumber()) {
            return null;
        }
        return new ZeroCrossing(n.get("gridQ").asDouble(), number(n.path("interpolatedQ")),
                number(n.path("lastPositiveQ")));
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
