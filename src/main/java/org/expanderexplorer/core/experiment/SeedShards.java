package org.expanderexplorer.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.report.SweepTable;

/**
 * The shards of a multi-seed sweep on disk, and their merge. A shard folder holds {@code shard.json} (the plan, the
 * shard's K/N, its units and timings) and {@code seeds/seed-S.csv} with the rows of its units. The merge checks that
 * the shards belong to one plan and together cover it exactly once, and puts each seed's rows back in grid order.
 *
 * <p>The plan is the run's identity: every option that changes a number (model files and their SHA-256, data,
 * noise, method, grid, seeds, accuracy subset, fine-tuning) and none that does not (output folder, figure formats,
 * threads). Shards made with different plans are refused, naming the first key that differs.
 */
public final class SeedShards {

    /** Version of the {@code shard.json} layout. */
    public static final int FORMAT_VERSION = 1;
    /** Largest shard description read (a shard of 100,000 units takes about 10 MB). */
    static final long MAX_SHARD_BYTES = 64L << 20;
    /** Deepest nesting of a shard description (the plan's provenance is four levels down). */
    private static final int MAX_DEPTH = 16;
    /** The name of a shard's description. */
    public static final String SHARD_JSON = "shard.json";

    private SeedShards() {
    }

    /**
     * A merged run.
     *
     * @param plan      the plan all shards share
     * @param tables    each seed's complete table, in the plan's seed order
     * @param timings   the shards' and units' times
     * @param createdAt the earliest shard's creation time
     */
    public record Merged(JsonNode plan, Map<Long, SweepTable> tables, Map<String, Object> timings,
                         String createdAt) {
    }

    /** The unit plan described by a plan's {@code seeds}, {@code grid} and {@code pointwise}. */
    public static SeedPlan planOf(JsonNode plan) {
        List<Long> seeds = new ArrayList<>();
        plan.path("seeds").forEach(s -> seeds.add(s.asLong()));
        List<Double> grid = new ArrayList<>();
        plan.path("grid").forEach(q -> grid.add(q.asDouble()));
        return new SeedPlan(new SeedList(seeds), grid, plan.path("pointwise").asBoolean());
    }

    /** The timings of a run: its total and each unit's time, in the order run. */
    public static Map<String, Object> timings(SeedSweep.Result result, double totalSeconds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("totalSeconds", totalSeconds);
        t.put("units", unitTimes(result.times()));
        return t;
    }

    private static List<Object> unitTimes(List<SeedSweep.UnitTime> times) {
        List<Object> out = new ArrayList<>();
        for (SeedSweep.UnitTime u : times) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", u.seed());
            m.put("q", u.q());
            m.put("seconds", u.seconds());
            out.add(m);
        }
        return out;
    }

    /** Writes a shard's folder: its seed tables and {@code shard.json}. */
    public static void writeShard(Path dir, JsonNode plan, Shard shard, SeedSweep.Result result, double seconds,
                                  String createdAt) throws IOException {
        Files.createDirectories(dir.resolve("seeds"));
        for (Map.Entry<Long, SweepTable> e : result.tables().entrySet()) {
            e.getValue().write(SeedReport.seedFile(dir, e.getKey()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", "sweep shard");
        m.put("shard", shard.toString());
        m.put("plan", plan);
        List<Object> units = new ArrayList<>();
        for (SeedPlan.Unit u : planOf(plan).units(shard)) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seed", u.seed());
            one.put("q", u.q());
            units.add(one);
        }
        m.put("units", units);
        m.put("timings", timings(result, seconds));
        m.put("createdAt", createdAt);
        Json.writeFile(dir.resolve(SHARD_JSON), m);
    }

    /**
     * Reads and merges shard folders (in any order).
     *
     * @throws BadInputException naming the folder or file for a missing or foreign shard, a shard given twice,
     *                           missing shards, or a table that lacks a unit's rows
     */
    public static Merged merge(List<Path> dirs) throws IOException {
        if (dirs.isEmpty()) {
            throw new BadInputException("sweep merge needs the shard folders to merge");
        }
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        JsonNode plan = null;
        Path planFrom = null;
        int count = -1;
        String createdAt = null;
        List<Object> shardTimes = new ArrayList<>();
        double total = 0;
        for (Path dir : dirs) {
            JsonNode shard = readShard(dir);
            Shard s = Shard.parse(shard.path("shard").asText());
            if (plan == null) {
                plan = shard.get("plan");
                planFrom = dir;
                count = s.count();
            } else if (!plan.equals(shard.get("plan"))) {
                throw BadInputException.inFile(dir, "was made with other options than " + planFrom + " ("
                        + firstDifference(plan, shard.get("plan"), "") + " differs)");
            } else if (s.count() != count) {
                throw BadInputException.inFile(dir, "is shard " + s + " but " + planFrom + " is one of " + count);
            }
            Path before = byIndex.put(s.index(), dir);
            if (before != null) {
                throw BadInputException.inFile(dir, "is shard " + s + ", as " + before + " is");
            }
            String at = shard.path("createdAt").asText();
            createdAt = createdAt == null || at.compareTo(createdAt) < 0 ? at : createdAt;
            double seconds = shard.path("timings").path("totalSeconds").asDouble();
            total += seconds;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("shard", s.toString());
            one.put("seconds", seconds);
            one.put("createdAt", at);
            one.put("units", shard.path("timings").path("units"));
            shardTimes.add(one);
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException("sweep merge: shard(s) " + missing + " of " + count + " are missing");
        }
        Map<Long, SweepTable> tables = tables(planOf(plan), byIndex, count);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("totalSeconds", total);
        timings.put("shards", shardTimes);
        return new Merged(plan, tables, timings, createdAt);
    }

    private static JsonNode readShard(Path dir) throws IOException {
        Path file = dir.resolve(SHARD_JSON);
        if (!Files.isRegularFile(file)) {
            throw BadInputException.inFile(dir, "is not a shard folder (it has no " + SHARD_JSON + "; make shards "
                    + "with sweep --shard K/N)");
        }
        JsonNode node;
        try {
            node = Json.readUntrusted(InputFiles.readAll(file, MAX_SHARD_BYTES, "a shard description"), MAX_DEPTH);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadInputException.inFile(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.path("kind").asText().equals("sweep shard") || !node.path("plan").isObject()
                || node.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw BadInputException.inFile(file, "not a sweep shard of layout " + FORMAT_VERSION);
        }
        JsonNode plan = node.get("plan");
        boolean seeds = plan.path("seeds").isArray() && !plan.path("seeds").isEmpty();
        for (JsonNode s : plan.path("seeds")) {
            seeds &= s.canConvertToLong() && s.asLong() >= 0;
        }
        boolean grid = plan.path("grid").isArray() && !plan.path("grid").isEmpty();
        for (JsonNode q : plan.path("grid")) {
            grid &= q.isNumber() && q.asDouble() > 0 && q.asDouble() <= 100;
        }
        if (!seeds || !grid || !plan.path("graphs").isArray() || !plan.path("pointwise").isBoolean()
                || !node.path("shard").isTextual()) {
            throw BadInputException.inFile(file, "has no valid plan (seeds, grid in (0, 100], graphs, pointwise) or "
                    + "shard K/N");
        }
        return node;
    }

    /** Each seed's rows in the plan's order: whole-seed units as they are, pointwise units by grid position. */
    private static Map<Long, SweepTable> tables(SeedPlan plan, Map<Integer, Path> byIndex, int count)
            throws IOException {
        Map<Long, List<SweepTable.Row>> rows = new LinkedHashMap<>();
        for (long seed : plan.seeds().values()) {
            rows.put(seed, new ArrayList<>());
        }
        Map<String, List<SweepTable.Row>> byUnit = new LinkedHashMap<>();
        for (Map.Entry<Integer, Path> e : byIndex.entrySet()) {
            Shard shard = new Shard(e.getKey(), count);
            Map<Long, SweepTable> read = new LinkedHashMap<>();
            for (SeedPlan.Unit u : plan.units(shard)) {
                SweepTable t = read.get(u.seed());
                if (t == null) {
                    Path file = SeedReport.seedFile(e.getValue(), u.seed());
                    if (!Files.isRegularFile(file)) {
                        throw BadInputException.inFile(file, "missing: shard " + shard + " ran seed " + u.seed());
                    }
                    t = SweepTable.read(file);
                    read.put(u.seed(), t);
                }
                List<SweepTable.Row> unitRows = u.q() == null ? t.rows()
                        : t.rows().stream().filter(r -> r.q() == u.q()).toList();
                if (unitRows.isEmpty()) {
                    throw BadInputException.inFile(SeedReport.seedFile(e.getValue(), u.seed()), "has no rows of "
                            + (u.q() == null ? "seed " + u.seed() : "q = " + u.q()) + ", which shard " + shard
                            + " ran");
                }
                byUnit.put(key(u), unitRows);
            }
        }
        for (SeedPlan.Unit u : plan.units()) {
            rows.get(u.seed()).addAll(byUnit.get(key(u)));
        }
        Map<Long, SweepTable> tables = new LinkedHashMap<>();
        rows.forEach((seed, r) -> tables.put(seed, new SweepTable(r)));
        return tables;
    }

    private static String key(SeedPlan.Unit u) {
        return u.seed() + "/" + u.q();
    }

    /** The path of the first key at which two plans differ, e.g. {@code run.modelSha256}. */
    static String firstDifference(JsonNode a, JsonNode b, String path) {
        Objects.requireNonNull(a, "a");
        if (b == null || a.getNodeType() != b.getNodeType() || !a.isContainerNode()) {
            return path.isEmpty() ? "the plan" : path;
        }
        if (a.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.get(k).equals(b.get(k))) {
                    return firstDifference(a.get(k), b.get(k), path.isEmpty() ? k : path + "." + k);
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    return path.isEmpty() ? k : path + "." + k;
                }
            }
        }
        return path.isEmpty() ? "the plan" : path;
    }
}
