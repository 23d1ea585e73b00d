package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expanderexplorer.core.io.FileDigests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sweep, figure and prune end to end on the shipped 8 x 8 digits RNN. */
class SweepCommandsTest {

    static final String MODEL = "sample-models/digits8-rnn12.zip";

    @TempDir
    static Path dir;

    static Path out;
    static CliRun swept;

    @BeforeAll
    static void sweep() {
        out = dir.resolve("sweep");
        swept = run("sweep", "--model", MODEL, "--data", "digits8", "--grid", "100,75,50,25,10", "--export", "25",
                "--out", out.toString());
    }

    @Test
    void sweepWritesCsvJsonFiguresAndTheCrossingsOnStdout() throws IOException {
        assertThat(swept.code()).as(swept.err()).isZero();
        assertThat(swept.out()).contains("accuracy at q = 100 %: 91.36 %").contains("first zero crossings")
                .contains("stopping rule");
        assertThat(swept.err()).contains("q =  25.000 %").contains("accuracy");
        for (String g : new String[] {"ih", "hh", "step"}) {
            for (String rep : new String[] {"unweighted", "weighted"}) {
                for (String ext : new String[] {"png", "svg"}) {
                    assertThat(out.resolve("figures/" + g + "-" + rep + "." + ext)).isNotEmptyFile();
                }
            }
        }
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(1 + 5 * 3 * 2);
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(json.get("modelSha256").asText()).hasSize(64);
        assertThat(json.get("grid")).hasSize(5);
        // the dense accuracy is the one the sample model's README states
        assertThat(json.get("denseAccuracy").asDouble()).isEqualTo(328 / 359.0);
        assertThat(json.at("/firstZeroCrossing/ih/unweighted").has("deltaR")).isTrue();
        assertThat(json.at("/provenance/modelSha256").asText()).isEqualTo(json.get("modelSha256").asText());
        assertThat(json.at("/provenance/dataSet").asText()).isEqualTo("digits8-test");
        assertThat(json.at("/provenance/createdAt").asText()).isEqualTo(json.get("startedAt").asText());
    }

    @Test
    void theExportedModelEvaluatesToTheAccuracyTheSweepReported() throws IOException {
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        double reported = json.get("accuracy").get(3).asDouble();
        Path zip = out.resolve("models/digits8-rnn12-q25.zip");
        Path npz = out.resolve("models/digits8-rnn12-q25.npz");
        for (Path model : new Path[] {zip, npz}) {
            CliRun e = run("evaluate", "--model", model.toString(), "--data", "digits8", "--json");
            assertThat(e.code()).as(e.err()).isZero();
            assertThat(new ObjectMapper().readTree(e.out()).get("accuracy").asDouble()).as(model.toString())
                    .isEqualTo(reported);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("models/digits8-rnn12-q25.json").toFile());
        assertThat(summary.get("keepPercent").asDouble()).isEqualTo(25.0);
    }

    @Test
    void figureRedrawsTheSameFigureFromTheCsv() throws IOException {
        for (boolean weighted : new boolean[] {false, true}) {
            Path svg = dir.resolve("again-" + weighted + ".svg");
            CliRun r = weighted
                    ? run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "hh", "--weighted",
                            "--out", svg.toString())
                    : run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "hh", "--out",
                            svg.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("crossings from sweep.json");
            String original = Files.readString(out.resolve("figures/hh-" + (weighted ? "weighted" : "unweighted")
                    + ".svg"));
            assertThat(sameIds(Files.readString(svg))).isEqualTo(sameIds(original));
        }
        // without sweep.json the crossings are recomputed from the CSV: the same lines, another title
        Path lone = Files.createDirectories(dir.resolve("lone"));
        Files.copy(out.resolve("sweep.csv"), lone.resolve("sweep.csv"));
        Path svg = dir.resolve("lone.svg");
        CliRun r = run("figure", "--sweep", lone.resolve("sweep.csv").toString(), "--graph", "hh", "--out",
                svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("recomputed");
        String original = Files.readString(out.resolve("figures/hh-unweighted.svg"));
        String title = new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).get("title").asText();
        String redrawn = Files.readString(svg);
        assertThat(redrawn).contains("sweep.csv: hh, unweighted").doesNotContain(title);
        assertThat(crossingLabels(redrawn)).isNotEmpty().isEqualTo(crossingLabels(original));
        Path png = dir.resolve("hh.png");
        assertThat(run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "hh", "--out",
                png.toString(), "--dpi", "96").code()).isZero();
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void figureAtAPrintedSizeAndResolution() throws IOException {
        Path png = dir.resolve("one-column.png");
        CliRun r = run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "ih", "--size",
                "one-column", "--dpi", "300", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("8.5x6.4cm at 300 dpi, 1004 x 756 pixels");
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1004);
        assertThat(img.getHeight()).isEqualTo(756);
        Path svg = dir.resolve("slide.svg");
        r = run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "ih", "--size", "slide",
                "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(svg)).contains("width='960.0pt'").contains("height='540.0pt'");
        r = run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "ih", "--size", "huge",
                "--out", png.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --size huge: 'huge' is not a figure size").doesNotContain("\n");
    }

    /** JFreeSVG prefixes its clip-path ids with a time stamp; everything else must be identical. */
    static String sameIds(String svg) {
        return svg.replaceAll("_\\d+clip-", "clip-");
    }

    static java.util.List<String> crossingLabels(String svg) {
        // the label is drawn as Δ, a subscript R or S, and the rest of the text
        return java.util.regex.Pattern.compile(">([RS])</text>.{0,400}?>( = 0 at [^<]*)<").matcher(svg).results()
                .map(m -> m.group(1) + m.group(2)).toList();
    }

    @Test
    void prunePrintsSizesAndWritesTheThreeFiles() throws IOException {
        Path zip = dir.resolve("p.zip");
        Path npz = dir.resolve("p.npz");
        Path json = dir.resolve("p.json");
        CliRun r = run("prune", "--model", MODEL, "--keep", "20", "--method", "expansion", "--min-degree", "2",
                "--out", zip.toString(), "--npz", npz.toString(), "--summary", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sparse (CSR)").contains("gzip").contains("rnn.weight_ih_l0");
        JsonNode s = new ObjectMapper().readTree(json.toFile());
        assertThat(s.get("method").asText()).isEqualTo("expansion");
        assertThat(s.get("zipBytes").asLong()).isEqualTo(Files.size(zip));
        assertThat(s.get("npzBytes").asLong()).isEqualTo(Files.size(npz));
        // expansion-preserving with d_min 2: no row or column of either matrix is left empty
        for (JsonNode m : s.get("matrices")) {
            assertThat(m.get("emptyRows").asInt()).isZero();
            assertThat(m.get("emptyCols").asInt()).isZero();
        }
        assertThat(run("inspect", "--model", zip.toString()).code()).isZero();
        JsonNode p = s.get("provenance");
        assertThat(p.get("modelSha256").asText()).isEqualTo(FileDigests.sha256(Path.of(MODEL)));
        assertThat(p.get("method").asText()).isEqualTo("expansion");
        assertThat(p.get("q").asDouble()).isEqualTo(20.0);
        assertThat(p.get("seeds").get("pruning").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prune --model " + MODEL + " --keep 0 --out x.zip | --keep must be in (0, 100]",
        "prune --model " + MODEL + " --keep 20 --method best --out x.zip | unknown pruning method 'best'",
        "prune --model " + MODEL + " --keep 20 --scope ih,xy --out x.zip | --scope: unknown matrix 'xy'",
        "prune --model missing.zip --keep 20 --out x.zip | missing.zip",
        "sweep --model " + MODEL + " --data digits8 --out o | give either --grid",
        "sweep --model " + MODEL + " --data digits8 --grid 100,50 --geometric 0.8 --out o | give either --grid",
        "sweep --model " + MODEL + " --data digits8 --grid 100,50 --finetune 1 --out o | --finetune needs --iterative",
        "sweep --model " + MODEL + " --data digits8 --grid 100,120 --out o | every q must be in (0, 100]",
        "sweep --model " + MODEL + " --data digits8 --grid 100,50 --graphs gates --out o | has no gates",
        "sweep --model " + MODEL + " --data mnist --grid 100,50 --out o | features per step",
        "figure --sweep missing.csv --graph ih --out f.svg | no such file",
        "figure --sweep " + MODEL + " --graph ih --out f.txt | unknown figure format",
    })
    void badInputIsOneLineAndExitCode2(String args, String message) {
        String[] a = args.strip().split(" +");
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("x.zip") || a[i].equals("o") || a[i].equals("f.svg") || a[i].equals("f.txt")) {
                a[i] = dir.resolve(a[i]).toString();
            }
        }
        CliRun r = run(a);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message.strip());
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void figureNamesTheGraphsAvailableWhenAskedForAnother() {
        CliRun r = run("figure", "--sweep", out.resolve("sweep.csv").toString(), "--graph", "ih.f", "--out",
                dir.resolve("x.svg").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no rows for graph 'ih.f'").contains("ih, hh, step");
    }
}
