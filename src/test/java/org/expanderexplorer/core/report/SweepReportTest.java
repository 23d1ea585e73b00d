package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.gaussian;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.subject.AccuracyProbe;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.KeptFractionProbe;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.SweepConfig;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.SweepRunner;
import org.expanderexplorer.core.sweep.ZeroCrossing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

    @TempDir
    static Path dir;

    static SweepResult result;

    /** "Accuracy" = the kept fraction of W_ih: known at every q. */
    static final AccuracyProbe KEPT = KeptFractionProbe.ofInputToHidden(100, "synthetic");

    @BeforeAll
    static void sweep() throws IOException {
        // a random 28 x 128 layer crosses between 20 % and 10 % (science.md), so the grid sees crossings
        Subject s = Subject.ofLayer("rnn", gaussian(28, 128, 1), gaussian(128, 128, 2), null, KEPT);
        SweepConfig cfg = new SweepConfig(PruningSchedule.geometric(0.6, 3, false),
                PruneSettings.DEFAULT.withMethod(PruningMethod.RANDOM), List.of(GraphId.IH, GraphId.HH),
                Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED), 0,
                AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER));
        result = new SweepRunner(s, cfg).run(null, null);
        SweepReport.write(dir, result, new SweepReport.RunInfo("random layer", Map.of("model", "none", "seed", 1)),
                List.of("svg"), 1);
    }

    @Test
    void csvHasTheDocumentedColumnsAndOneRowPerQGraphAndRepresentation() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(lines.get(0)).startsWith("q,graph,weighted,accuracy,deltaS,deltaR,mu0,muHat,fiedler,cheegerLower,"
                + "cheegerUpper,edges,isolatedLeft,isolatedRight");
        assertThat(lines).hasSize(1 + result.points().size() * 2 * 2);
        // first data row: q = 100, ih unweighted, dense 28 x 128: 3584 edges, no isolated vertex
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[0]).isEqualTo("100");
        assertThat(first[1]).isEqualTo("ih");
        assertThat(first[2]).isEqualTo("false");
        assertThat(first[3]).isEqualTo("1");
        assertThat(first[11]).isEqualTo("3584");
        assertThat(first[12]).isEqualTo("0");
        // the complete bipartite K_{28,128}: mu_0 = sqrt(28 * 128), mu_hat = 0, Delta_R = sqrt(127) + sqrt(27)
        assertThat(Double.parseDouble(first[6])).isCloseTo(Math.sqrt(28 * 128), org.assertj.core.api.Assertions
                .within(1e-9));
        assertThat(Double.parseDouble(first[5])).isCloseTo(Math.sqrt(127) + Math.sqrt(27),
                org.assertj.core.api.Assertions.within(1e-9));
        // Delta_R is not defined for the weighted representation: an empty cell
        String weighted = lines.stream().filter(l -> l.startsWith("100,ih,true,")).findFirst().orElseThrow();
        assertThat(weighted.split(",", -1)[5]).isEmpty();
    }

    @Test
    void csvReadsBackExactly() throws IOException {
        SweepTable back = SweepTable.read(dir.resolve("sweep.csv"));
        assertThat(back).isEqualTo(SweepTable.of(result));
        assertThat(back.graphs()).containsExactly("ih", "hh");
        SweepResult.Crossings c = back.crossings("ih", false);
        SweepResult.Crossings expected = result.crossings().get(new SweepPoint.Key(GraphId.IH,
                Representation.UNWEIGHTED));
        assertThat(c).isEqualTo(expected);
    }

    @Test
    void jsonHoldsTheRunTheGridAndTheFirstCrossingsAsGridAndInterpolatedQ() throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile());
        assertThat(root.get("title").asText()).isEqualTo("random layer");
        assertThat(root.get("seed").asInt()).isEqualTo(1);
        assertThat(root.get("schedule").asText()).isEqualTo("one-shot");
        assertThat(root.get("grid")).hasSize(result.points().size());
        assertThat(root.get("grid").get(2).asDouble()).isEqualTo(36.0);
        ZeroCrossing ih = result.crossings().get(new SweepPoint.Key(GraphId.IH, Representation.UNWEIGHTED)).deltaR();
        JsonNode node = root.at("/firstZeroCrossing/ih/unweighted/deltaR");
        assertThat(node.get("gridQ").asDouble()).isEqualTo(ih.gridQ());
        assertThat(node.get("interpolatedQ").asDouble()).isEqualTo(ih.interpolated());
        assertThat(node.get("lastPositiveQ").asDouble()).isEqualTo(ih.lastPositiveQ());
        assertThat(node.get("accuracyAtGridQ").asDouble()).isCloseTo(ih.gridQ() / 100,
                org.assertj.core.api.Assertions.within(0.01));
        // the interpolated crossing lies between the last positive grid point and the crossing grid point
        assertThat(ih.interpolated()).isBetween(ih.gridQ(), ih.lastPositiveQ());
        assertThat(root.at("/firstZeroCrossing/ih/weighted").has("deltaR")).isFalse();
        SweepResult.Stopping stop = result.stopping();
        assertThat(root.at("/stoppingRule/graph").asText()).isEqualTo(stop.graph().graph().id());
        assertThat(root.at("/stoppingRule/firstNonPositiveQ").asDouble()).isEqualTo(stop.atQ());
        assertThat(root.at("/stoppingRule/recommendedQ").asDouble()).isEqualTo(stop.recommended());
        // the rule takes the earliest crossing (largest q) over every monitored gap
        assertThat(stop.atQ()).isGreaterThanOrEqualTo(ih.gridQ());
        SweepReport.Stored stored = SweepReport.readStored(dir.resolve("sweep.json"), "ih");
        assertThat(stored.title()).isEqualTo("random layer");
        assertThat(stored.unweighted().deltaR()).isEqualTo(ih);
    }

    @Test
    void oneFigurePerGraphAndRepresentationWithTheTitle() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("figures"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "hh-unweighted.svg", "hh-weighted.svg", "ih-unweighted.svg", "ih-weighted.svg");
        }
        String svg = Files.readString(dir.resolve("figures/ih-unweighted.svg"));
        // Δ_R is drawn as Δ and a subscript R, two text runs
        assertThat(svg).contains("random layer: ih, unweighted").contains(">Δ</text>").contains(">R</text>")
                .contains("accuracy");
        assertThat(Files.readString(dir.resolve("figures/ih-weighted.svg"))).contains(">S</text>")
                .contains("> (weighted)</text>").doesNotContain(">R</text>");
    }

    @Test
    void badCsvIsRefusedNamingTheFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "q,graph,weighted\n100,ih,false\n");
        assertThatThrownBy(() -> SweepTable.read(bad)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 1").hasMessageContaining("accuracy");
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).replaceFirst(",ih,", ",ih,")
                .replaceFirst("^[^,]*", "abc") + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SweepTable.read(bad)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("'abc' is not a number");
    }

    @Test
    void aReportWriteThatFailsLeavesTheOldFilesIntactAndNoTemporaryFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve("again"));
        Files.writeString(d.resolve("sweep.csv"), "old csv");
        // sweep.json cannot be replaced (a non-empty folder of that name): the write fails after the CSV
        Files.createDirectories(d.resolve("sweep.json").resolve("x"));
        assertThatThrownBy(() -> SweepReport.write(d, result, new SweepReport.RunInfo("t", Map.of()), List.of(), 1))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(d.resolve("sweep.csv"))).startsWith("q,graph,");
        assertThat(Files.isDirectory(d.resolve("sweep.json").resolve("x"))).isTrue();
        try (Stream<Path> files = Files.list(d)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

}
