package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.SpreadReference;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expansion}: the reach of a set per step, checked against a search on the unfolded graph. */
class ExpansionCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonReachMatchesASearchOnTheUnfoldedGraph() throws IOException {
        CliRun r = CliRun.run("expansion", "--model", SweepCommandsTest.MODEL, "--keep", "15", "--set",
                "x:0,1,2", "--steps", "4", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.readTree(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path model = Path.of(SweepCommandsTest.MODEL);
        Subject s = LoadedModel.of(model, LoadedModel.read(model), null, "m", 0).subject();
        PrunedState state = s.prune(15, PruneSettings.DEFAULT);
        List<UnfoldedVertex> inputs = List.of(new UnfoldedVertex(Role.X, 1, 0), new UnfoldedVertex(Role.X, 1, 1),
                new UnfoldedVertex(Role.X, 1, 2));
        List<TreeSet<Integer>> expected = SpreadReference.reach(new UnfoldedGraph(state.ih(), state.hh(), 4,
                Representation.UNWEIGHTED), inputs);
        assertThat(json.get("setSize").asInt()).isEqualTo(3);
        assertThat(json.get("reach")).hasSize(4);
        int previous = 3;
        for (int t = 1; t <= 4; t++) {
            JsonNode step = json.get("reach").get(t - 1);
            assertThat(step.get("step").asInt()).isEqualTo(t);
            TreeSet<Integer> units = new TreeSet<>();
            step.get("units").forEach(n -> units.add(n.asInt()));
            assertThat(units).isEqualTo(expected.get(t - 1));
            assertThat(step.get("count").asInt()).isEqualTo(expected.get(t - 1).size());
            assertThat(step.get("ratio").asDouble()).isEqualTo((double) units.size() / previous);
            previous = units.size();
        }
        Integer full = null;
        for (int t = 1; t <= 4 && full == null; t++) {
            full = expected.get(t - 1).size() == 12 ? t : null;
        }
        if (full != null) {
            assertThat(json.get("allReachedAtStep").asInt()).isEqualTo(full);
        }
    }

    @Test
    void aMatrixSpreadsOneStepFromItsRows() throws IOException {
        Path mtx = dir.resolve("heawood.mtx");
        assertThat(CliRun.run("generate", "heawood", "--out", mtx.toString()).code()).isZero();
        WeightMatrix m = MatrixFiles.read(mtx);
        TreeSet<Integer> cols = new TreeSet<>();
        for (int i : new int[] {0, 1}) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.get(i, j) != 0) {
                    cols.add(j);
                }
            }
        }
        CliRun r = CliRun.run("expansion", "--matrix", mtx.toString(), "--set", "x:0-1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("S = x1[0-1] (2 vertices)")
                .containsPattern("\\s+1\\s+2\\s+" + cols.size() + "\\s");
        CliRun worst = CliRun.run("expansion", "--matrix", mtx.toString(), "--set", "worst", "--json");
        assertThat(worst.code()).as(worst.err()).isZero();
        JsonNode w = Json.readTree(worst.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("worstSet");
        // the Heawood graph is small enough to enumerate: the exact Cheeger constant, within its bounds
        assertThat(w.get("method").asText()).isEqualTo("exact");
        assertThat(w.get("ratio").asDouble()).isBetween(w.get("cheegerLower").asDouble(),
                w.get("cheegerUpper").asDouble());
    }

    @Test
    void badSetsGraphsAndStepsAreOneLineAndExitTwo() throws IOException {
        Path mtx = dir.resolve("heawood.mtx");
        assertThat(CliRun.run("generate", "heawood", "--out", mtx.toString()).code()).isZero();
        String model = SweepCommandsTest.MODEL;
        String[][] cases = {
            {"--model", model, "--set", "x:0,99"},
            {"--model", model, "--set", "q:1"},
            {"--model", model, "--set", "x:1-a"},
            {"--model", model, "--set", "h5:0", "--steps", "3"},
            {"--model", model, "--graph", "ih.f", "--set", "x:0"},
            {"--model", model, "--graph", "nope", "--set", "x:0"},
            {"--model", model, "--set", "x:0", "--steps", "0"},
            {"--model", model, "--set", "x:0", "--keep", "0"},
            {"--matrix", mtx.toString(), "--set", "x:0", "--steps", "3"},
            {"--matrix", mtx.toString(), "--set", "h:0"},
            {"--model", model},
        };
        String[] expected = {"input unit 99 does not exist (8 input units, 0-7)", "is not x:UNITS or h:UNITS",
            "'a' is not a unit number", "step 5 is outside 0..3", "names a gate", "unknown graph 'nope'",
            "--steps must be 1 ..", "--keep must be in (0, 100]", "a plain matrix has one step",
            "no hidden units", "--set"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "expansion";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliRun r = CliRun.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).contains(expected[i]).doesNotContain("\n");
            assertThat(r.out()).isEmpty();
        }
    }
}
