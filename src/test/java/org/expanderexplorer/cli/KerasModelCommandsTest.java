package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.expanderexplorer.core.model.Fixtures;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on Keras .h5 models: evaluate as the NPZ of the same weights, prune to another format, refuse. */
class KerasModelCommandsTest {

    @TempDir
    Path dir;

    @Test
    void evaluateGivesTheAccuracyOfTheNpzOfTheSameWeights() throws IOException {
        CliRun h5 = run("evaluate", "--model", Fixtures.file("lstm.h5").toString(), "--data", "digits8", "--json");
        CliRun npz = run("evaluate", "--model", Fixtures.file("lstm.npz").toString(), "--data", "digits8", "--json");
        assertThat(h5.code()).as(h5.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(h5.out());
        JsonNode b = new ObjectMapper().readTree(npz.out());
        assertThat(a.get("format").asText()).isEqualTo("KERAS_H5");
        assertThat(a.get("examples").asInt()).isEqualTo(359);
        assertThat(a.get("correct").asInt()).isEqualTo(b.get("correct").asInt());
        assertThat(a.get("confusion")).isEqualTo(b.get("confusion"));
        CliRun human = run("evaluate", "--model", Fixtures.file("rnn2.h5").toString(), "--data", "digits8");
        assertThat(human.code()).as(human.err()).isZero();
        assertThat(human.out()).contains("Keras .h5").contains("/ 359)");
    }

    /** prune --model x.h5 --out y.pt: a state_dict under the Keras layer names, masks beside it. */
    @Test
    void pruneWritesAStateDictUnderTheKerasLayerNames() throws IOException {
        Path out = dir.resolve("pruned.pt");
        CliRun r = run("prune", "--model", Fixtures.file("lstm.h5").toString(), "--keep", "30", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, NpyArray> t = ModelFiles.tensors(out);
        assertThat(t.keySet()).containsExactly("lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0",
                "lstm.bias_hh_l0", "dense.weight", "dense.bias");
        assertThat(t.get("lstm.bias_hh_l0").values()).containsOnly(0.0);
        long zeros = java.util.Arrays.stream(t.get("lstm.weight_hh_l0").values()).filter(v -> v == 0).count();
        assertThat(zeros).isBetween(64L * 16 * 69 / 100, 64L * 16 * 71 / 100);
        assertThat(ModelFiles.tensors(dir.resolve("pruned.masks.npz")).keySet())
                .containsExactly("lstm.weight_ih_l0", "lstm.weight_hh_l0");
        CliRun back = run("evaluate", "--model", out.toString(), "--data", "digits8", "--json");
        assertThat(back.code()).as(back.err()).isZero();
    }

    @Test
    void anUnsupportedLayerEndsInExit2AndOneLine() {
        Path gru = Fixtures.file("keras-gru.h5");
        CliRun r = run("inspect", "--model", gru.toString());
        assertThat(r.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + gru + ": layer 'gru' is a GRU, which is not supported "
                + "(SimpleRNN and LSTM are)");
        assertThat(r.out()).isEmpty();
        CliRun out = run("prune", "--model", Fixtures.file("lstm.h5").toString(), "--keep", "30", "--out",
                dir.resolve("x.h5").toString());
        assertThat(out.code()).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(out.err()).contains("has no model extension");
    }
}
