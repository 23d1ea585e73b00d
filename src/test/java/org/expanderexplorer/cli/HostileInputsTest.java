package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.report.SweepTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of the robustness review that used to end in exit code 1, a hang, a wrong result or a lost file: each now
 * ends in exit code 2 with one line saying what is wrong, naming the file where there is one.
 */
class HostileInputsTest {

    private static final String MODEL = SweepCommandsTest.MODEL;

    @TempDir
    Path dir;

    record Case(String expected, String... args) {
    }

    @Test
    void eachEndsInExit2WithOneLine() throws Exception {
        Path big = Files.writeString(dir.resolve("big.csv"), "1e308,1e308\n1e308,1e308\n");
        byte[] binary = new byte[3000];
        new java.util.Random(5).nextBytes(binary);
        Path bin = Files.write(dir.resolve("bin.csv"), binary);
        String header = String.join(",", List.of(SweepTable.HEADER.split(",")).subList(0, 14));
        Path negative = Files.writeString(dir.resolve("neg.csv"), header + "\n-5,ih,false,,,,,,,,,1,1,1\n");
        Path deep = Files.writeString(Files.createDirectories(dir.resolve("deep")).resolve("sweep.json"),
                "{\"title\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        Path csvBesideDeep = Files.writeString(dir.resolve("deep").resolve("sweep.csv"),
                header + "\n100,ih,false,,,,,,,,,1,1,1\n");
        Path control = dir.resolve("a\nb\u001b[31m.csv");
        Path copy = Files.copy(Path.of(MODEL), dir.resolve("m.zip"));
        List<Case> cases = List.of(
            new Case(big + ": weight at row 0, column 0 is 1.0E308: the weighted analysis squares weights",
                "spectrum", "--matrix", big.toString(), "--weighted"),
            new Case("bin.csv: is not a text file", "figure", "--sweep", bin.toString(), "--graph", "ih", "--out",
                dir.resolve("f.svg").toString()),
            new Case("neg.csv, line 2: q = -5.0 is not in (0, 100]", "figure", "--sweep", negative.toString(),
                "--graph", "ih", "--out", dir.resolve("f.svg").toString()),
            new Case("sweep.json: not valid JSON (Document nesting depth", "figure", "--sweep",
                csvBesideDeep.toString(), "--graph", "ih", "--out", dir.resolve("g.svg").toString()),
            new Case("gives 3912022 grid points, more than the 1000 a sweep allows", "sweep", "--model", MODEL,
                "--data", "digits8", "--geometric", "0.999999", "--out", dir.resolve("s").toString()),
            new Case("down to q = 1.0E-300 gives 3117 grid points", "sweep", "--model", MODEL, "--data", "digits8",
                "--geometric", "0.8", "--min", "1e-300", "--out", dir.resolve("s").toString()),
            new Case("--unfold 100000 is more than the 1000 steps", "bench", "--model", MODEL, "--unfold", "100000"),
            new Case("--nd4j-threads must be 1 .. 64, got 1000", "bench", "--model", MODEL, "--data", "digits8",
                "--nd4j-threads", "1000"),
            new Case("pg: matrix of 1000007000013 x 1000007000013 entries is too large", "generate", "pg", "--q",
                "1000003", "--out", dir.resolve("pg.mtx").toString()),
            new Case("a\\nb\\u001b[31m.csv: no such file", "spectrum", "--matrix", control.toString()),
            new Case(dir.resolve("p.zip") + ": is named for two outputs", "prune", "--model", MODEL, "--keep", "50",
                "--out", dir.resolve("p.zip").toString(), "--npz", dir.resolve("p.zip").toString()),
            new Case(copy + ": is the input model; writing it would replace the model", "prune", "--model",
                copy.toString(), "--keep", "50", "--out", copy.toString()));
        for (Case c : cases) {
            CliRun r = CliRun.run(c.args());
            String what = String.join(" ", c.args());
            assertThat(r.code()).as(what + "\n" + r.err()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
            assertThat(r.err().strip()).as(what).startsWith("error: ").contains(c.expected()).doesNotContain("\n")
                    .doesNotContain("Exception");
        }
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(Path.of(MODEL)));
        assertThat(deep).exists();
    }

    /** With --replace-model the input may be replaced, as asked. */
    @Test
    void replacingTheInputModelNeedsToBeAskedFor() throws Exception {
        Path copy = Files.copy(Path.of(MODEL), dir.resolve("m.zip"));
        CliRun r = CliRun.run("prune", "--model", copy.toString(), "--keep", "50", "--out",
                copy.toString(), "--replace-model");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(copy)).isNotEqualTo(Files.readAllBytes(Path.of(MODEL)));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.zip");
        }
    }
}
