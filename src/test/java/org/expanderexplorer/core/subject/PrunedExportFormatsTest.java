package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.model.Fixtures;
import org.expanderexplorer.core.model.ModelExportFormat;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.NpyArray;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pruned model given back in the user's own format: the exact keys, order, shapes and element types of the file
 * it came from, biases as they were, pruned weights zero, masks beside it; PyTorch loads it with
 * {@code strict=True} into the module that made the file (where PyTorch is installed) and predicts what this
 * program predicts.
 */
class PrunedExportFormatsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private PrunedModelExport pruned(SavedModel saved, int layer) {
        Subject subject = org.expanderexplorer.core.subject.LoadedModel.of(saved.file(), saved, null, "m", layer)
                .subject();
        PrunedState state = subject.prune(30, new PruneSettings(PruningMethod.MAGNITUDE, true, true, false, 1, 1));
        return new PrunedModelExport(saved.model(), saved.layout(), layer, state);
    }

    @ParameterizedTest
    @CsvSource({"lstm.pt, 0", "rnn2.pt, 1", "lstm-f16.pt, 0", "rnn2.safetensors, 0"})
    void aPrunedStateDictHasTheSourcesKeysShapesTypesAndBiases(String name, int layer) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(name));
        String ext = name.substring(name.indexOf('.'));
        Map<String, NpyArray> original = read(Fixtures.file(name));
        PrunedModelExport export = pruned(saved, layer);
        Path out = dir.resolve("pruned" + ext);
        export.write(out, saved.metadata(), export.how(name));
        Path masksFile = PrunedModelExport.masksFile(out);
        export.writeMasks(masksFile);
        Map<String, NpyArray> back = read(out);
        Map<String, NpyArray> masks = read(masksFile);

        assertThat(back.keySet()).containsExactlyElementsOf(original.keySet());
        String prefix = saved.layout().recurrentPrefix();
        assertThat(masks.keySet()).containsExactly(prefix + "weight_ih_l" + layer, prefix + "weight_hh_l" + layer);
        for (String k : original.keySet()) {
            NpyArray o = original.get(k);
            NpyArray b = back.get(k);
            assertThat(b.shape()).as(k).isEqualTo(o.shape());
            assertThat(b.type()).as(k).isEqualTo(o.type());
            NpyArray m = masks.get(k);
            if (m == null) {
                // biases, the head and the other layer: exactly as they were
                assertThat(b.values()).as(k).containsExactly(o.values());
                continue;
            }
            assertThat(m.shape()).isEqualTo(o.shape());
            double[] mv = m.values();
            double[] bv = b.values();
            double[] ov = o.values();
            int kept = 0;
            for (int i = 0; i < mv.length; i++) {
                assertThat(bv[i]).as("%s[%d]", k, i).isEqualTo(mv[i] == 0 ? 0.0 : ov[i]);
                kept += (int) mv[i];
            }
            assertThat(kept).isBetween(mv.length * 29 / 100, mv.length * 31 / 100);
        }
    }

    /** Each format reads back to a network that predicts exactly what the pruned network predicts. */
    @ParameterizedTest
    @CsvSource({"lstm.pt, .pt", "lstm.pt, .npz", "lstm.pt, .safetensors", "lstm.pt, .onnx", "lstm.pt, .zip",
        "rnn2.onnx, .onnx", "rnn2.onnx, .pth"})
    void everyFormatReadsBackToThePrunedNetwork(String name, String ext) throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(name));
        PrunedModelExport export = pruned(saved, 0);
        Path out = dir.resolve("pruned" + ext);
        export.write(out, saved.metadata(), export.how(name));
        SavedModel back = ModelFiles.loadAny(out);
        assertThat(back.model().spec()).isEqualTo(saved.model().spec());
        assertThat(Fixtures.predictions(back.model(), Fixtures.allDigits()))
                .isEqualTo(Fixtures.predictions(export.prunedModel(), Fixtures.allDigits()));
        if (!ext.equals(".zip")) {
            assertThat(back.layout().recurrentPrefix()).isEqualTo(saved.layout().recurrentPrefix());
            assertThat(back.layout().headPrefix()).isEqualTo(saved.layout().headPrefix());
        }
    }

    /**
     * PyTorch itself loads the pruned file with strict=True into the module that made the original (default and
     * weights_only loading), the masks hold, and it predicts what this program predicts. Skipped where PyTorch is
     * not installed; the exact keys, shapes and types are checked without it above.
     */
    @ParameterizedTest
    @CsvSource({"lstm.pt, lstm, 0", "rnn2.pt, rnn2, 1", "rnn2.onnx, rnn2, 0"})
    void pyTorchLoadsThePrunedFileStrictly(String name, String kind, int layer) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(PYTHON) && hasTorch(),
                "python3 with PyTorch");
        SavedModel saved = ModelFiles.loadAny(Fixtures.file(name));
        PrunedModelExport export = pruned(saved, layer);
        Path out = dir.resolve("pruned.pt");
        export.write(out, saved.metadata(), export.how(name));
        Path masks = PrunedModelExport.masksFile(out);
        export.writeMasks(masks);
        String printed = run(Fixtures.file("check_strict.py").toString(), kind, out.toString(), masks.toString());
        String[] parts = printed.strip().split(" ");
        int[] ours = Fixtures.predictions(export.prunedModel(), Fixtures.allDigits());
        assertThat(parts).hasSize(ours.length);
        int agree = 0;
        for (int i = 0; i < ours.length; i++) {
            agree += Integer.parseInt(parts[i]) == ours[i] ? 1 : 0;
        }
        assertThat(agree).isGreaterThanOrEqualTo(ours.length - 2);
    }

    @Test
    void theExportedOnnxPassesOnnxsOwnChecker() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(PYTHON) && python("import onnx") == 0,
                "python3 with onnx");
        SavedModel saved = ModelFiles.loadAny(Fixtures.file("lstm.pt"));
        PrunedModelExport export = pruned(saved, 0);
        Path out = dir.resolve("pruned.onnx");
        export.write(out, saved.metadata(), export.how("lstm.pt"));
        assertThat(python("import onnx; m = onnx.load('" + out + "'); onnx.checker.check_model(m, full_check=True); "
                + "o = m.graph.output[0].type.tensor_type.shape.dim; assert o[1].dim_value == 10")).isZero();
    }

    /** The window's export: model, masks and summary appear together, and nothing else is left in the folder. */
    @Test
    void aSetIsTheModelItsMasksAndTheSummary() throws IOException {
        SavedModel saved = ModelFiles.loadAny(Fixtures.file("lstm.pt"));
        PrunedModelExport export = pruned(saved, 0);
        Path out = dir.resolve("pruned.safetensors");
        Path json = dir.resolve("pruned.json");
        PrunedModelExport.Summary s = export.writeSet(out, json, saved.metadata(), "lstm.pt",
                org.expanderexplorer.core.io.Provenance.now().withModelFile(Fixtures.file("lstm.pt")), 8);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("pruned.json", "pruned.masks.safetensors", "pruned.safetensors");
        }
        assertThat(s.modelFile()).isEqualTo(out.toString());
        assertThat(s.modelBytes()).isEqualTo(Files.size(out));
        assertThat(s.masksBytes()).isEqualTo(Files.size(dir.resolve("pruned.masks.safetensors")));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("modelFormat").asText()).isEqualTo("SAFETENSORS");
        assertThat(tree.get("nonZero").asLong()).isEqualTo(s.nonZero());
        assertThat(s.speed()).isNotNull();
        assertThat(tree.get("provenance").toString()).contains("magnitude");
        assertThat(read(out).keySet()).containsExactlyElementsOf(read(Fixtures.file("lstm.pt")).keySet());
    }

    @Test
    void masksGoBesideTheModelNeverIntoIt() {
        assertThat(PrunedModelExport.masksFile(Path.of("p.pt"))).isEqualTo(Path.of("p.masks.npz"));
        assertThat(PrunedModelExport.masksFile(Path.of("p.safetensors"))).isEqualTo(Path.of("p.masks.safetensors"));
        assertThat(PrunedModelExport.masksFile(Path.of("p.zip"))).isNull();
        assertThat(ModelExportFormat.of(Path.of("x.PTH"))).isEqualTo(ModelExportFormat.PYTORCH);
    }

    private static Map<String, NpyArray> read(Path file) throws IOException {
        return ModelFiles.tensors(file);
    }

    private static boolean hasTorch() throws Exception {
        return python("import torch") == 0;
    }

    private static int python(String code) throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("check_strict", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().put("DIGITS_CSV_GZ", Path.of(org.expanderexplorer.core.data.DigitsDataset.class
                .getResource("digits/digits.csv.gz").toURI()).toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String messages = Files.readString(err);
        Files.delete(err);
        assertThat(p.exitValue()).as("check_strict.py exit code; its messages: %s", messages).isZero();
        return out;
    }
}
