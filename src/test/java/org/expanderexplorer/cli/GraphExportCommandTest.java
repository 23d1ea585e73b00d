package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expanderexplorer.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graph}: the shipped digits RNN and a teaching matrix to GraphML, GEXF, DOT and node-link JSON. */
class GraphCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEachFormatByExtensionAndCountsKeptEdges() throws IOException {
        for (String ext : new String[] {"graphml", "gexf", "dot", "json"}) {
            Path file = dir.resolve("hh." + ext);
            CliRun r = CliRun.run("graph", "--model", SweepCommandsTest.MODEL, "--graph", "hh", "--keep",
                    "25", "--weighted", "--out", file.toString());
            assertThat(r.code()).as(r.err()).isZero();
            // W_hh of the 12-unit RNN is dense: 144 edges, a quarter of them kept
            assertThat(r.out()).contains("hh of digits8-rnn12.zip, q = 25 %, weighted")
                    .contains("24 vertices, 144 edges: 36 kept, 108 pruned");
            assertThat(file).isNotEmptyFile();
        }
        JsonNode json = Json.readTree(dir.resolve("hh.json"));
        assertThat(json.get("nodes").get(0).get("id").asText()).isEqualTo("h0[0]");
        assertThat(Files.readString(dir.resolve("hh.dot"))).contains("label=\"h1[11]\"");
    }

    @Test
    void aMatrixUnfoldedOrWithAnUnknownExtensionIsBadInput() throws IOException {
        Path mtx = dir.resolve("heawood.mtx");
        assertThat(CliRun.run("generate", "heawood", "--out", mtx.toString()).code()).isZero();
        CliRun ok = CliRun.run("graph", "--matrix", mtx.toString(), "--out", dir.resolve("h.gv").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("14 vertices, 21 edges: 21 kept, 0 pruned; 1 connected component");
        CliRun txt = CliRun.run("graph", "--matrix", mtx.toString(), "--out", dir.resolve("h.txt")
                .toString());
        assertThat(txt.code()).isEqualTo(2);
        assertThat(txt.err().strip()).contains("h.txt").contains("unknown graph file type").doesNotContain("\n");
        CliRun unfold = CliRun.run("graph", "--matrix", mtx.toString(), "--unfold", "3", "--out",
                dir.resolve("h.gexf").toString());
        assertThat(unfold.code()).isEqualTo(2);
        assertThat(unfold.err()).contains("no time steps");
        CliRun noGraph = CliRun.run("graph", "--model", SweepCommandsTest.MODEL, "--out",
                dir.resolve("m.gexf").toString());
        assertThat(noGraph.code()).isEqualTo(2);
        assertThat(noGraph.err()).contains("--graph is needed");
    }
}
