package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --noise-snr} and {@code --noise-seed} on train, evaluate and sweep: taken, repeatable, recorded. */
class NoiseCommandsTest {

    static final String MODEL = "sample-models/digits8-rnn12.zip";

    @TempDir
    Path dir;

    @Test
    void evaluateOnNoisyDataIsRepeatableAndSaysSo() throws IOException {
        CliRun clean = run("evaluate", "--model", MODEL, "--data", "digits8", "--json");
        CliRun a = run("evaluate", "--model", MODEL, "--data", "digits8", "--noise-snr", "0", "--noise-seed", "4",
                "--json");
        CliRun b = run("evaluate", "--model", MODEL, "--data", "digits8", "--noise-snr", "0", "--noise-seed", "4",
                "--json");
        assertThat(a.code()).as(a.err()).isZero();
        JsonNode ja = Json.readTree(a.out().getBytes());
        JsonNode jb = Json.readTree(b.out().getBytes());
        JsonNode jc = Json.readTree(clean.out().getBytes());
        assertThat(ja.get("confusion")).isEqualTo(jb.get("confusion"));
        assertThat(ja.get("data").asText()).isEqualTo("digits8-test-snr0dB");
        assertThat(ja.at("/noise/snrDb").asDouble()).isZero();
        assertThat(ja.at("/noise/seed").asLong()).isEqualTo(4);
        assertThat(ja.at("/noise/appliedTo").asText()).isEqualTo("values in [0, 1]");
        assertThat(jc.has("noise")).isFalse();
        // noise as strong as the digits costs this small model accuracy
        assertThat(ja.get("accuracy").asDouble()).isLessThan(jc.get("accuracy").asDouble() - 0.05);
        CliRun text = run("evaluate", "--model", MODEL, "--data", "digits8", "--noise-snr", "0", "--noise-seed", "4");
        assertThat(text.out()).contains("noise:    white Gaussian noise at 0 dB SNR (seed 4) on the values in [0, 1]");
        CliRun seedOnly = run("evaluate", "--model", MODEL, "--data", "digits8", "--noise-seed", "4");
        assertThat(seedOnly.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(seedOnly.err().strip()).isEqualTo("error: --noise-seed needs --noise-snr DB (the noise it seeds)");
    }

    @Test
    void trainRecordsTheNoiseInTheModel() throws IOException {
        Path model = dir.resolve("noisy.zip");
        CliRun r = run("train", "--arch", "rnn", "--hidden", "6", "--data", "digits8", "--epochs", "1", "--seed", "3",
                "--train-limit", "200", "--noise-snr", "15", "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("on digits8-test-snr15dB").contains("noise: digits8 with white Gaussian noise "
                + "at 15 dB SNR (seed 3)");
        var meta = ModelFiles.load(model).metadata();
        assertThat(meta.noise().snrDb()).isEqualTo(15);
        // the noise seed defaults to --seed
        assertThat(meta.noise().seed()).isEqualTo(3L);
        assertThat(meta.dataset()).isEqualTo("digits8");
        assertThat(meta.source()).isEqualTo("trained");
        CliRun e = run("evaluate", "--model", model.toString(), "--data", "digits8", "--noise-snr", "15",
                "--noise-seed", "3", "--json");
        assertThat(Json.readTree(e.out().getBytes()).get("accuracy").asDouble()).isEqualTo(meta.testAccuracy());
    }

    @Test
    void sweepRecordsTheNoise() throws IOException {
        Path out = dir.resolve("sweep");
        CliRun r = run("sweep", "--model", MODEL, "--data", "digits8", "--grid", "100,50", "--noise-snr", "20",
                "--noise-seed", "9", "--formats", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.readTree(out.resolve("sweep.json"));
        assertThat(json.get("testData").asText()).isEqualTo("digits8-test-snr20dB");
        assertThat(json.at("/provenance/noise/snrDb").asDouble()).isEqualTo(20);
        assertThat(json.at("/provenance/noise/seed").asLong()).isEqualTo(9);
        assertThat(json.at("/provenance/seeds/noise").asLong()).isEqualTo(9);
        assertThat(json.get("title").asText()).contains("digits8-test-snr20dB");
    }
}
