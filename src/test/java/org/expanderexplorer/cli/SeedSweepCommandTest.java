package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.expanderexplorer.core.experiment.SeedReport;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.report.SweepTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --seeds}, {@code --shard} and {@code sweep merge} end to end on the shipped 8 x 8 digits RNN: the
 * seeds' tables equal single sweeps with those seeds, and shards merged in any order give the unsharded folder byte
 * for byte, apart from the timings and the creation time.
 */
class SeedSweepCommandTest {

    static final String MODEL = "sample-models/digits8-rnn12.zip";
    static final String[] SWEEP = {"sweep", "--model", MODEL, "--data", "digits8", "--grid", "100,60,30,10",
        "--method", "random", "--seeds", "1-3", "--noise-snr", "10"};

    @TempDir
    static Path dir;

    static CliRun whole;

    static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @BeforeAll
    static void unsharded() {
        whole = run(with(SWEEP, "--out", dir.resolve("whole").toString()));
    }

    @Test
    void everySeedIsTheSingleSweepWithThatSeed() throws IOException {
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("3 seed(s) [1, 2, 3]").contains("first zero crossings over the seeds")
                .contains("stopping rule, seed 3");
        for (long seed = 1; seed <= 3; seed++) {
            Path single = dir.resolve("single-" + seed);
            CliRun r = run("sweep", "--model", MODEL, "--data", "digits8", "--grid", "100,60,30,10", "--method",
                    "random", "--seed", Long.toString(seed), "--noise-snr", "10", "--formats", "none", "--out",
                    single.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readString(SeedReport.seedFile(dir.resolve("whole"), seed)))
                    .isEqualTo(Files.readString(single.resolve("sweep.csv")));
            JsonNode json = Json.readTree(single.resolve("sweep.json"));
            assertThat(json.at("/provenance/noise/snrDb").asDouble()).isEqualTo(10);
            assertThat(json.at("/provenance/noise/seed").asLong()).isEqualTo(seed);
            assertThat(json.at("/provenance/seeds/noise").asLong()).isEqualTo(seed);
        }
        // random pruning differs by seed, so the seeds differ below q = 100 %
        assertThat(Files.readString(SeedReport.seedFile(dir.resolve("whole"), 1)))
                .isNotEqualTo(Files.readString(SeedReport.seedFile(dir.resolve("whole"), 2)));
    }

    @Test
    void summaryHoldsTheSpreadOfTheSeeds() throws IOException {
        Path w = dir.resolve("whole");
        List<SweepTable> tables = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            tables.add(SweepTable.read(SeedReport.seedFile(w, seed)));
        }
        List<String> lines = Files.readAllLines(w.resolve("summary.csv"));
        assertThat(lines.get(0)).isEqualTo(SeedReport.SUMMARY_HEADER);
        // 4 q x 3 graphs x 2 representations
        assertThat(lines).hasSize(1 + 4 * 3 * 2);
        String[] row = lines.stream().filter(l -> l.startsWith("30,ih,false,")).findFirst().orElseThrow().split(",");
        double[] acc = tables.stream().mapToDouble(t -> t.rows("ih", false).get(2).accuracy()).toArray();
        double mean = (acc[0] + acc[1] + acc[2]) / 3;
        double sd = Math.sqrt((Math.pow(acc[0] - mean, 2) + Math.pow(acc[1] - mean, 2) + Math.pow(acc[2] - mean, 2))
                / 2);
        assertThat(Integer.parseInt(row[3])).isEqualTo(3);
        assertThat(Double.parseDouble(row[4])).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Double.parseDouble(row[5])).isCloseTo(sd, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Double.parseDouble(row[6])).isEqualTo(Math.min(acc[0], Math.min(acc[1], acc[2])));
        assertThat(Double.parseDouble(row[7])).isEqualTo(Math.max(acc[0], Math.max(acc[1], acc[2])));
        assertThat(row[row.length - 1]).isEqualTo("10");
        JsonNode json = Json.readTree(w.resolve("sweep.json"));
        assertThat(json.get("seeds")).hasSize(3);
        assertThat(json.at("/noise/snrDb").asDouble()).isEqualTo(10);
        assertThat(json.at("/noise/seed").isNull()).isTrue();
        assertThat(json.at("/provenance/noise/snrDb").asDouble()).isEqualTo(10);
        assertThat(json.at("/firstZeroCrossing/ih/unweighted/deltaR/perSeed")).hasSize(3);
        assertThat(json.at("/stoppingRule/perSeed")).hasSize(3);
        for (String g : List.of("ih", "hh", "step")) {
            assertThat(w.resolve("figures/" + g + "-unweighted.png")).isNotEmptyFile();
            assertThat(w.resolve("figures/" + g + "-weighted.svg")).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(w.resolve("crossings.csv")).get(0)).isEqualTo(SeedReport.CROSSINGS_HEADER);
    }

    @Test
    void shardsMergedInAnyOrderEqualTheUnshardedRun() throws IOException {
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            Path s = dir.resolve("shard-" + k);
            CliRun r = run(with(SWEEP, "--shard", k + "/5", "--out", s.toString()));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("shard " + k + "/5");
            shards.add(0, s.toString());
        }
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("sweep", "merge", "--out", merged.toString()));
        args.addAll(shards);
        CliRun m = run(args.toArray(String[]::new));
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out().replaceFirst("time: [0-9.]+ s", "").replace(merged.toString(), "OUT"))
                .isEqualTo(whole.out().replaceFirst("time: [0-9.]+ s", "").replace(dir.resolve("whole").toString(),
                        "OUT"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("whole"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(3 + 3 + 12);
        for (Path f : files) {
            Path other = merged.resolve(dir.resolve("whole").relativize(f));
            if (f.getFileName().toString().equals("sweep.json")) {
                assertThat(withoutTimes(other)).isEqualTo(withoutTimes(f));
            } else {
                assertThat(Files.readAllBytes(other)).as(f.toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    private static String withoutTimes(Path sweepJson) throws IOException {
        ObjectNode json = (ObjectNode) Json.readTree(sweepJson);
        json.remove("timings");
        ((ObjectNode) json.get("provenance")).remove("createdAt");
        return Json.write(json);
    }

    @Test
    void mergeRefusesMissingRepeatedAndForeignShards() {
        String[] base = with(SWEEP, "--formats", "none");
        Path a = dir.resolve("m1");
        Path b = dir.resolve("m2");
        Path foreign = dir.resolve("foreign");
        assertThat(run(with(base, "--shard", "1/2", "--out", a.toString())).code()).isZero();
        assertThat(run(with(base, "--shard", "2/2", "--out", b.toString())).code()).isZero();
        String[] other = SWEEP.clone();
        other[other.length - 1] = "20";
        assertThat(run(with(other, "--shard", "2/2", "--out", foreign.toString())).code()).isZero();
        CliRun missing = run("sweep", "merge", "--out", dir.resolve("x").toString(), a.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("shard(s) [2] of 2 are missing").doesNotContain("\tat ");
        CliRun twice = run("sweep", "merge", "--out", dir.resolve("x").toString(), a.toString(), a.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("is shard 1/2, as");
        CliRun mixed = run("sweep", "merge", "--out", dir.resolve("x").toString(), a.toString(), foreign.toString());
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("was made with other options").contains("run.noise.snrDb");
        CliRun notShard = run("sweep", "merge", "--out", dir.resolve("x").toString(), dir.toString());
        assertThat(notShard.err()).contains("is not a shard folder");
        CliRun noModel = run("sweep", "--data", "digits8", "--grid", "100", "--out", "x");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err().strip()).isEqualTo("error: Missing required option: '--model=<model>' (see "
                + "'expander-explorer sweep --help')");
        CliRun badSeeds = run("sweep", "--model", MODEL, "--data", "digits8", "--grid", "100", "--seeds", "3-1",
                "--out", "x");
        assertThat(badSeeds.code()).isEqualTo(2);
        assertThat(badSeeds.err()).contains("--seeds");
    }
}
