package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and inspect end to end on the shipped 8 x 8 digits, with a tiny model. */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    static Path model;
    static CliRun trained;

    @BeforeAll
    static void train() {
        model = dir.resolve("tiny.zip");
        trained = run("train", "--arch", "rnn", "--hidden", "6", "--data", "digits8", "--epochs", "2", "--seed", "3",
                "--train-limit", "300", "--lr", "0.01", "--out", model.toString());
    }

    @Test
    void trainPrintsTheTestAccuracyAndSavesTheModelWithMetadata() throws IOException {
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).startsWith("test accuracy: ").contains("on digits8-test").contains("saved: ");
        assertThat(trained.err()).contains("epoch 2/2").contains("ETA");
        var meta = ModelFiles.load(model).metadata();
        assertThat(meta.dataset()).isEqualTo("digits8");
        assertThat(meta.steps()).isEqualTo(8);
        assertThat(meta.features()).isEqualTo(8);
        assertThat(meta.seed()).isEqualTo(3L);
        assertThat(meta.epochs()).isEqualTo(2);
        assertThat(meta.testExamples()).isEqualTo(359);
        assertThat(meta.architecture()).isEqualTo("rnn");
    }

    @Test
    void evaluateJsonAgreesWithTheAccuracyRecordedAtTrainingTime() throws IOException {
        CliRun r = run("evaluate", "--model", model.toString(), "--data", "digits8", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("examples").asInt()).isEqualTo(359);
        assertThat(json.get("accuracy").asDouble()).isEqualTo(ModelFiles.load(model).metadata().testAccuracy());
        int sum = 0;
        for (JsonNode row : json.get("confusion")) {
            for (JsonNode v : row) {
                sum += v.asInt();
            }
        }
        assertThat(sum).isEqualTo(359);
    }

    @Test
    void evaluateHonoursTheLimitAndReadsNpz() throws IOException {
        Path npz = dir.resolve("tiny.npz");
        PyTorchNpz.save(ModelFiles.load(model).model(), npz);
        CliRun zip = run("evaluate", "--model", model.toString(), "--data", "digits8", "--limit", "100", "--json");
        CliRun fromNpz = run("evaluate", "--model", npz.toString(), "--data", "digits8", "--limit", "100", "--json");
        assertThat(fromNpz.code()).as(fromNpz.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(zip.out());
        JsonNode b = new ObjectMapper().readTree(fromNpz.out());
        assertThat(a.get("examples").asInt()).isEqualTo(100);
        assertThat(b.get("correct").asInt()).isEqualTo(a.get("correct").asInt());
        assertThat(b.get("format").asText()).isEqualTo("PYTORCH_NPZ");
    }

    @Test
    void evaluateHumanOutputShowsAccuracyAndConfusion() {
        CliRun r = run("evaluate", "--model", model.toString(), "--data", "digits8");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("accuracy: ").contains("(").contains("/ 359)").contains("confusion matrix");
    }

    @Test
    void inspectListsShapesAndSparsity() throws IOException {
        CliRun r = run("inspect", "--model", model.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        // 6 x (8 + 6 + 1) + 6 x 10 + 10
        assertThat(json.get("parameters").asLong()).isEqualTo(6 * 15 + 70);
        JsonNode ih = json.get("matrices").get(0);
        assertThat(ih.get("name").asText()).isEqualTo("layer0.ih");
        assertThat(ih.get("rows").asInt()).isEqualTo(8);
        assertThat(ih.get("cols").asInt()).isEqualTo(6);
        assertThat(json.get("metadata").get("dataset").asText()).isEqualTo("digits8");
        CliRun human = run("inspect", "--model", model.toString());
        assertThat(human.out()).contains("rnn 6 x 1 (8 -> 10)").contains("layer0.hh").contains("sparsity");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a model\n");
        CliRun r = run("evaluate", "--model", text.toString(), "--data", "digits8");
        assertThat(r.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).startsWith("error: " + text).doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();

        CliRun noFolder = run("train", "--arch", "rnn", "--hidden", "4", "--data", "digits8", "--epochs", "1",
                "--seed", "1", "--out", dir.resolve("missing/x.zip").toString());
        assertThat(noFolder.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(noFolder.err()).contains("does not exist");

        CliRun arch = run("train", "--arch", "gru", "--hidden", "4", "--data", "digits8", "--epochs", "1", "--seed",
                "1", "--out", dir.resolve("y.zip").toString());
        assertThat(arch.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(arch.err().strip()).isEqualTo("error: unknown architecture 'gru': expected rnn or lstm");
    }
}
