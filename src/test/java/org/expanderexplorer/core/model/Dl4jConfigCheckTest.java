package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.weights.WeightInit;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.fuzz.ZipEntries;
import org.expanderexplorer.core.model.probe.ProbeRecord;
import org.expanderexplorer.core.model.probe.SerializedTwin1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class Dl4jConfigCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBES = "org.expanderexplorer.core.model.probe.";

    @TempDir
    Path dir;

    /** Every type id that models written by this program hold, for every option it offers. */
    @Test
    void everyIdThatTrainingWritesIsAllowed() throws Exception {
        Set<String> ids = new TreeSet<>();
        ArraySequenceDataset data = ArraySequenceDataset.noise(8, 3, 4, 3, 5);
        for (CellType cell : CellType.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (double clip : new double[] {0, 1}) {
                    ModelSpec spec = new ModelSpec(cell, 4, 5, layers, 3);
                    RecurrentClassifier start = RecurrentClassifier.create(spec, 3, 0.01, clip);
                    RecurrentClassifier trained = new Trainer(start, data, new TrainingConfig(1, 4, 0.02, 1),
                            WeightMasks.none(), ProgressListener.NONE, () -> false).run().model();
                    Path file = dir.resolve(cell.id() + layers + "-" + clip + ".zip");
                    ModelFiles.save(trained, ModelMetadata.of(spec, "test"), file);
                    collect(JSON.readTree(entry(Files.readAllBytes(file), "configuration.json")), ids);
                    assertThat(ModelFiles.load(file).model().spec()).isEqualTo(spec);
                }
            }
        }
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(Dl4jConfigCheck.allowed()).containsKey(id));
        assertThat(ids).contains("org.deeplearning4j.nn.conf.layers.LSTM",
                "org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn",
                "org.nd4j.linalg.learning.config.Adam");
    }

    /** The documented alternatives: every class the builder enums name for the same roles is allowed. */
    @Test
    void everyBuilderEnumChoiceIsAllowed() {
        for (Activation a : Activation.values()) {
            assertThat(Dl4jConfigCheck.allowed()).as(a.name())
                    .containsKey(a.getActivationFunction().getClass().getName());
        }
        for (LossFunctions.LossFunction l : LossFunctions.LossFunction.values()) {
            assertThat(Dl4jConfigCheck.allowed()).as(l.name()).containsKey(l.getILossFunction().getClass().getName());
        }
        for (WeightInit w : WeightInit.values()) {
            if (w != WeightInit.DISTRIBUTION) {
                assertThat(Dl4jConfigCheck.allowed()).as(w.name())
                        .containsKey(w.getWeightInitFunction().getClass().getName());
            }
        }
    }

    /** No typo, nothing foreign: each name is a concrete class of its section's type (checked without init). */
    @Test
    void everyAllowedNameIsAConcreteClassOfItsRole() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        for (Map.Entry<String, String> e : Dl4jConfigCheck.allowed().entrySet()) {
            Class<?> c = Class.forName(e.getKey(), false, loader);
            Class<?> base = Class.forName(e.getValue(), false, loader);
            assertThat(base.isAssignableFrom(c)).as(e.getKey() + " is a " + e.getValue()).isTrue();
            assertThat(Modifier.isAbstract(c.getModifiers())).as(e.getKey()).isFalse();
            assertThat(c.getName()).startsWith("org.");
        }
        assertThat(Dl4jConfigCheck.allowed()).hasSizeGreaterThan(90).hasSizeLessThan(130);
    }

    @Test
    void anOffListClassIsNeitherInitialisedNorConstructed() throws Exception {
        byte[] valid = Files.readAllBytes(Path.of("sample-models", "digits8-rnn12.zip"));
        String fitting = PROBES + "FittingActivationProbe";
        Path a = withConfig(valid, "fitting.zip", c -> ((ObjectNode) c.at("/confs/0/layer/underlying/activationFn"))
                .put("@class", fitting));
        assertThatThrownBy(() -> ModelFiles.load(a)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("fitting.zip: configuration.json names the type '" + fitting
                        + "' at confs[0].layer.underlying.activationFn.@class")
                .hasMessageNotContaining("\n");
        Path b = withConfig(valid, "unrelated.zip", c -> ((ObjectNode) c.at("/confs/1/layer/lossFn"))
                .put("@class", PROBES + "UnrelatedProbe"));
        assertThatThrownBy(() -> ModelFiles.loadAny(b)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at confs[1].layer.lossFn.@class");
        // a distribution names its class in "type"
        Path c = withConfig(valid, "dist.zip", conf -> ((ObjectNode) conf.at("/confs/1/layer")).putObject(
                "weightInitFn").put("@class", "org.deeplearning4j.nn.weights.WeightInitDistribution")
                .putObject("distribution").put("type", PROBES + "UnrelatedProbe"));
        assertThatThrownBy(() -> ModelFiles.load(c)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at confs[1].layer.weightInitFn.distribution.type");
        assertThat(ProbeRecord.EVENTS).isEmpty();
    }

    @Test
    void duplicateOrExoticTypeKeysAndLegacyFormsAreRefused() throws Exception {
        byte[] valid = Files.readAllBytes(Path.of("sample-models", "digits8-rnn12.zip"));
        String conf = new String(entry(valid, "configuration.json"), StandardCharsets.UTF_8);
        // Deeplearning4j reads the first "@class", a tree keeps the last: two of them are refused
        String twice = conf.replaceFirst("\"@class\" : \"org.nd4j.linalg.activations.impl.ActivationTanH\"",
                "\"@class\" : \"" + PROBES + "UnrelatedProbe\", \"@class\" : "
                        + "\"org.nd4j.linalg.activations.impl.ActivationTanH\"");
        assertThat(twice).isNotEqualTo(conf);
        assertRefused(valid, "twice.zip", twice, "Duplicate field '@class'");
        assertRefused(valid, "at-key.zip", conf.replaceFirst("\"layerName\"", "\"@type\""), "@type");
        // the pre-1.0 wrapper form ({"tanh": {}}) would reach Deeplearning4j's legacy mapper: refused instead
        String legacy = conf.replaceFirst("\\{\\s*\"@class\" : \"org.nd4j.linalg.activations.impl.ActivationTanH\""
                + "\\s*}", "{ \"TanH\" : { } }");
        assertThat(legacy).isNotEqualTo(conf);
        assertRefused(valid, "legacy.zip", legacy, "is not a Deeplearning4j MultiLayerNetwork configuration");
        assertRefused(valid, "deep.zip", conf.replaceFirst("\"variables\" : \\[ ]",
                "\"variables\" : " + "[".repeat(5000) + "]".repeat(5000)), "nesting depth");
        assertThat(ProbeRecord.EVENTS).isEmpty();
    }

    /** Deeplearning4j reads preprocessor.bin with ObjectInputStream: the entry is never passed on. */
    @Test
    void otherEntriesAreNeverDeserialised() throws Exception {
        byte[] valid = Files.readAllBytes(Path.of("sample-models", "digits8-rnn12.zip"));
        ByteArrayOutputStream ser = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(ser)) {
            out.writeObject(java.util.List.of(new SerializedTwin1()));
        }
        byte[] bytes = ser.toByteArray();
        byte[] twin = (PROBES + "SerializedTwin1").getBytes(StandardCharsets.UTF_8);
        byte[] probe = (PROBES + "SerializedProbe").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, twin);
        assertThat(at).isPositive();
        System.arraycopy(probe, 0, bytes, at, probe.length);
        Map<String, byte[]> entries = ZipEntries.read(valid);
        entries.put("preprocessor.bin", bytes);
        entries.put("normalizer.bin", bytes);
        entries.put("updaterState.bin", bytes);
        Path file = dir.resolve("extras.zip");
        Files.write(file, ZipEntries.write(entries));
        assertThat(ModelFiles.load(file).model().spec().hidden()).isEqualTo(12);
        assertThat(ProbeRecord.EVENTS).isEmpty();
    }

    private void assertRefused(byte[] valid, String name, String config, String expected) throws Exception {
        Map<String, byte[]> entries = ZipEntries.read(valid);
        entries.put("configuration.json", config.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve(name);
        Files.write(file, ZipEntries.write(entries));
        assertThatThrownBy(() -> ModelFiles.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(expected).hasMessageNotContaining("\n");
    }

    private interface Edit {
        void apply(JsonNode conf);
    }

    private Path withConfig(byte[] zip, String name, Edit edit) throws Exception {
        Map<String, byte[]> entries = ZipEntries.read(zip);
        JsonNode conf = JSON.readTree(entries.get("configuration.json"));
        edit.apply(conf);
        entries.put("configuration.json", JSON.writeValueAsBytes(conf));
        Path file = dir.resolve(name);
        Files.write(file, ZipEntries.write(entries));
        return file;
    }

    private static void collect(JsonNode node, Set<String> ids) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("@class") || (e.getKey().equals("type") && e.getValue().isTextual())) {
                ids.add(e.getValue().asText());
            }
        });
        node.elements().forEachRemaining(child -> collect(child, ids));
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        return ZipEntries.read(zip).get(name);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
