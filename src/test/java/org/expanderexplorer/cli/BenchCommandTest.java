package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bench} on a small matrix and on the shipped digits model: the JSON keys, sizes and plausible times. */
class BenchCommandTest {

    private static final String[] LAYER_STAGES = {"graph", "singularValues", "gaps", "fiedler", "sweepCut",
        "cheegerBounds", "total"};

    @TempDir
    Path dir;

    /** A 6 x 9 matrix with 3 non-zeros per row (a 3-regular left side), written as CSV. */
    private Path smallMatrix() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 9; j++) {
                boolean edge = (j - i + 9) % 9 < 3;
                csv.append(j == 0 ? "" : ",").append(edge ? String.valueOf(0.5 + i) : "0");
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("small.csv"), csv);
    }

    private static void assertTimes(JsonNode j, String... stages) {
        for (String s : stages) {
            assertThat(j.has(s + "MedianMillis")).as(s + "MedianMillis").isTrue();
            assertThat(j.has(s + "MinMillis")).as(s + "MinMillis").isTrue();
            double median = j.get(s + "MedianMillis").asDouble();
            double min = j.get(s + "MinMillis").asDouble();
            // a stage of a few dozen nanoseconds may read 0 on a coarse clock; none may be negative or exceed
            // its median with its minimum
            assertThat(min).as(s).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(median);
        }
        assertThat(j.get("totalMedianMillis").asDouble()).isPositive();
        assertThat(j.get("totalMinMillis").asDouble()).isPositive()
                .isLessThanOrEqualTo(j.get("totalMedianMillis").asDouble());
    }

    @Test
    void matrixJsonHasEveryStageAndTheMatrixSize() throws IOException {
        Path m = smallMatrix();
        CliRun r = run("bench", "--matrix", m.toString(), "--repeat", "3", "--warmup", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("rows").asInt()).isEqualTo(6);
        assertThat(j.get("cols").asInt()).isEqualTo(9);
        assertThat(j.get("nonZeros").asInt()).isEqualTo(18);
        assertThat(j.get("representation").asText()).isEqualTo("UNWEIGHTED");
        assertThat(j.get("repeat").asInt()).isEqualTo(3);
        assertThat(j.get("clock").asText()).isEqualTo("wall clock");
        assertTimes(j, LAYER_STAGES);
        assertThat(j.get("graphMedianMillis").asDouble()).isPositive();
        assertThat(j.get("fiedlerMedianMillis").asDouble()).isPositive();
    }

    @Test
    void weightedCpuTimeTableNamesEveryStage() throws IOException {
        Path m = smallMatrix();
        CliRun r = run("bench", "--matrix", m.toString(), "--weighted", "--cpu-time", "--repeat", "2", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("WEIGHTED").contains("2 timed runs after 0 warm-up runs, thread CPU time");
        for (String s : LAYER_STAGES) {
            assertThat(r.out()).containsPattern("(?m)^  " + s + " +[0-9.]+ +[0-9.]+$");
        }
    }

    @Test
    void modelInferenceAndUnfoldedGraph() throws IOException {
        int threadsBefore = Nd4j.getEnvironment().maxMasterThreads();
        CliRun r = run("bench", "--model", Path.of("sample-models", "digits8-rnn12.zip").toString(), "--data",
                "digits8", "--limit", "50", "--batch", "20", "--nd4j-threads", "1", "--unfold", "8", "--repeat", "2",
                "--warmup", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("sequences").asInt()).isEqualTo(50);
        assertThat(j.get("batch").asInt()).isEqualTo(20);
        assertThat(j.get("nd4jMasterThreads").asInt()).isEqualTo(1);
        assertThat(j.get("nd4jThreads").asInt()).isPositive();
        // the process-wide setting is put back afterwards
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(threadsBefore);
        // H + T (I + H) vertices: 12 + 8 (8 + 12)
        assertThat(j.get("unfoldedVertices").asInt()).isEqualTo(172);
        assertThat(j.get("unfoldedSteps").asInt()).isEqualTo(8);
        assertTimes(j, "inference", "unfoldedGraph", "unfoldedFiedler", "unfoldedSweepCut", "unfoldedTotal");
        // with --data the total is the inference time
        assertThat(j.get("totalMedianMillis").asDouble()).isEqualTo(j.get("inferenceMedianMillis").asDouble());
        assertThat(j.get("inferenceMedianMillis").asDouble()).isPositive();
    }

    @Test
    void prunedVariantsAreTimedAndScoredLikeThePrunedModel() throws IOException {
        Path digits = Path.of("sample-models", "digits8-rnn12.zip");
        CliRun r = run("bench", "--model", digits.toString(), "--data", "digits8", "--limit", "100", "--keep", "30,10",
                "--repeat", "2", "--warmup", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTimes(j, "inference", "pruned30", "pruned10");
        assertThat(j.get("speedUpOverDense").has("pruned30")).isTrue();
        // the pruned stage scores what the pruned model scores (prune writes it; evaluate measures it)
        Path zip = dir.resolve("p30.zip");
        assertThat(run("prune", "--model", digits.toString(), "--keep", "30", "--out", zip.toString()).code())
                .isZero();
        CliRun e = run("evaluate", "--model", zip.toString(), "--data", "digits8", "--limit", "100", "--json");
        assertThat(j.get("accuracy").get("pruned30").asDouble())
                .isEqualTo(new ObjectMapper().readTree(e.out()).get("accuracy").asDouble());
        assertThat(j.get("accuracy").get("inference").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void numpyPeerRunsTheSameWeightsOnTheSameSequences() throws Exception {
        Assumptions.assumeTrue(NumpyAvailable.check(), "python3 with numpy is not installed");
        CliRun r = run("bench", "--model", Path.of("sample-models", "digits8-rnn12.zip").toString(), "--data",
                "digits8", "--limit", "200", "--keep", "20", "--peer", "numpy", "--repeat", "2", "--warmup", "1",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTimes(j, "inference", "pruned20", "numpyDense", "numpy20");
        assertThat(j.get("peer").asText()).startsWith("numpy ").contains("BLAS");
        // the same predictions, up to float rounding (which may move an example or two on a tie)
        assertThat(j.get("numpyAccuracy").get("numpyDense").asDouble())
                .isCloseTo(j.get("accuracy").get("inference").asDouble(), within(0.011));
        assertThat(j.get("numpyAccuracy").get("numpy20").asDouble())
                .isCloseTo(j.get("accuracy").get("pruned20").asDouble(), within(0.011));
        assertThat(j.get("timeOverNumpyDense").get("inference").asDouble()).isPositive();
    }

    @Test
    void peerFilesCanBeRunByHand() throws Exception {
        Assumptions.assumeTrue(NumpyAvailable.check(), "python3 with numpy is not installed");
        Path files = dir.resolve("peer");
        CliRun r = run("bench", "--model", Path.of("sample-models", "smnist-lstm128.zip").toString(), "--data",
                "mnist", "--limit", "100", "--keep", "none", "--peer-files", files.toString(), "--repeat", "1",
                "--warmup", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        double tool = new ObjectMapper().readTree(r.out()).get("accuracy").get("inference").asDouble();
        Process p = new ProcessBuilder("python3", files.resolve(NumpyPeer.SCRIPT).toString(), files.toString(),
                "--repeat", "1", "--warmup", "0").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        // the first 100 MNIST test sequences through the sample LSTM: the tool's accuracy again
        assertThat(out).containsPattern("dense +median +[0-9.]+ ms +min +[0-9.]+ ms +accuracy "
                + String.format(java.util.Locale.ROOT, "%.4f", tool));
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.csv"), "1,2\n3\n");
        Path m = smallMatrix();
        Path digits = Path.of("sample-models", "digits8-rnn12.zip");
        String[][] cases = {
            {"bench", "--matrix", notes.toString()},
            {"bench", "--matrix", dir.resolve("missing.mtx").toString()},
            {"bench", "--matrix", m.toString(), "--repeat", "0"},
            {"bench", "--matrix", m.toString(), "--warmup", "-1"},
            {"bench", "--matrix", m.toString(), "--repeat", "many"},
            {"bench", "--matrix", m.toString(), "--model", digits.toString()},
            {"bench", "--model", digits.toString()},
            {"bench", "--model", digits.toString(), "--unfold", "0"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--batch", "0"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--nd4j-threads", "0"},
            {"bench", "--model", digits.toString(), "--data", "nosuchdata"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--keep", "100"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--keep", "x"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--peer", "torch"},
            {"bench", "--model", digits.toString(), "--data", "digits8", "--peer", "numpy", "--python",
                dir.resolve("no-such-python").toString()},
        };
        for (String[] args : cases) {
            CliRun r = run(args);
            String what = String.join(" ", args);
            assertThat(r.code()).as(what).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
            assertThat(r.err().strip()).as(what).startsWith("error: ").doesNotContain("\n")
                    .doesNotContain("Exception");
            assertThat(r.out()).as(what).isEmpty();
        }
    }
}
