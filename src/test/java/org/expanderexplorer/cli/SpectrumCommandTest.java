package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumCommandTest {

    @TempDir
    Path dir;

    @Test
    void completeBipartiteJsonHasTheAnalyticValues() throws Exception {
        // K(3,5) with one isolated row and column appended: removed, and counted
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                csv.append(j == 0 ? "" : ",").append(i < 3 && j < 5 ? "1" : "0");
            }
            csv.append('\n');
        }
        Path f = dir.resolve("k35.csv");
        Files.writeString(f, csv);
        CliRun r = run("spectrum", "--matrix", f.toString(), "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("left").asInt()).isEqualTo(3);
        assertThat(j.get("right").asInt()).isEqualTo(5);
        assertThat(j.get("isolatedLeft").asInt()).isEqualTo(1);
        assertThat(j.get("isolatedRight").asInt()).isEqualTo(1);
        assertThat(j.get("edges").asInt()).isEqualTo(15);
        assertThat(j.get("mu0").asDouble()).isCloseTo(Math.sqrt(15), within(1e-10));
        assertThat(j.get("muHat").asDouble()).isCloseTo(0.0, within(1e-10));
        assertThat(j.get("deltaR").asDouble()).isCloseTo(Math.sqrt(4) + Math.sqrt(2), within(1e-10));
        assertThat(j.get("fiedler").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(j.get("cheegerExact").isNull()).isFalse();
        assertThat(j.get("lowDegree").asBoolean()).isFalse();
        String[] keys = {"left", "right", "isolatedLeft", "isolatedRight", "edges", "avgDegreeLeft", "avgDegreeRight",
            "minDegree", "maxDegree", "components", "singularValues", "mu0", "muHat", "deltaS", "deltaR",
            "deltaSNormalized", "deltaRNormalized", "weightedGap", "fiedler", "cheegerLower", "cheegerUpper",
            "sweepCutRatio", "sweepCutSet", "cheegerExact", "lowDegree"};
        for (String k : keys) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("sweepCutSet").get(0).asText()).matches("[LR]\\d+");
    }

    @Test
    void weightedModeHasNoDeltaR() throws Exception {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "0.5,-0.25\n0.1,0.2\n");
        CliRun r = run("spectrum", "--matrix", f.toString(), "--weighted", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("deltaR").isNull()).isTrue();
        // mu_0 of |W| is below 1 here, so Delta_S is undefined too; the plain gap is defined
        assertThat(j.get("deltaS").isNull()).isTrue();
        assertThat(j.get("weightedGap").isNull()).isFalse();
    }

    @Test
    void tableIsReadable() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "1,1,0\n0,1,1\n1,0,1\n");
        CliRun r = run("spectrum", "--matrix", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Delta_R").contains("Fiedler value").contains("Cheeger constant (exact)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFile() throws Exception {
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "1,2,3\n4,5\n");
        CliRun r = run("spectrum", "--matrix", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("ragged.csv").contains("line 2").doesNotContain("Exception");
        CliRun missing = run("spectrum", "--matrix", dir.resolve("none.mtx").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.mtx");
        assertThat(run("spectrum").code()).isEqualTo(2);
    }
}
