package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.report.SweepTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ramanujan and balanced methods, unit graphs, the unfolded graph's numbers, gap variants and rewinding on the
 * command line, with the shipped 8 x 8 digits RNN and a tiny LSTM trained here.
 */
class ScienceCommandsTest {

    static final String RNN = "sample-models/digits8-rnn12.zip";

    @TempDir
    static Path dir;

    static Path lstm;

    @BeforeAll
    static void trainATinyLstm() {
        lstm = dir.resolve("tiny-lstm.zip");
        CliRun r = run("train", "--arch", "lstm", "--hidden", "6", "--data", "digits8", "--epochs", "1", "--seed", "2",
                "--batch", "256", "--out", lstm.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aRamanujanSweepKeepsEveryMonitoredGapPositiveAndStopsAtTheLowestReachableQ() throws IOException {
        Path out = dir.resolve("ram");
        CliRun r = run("sweep", "--model", RNN, "--data", "digits8", "--grid", "100,70,50,35,25,18,12,8,5,3",
                "--method", "ramanujan", "--formats", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(json.get("monitoredGap").asText()).isEqualTo("deltaR");
        JsonNode reach = json.get("reach");
        assertThat(reach.isObject()).as("a 12-unit RNN cannot keep Delta_R > 0 down to 3 %").isTrue();
        double lowest = reach.get("lowestReachableQ").asDouble();
        assertThat(r.out()).contains("ramanujan: below q = ").contains("no pruned matrix can lose another edge");
        SweepTable t = SweepTable.read(out.resolve("sweep.csv"));
        List<SweepTable.Row> ih = t.rows("ih", false);
        List<SweepTable.Row> hh = t.rows("hh", false);
        // the last point is the lowest reachable q itself, and no grid point below it was measured
        assertThat(ih.get(ih.size() - 1).q()).isEqualTo(lowest);
        assertThat(ih.get(ih.size() - 1).actualQ()).isCloseTo(lowest, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < ih.size(); i++) {
            assertThat(ih.get(i).deltaR()).as("ih at q = %s", ih.get(i).q()).isPositive();
            assertThat(hh.get(i).deltaR()).as("hh at q = %s", hh.get(i).q()).isPositive();
            // per-matrix q: the two matrices' kept shares average to the total
            double total = (ih.get(i).graphQ() * 8 * 12 + hh.get(i).graphQ() * 12 * 12) / (8 * 12 + 12 * 12);
            assertThat(total).isCloseTo(ih.get(i).actualQ(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(json.get("blockQ").get(0).get("ih").asDouble()).isEqualTo(100.0);
    }

    @Test
    void pruneSaysWhenQIsBelowReach() {
        CliRun r = run("prune", "--model", RNN, "--keep", "2", "--method", "ramanujan", "--out",
                dir.resolve("p.zip").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ramanujan keeps deltaR > 0 in every pruned matrix; lowest reachable q = ")
                .contains("q = 2 % is below the lowest reachable q").contains("  ih ").contains("  hh ");
        assertThat(r.err()).contains("note: q = 2 % is below the lowest reachable q");
        CliRun ok = run("prune", "--model", RNN, "--keep", "80", "--method", "ramanujan", "--gap", "deltaS", "--out",
                dir.resolve("p2.zip").toString());
        assertThat(ok.out()).contains("ramanujan keeps deltaS > 0").doesNotContain("below the lowest reachable q")
                .contains("80.000 % kept");
        assertThat(run("prune", "--model", RNN, "--keep", "50", "--gap", "deltaS", "--out",
                dir.resolve("p3.zip").toString()).code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
    }

    @Test
    void balancedAndPerGateRamanujanOnAnLstmMonitorTheUnitGraphs() throws IOException {
        Path out = dir.resolve("bal");
        CliRun r = run("sweep", "--model", lstm.toString(), "--data", "digits8", "--grid", "100,50,20",
                "--method", "balanced", "--limit", "100", "--formats", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        SweepTable t = SweepTable.read(out.resolve("sweep.csv"));
        assertThat(t.graphs()).startsWith("ih", "hh", "step", "ih.units", "hh.units", "step.units", "ih.i");
        assertThat(r.out()).contains("step.units");
        CliRun g = run("sweep", "--model", lstm.toString(), "--data", "digits8", "--grid", "100,30", "--method",
                "ramanujan", "--per-gate", "--limit", "100", "--graphs", "gates", "--formats", "none", "--out",
                dir.resolve("gates").toString());
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("ramanujan:").contains("ih.i ").contains("hh.o ");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("gates/sweep.json").toFile());
        assertThat(json.get("blockQ").get(1).has("hh.f")).isTrue();
        assertThat(run("sweep", "--model", RNN, "--data", "digits8", "--grid", "100", "--graphs", "units",
                "--out", dir.resolve("x").toString()).code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
    }

    @Test
    void spectrumOfAModelGraphWithItsUnfoldedNumbersAndVariants() throws IOException {
        CliRun r = run("spectrum", "--model", lstm.toString(), "--graph", "step.units", "--keep", "40", "--unfold",
                "3", "--variants", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode u = j.get("unfolded");
        assertThat(u.get("steps").asInt()).isEqualTo(3);
        assertThat(u.get("layersEqual").asBoolean()).isTrue();
        assertThat(u.get("layers")).hasSize(3);
        assertThat(u.get("layers").get(0).get("deltaR").asDouble()).isEqualTo(j.get("deltaR").asDouble());
        assertThat(u.get("edges").asInt()).isEqualTo(3 * j.get("edges").asInt());
        assertThat(j.get("gapVariants").get("deltaREdgeDegrees").asDouble()).isEqualTo(j.get("deltaR").asDouble());
        // the last keys are the new ones
        List<String> keys = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(keys.size() - 2, keys.size())).containsExactly("gapVariants", "unfolded");
        CliRun text = run("spectrum", "--model", lstm.toString(), "--graph", "ih.units", "--unfold", "2");
        assertThat(text.out()).contains("time-unfolded over 2 step(s)").contains("(equal in all 2)");
        CliRun stacked = run("spectrum", "--model", lstm.toString(), "--graph", "ih", "--unfold", "2");
        assertThat(stacked.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(stacked.err()).contains("use ih.units");
        assertThat(run("spectrum", "--matrix", "x.csv", "--unfold", "2").code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
    }

    @Test
    void inspectShowsEachLayersUnfoldedGraph() throws IOException {
        CliRun r = run("inspect", "--model", RNN, "--unfold", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode u = new ObjectMapper().readTree(r.out()).get("unfolded");
        assertThat(u).hasSize(1);
        // 12 units and 8 inputs over 4 steps: 12 + 4 (8 + 12) vertices
        assertThat(u.get(0).get("vertices").asInt()).isEqualTo(12 + 4 * 20);
        assertThat(u.get(0).get("fiedler").asDouble()).isPositive();
        CliRun plain = run("inspect", "--model", RNN, "--json");
        assertThat(new ObjectMapper().readTree(plain.out()).has("unfolded")).isFalse();
    }

    @Test
    void rewindingNeedsFineTuningAndRetrainsFromTheInitialisation() throws IOException {
        assertThat(run("sweep", "--model", lstm.toString(), "--data", "digits8", "--grid", "100,50", "--iterative",
                "--rewind", "init", "--out", dir.resolve("r0").toString()).code())
                .isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        Path out = dir.resolve("rew");
        CliRun r = run("sweep", "--model", lstm.toString(), "--data", "digits8", "--grid", "100,50", "--iterative",
                "--finetune", "1", "--finetune-limit", "200", "--rewind", "init", "--limit", "100", "--graphs", "ih",
                "--formats", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(json.get("fineTuning").asText()).startsWith("rewound each round to the initialisation (seed 2)");
        assertThat(Files.exists(out.resolve("sweep.csv"))).isTrue();
    }
}
