package org.expanderexplorer.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.probe.ProbeRecord;
import org.expanderexplorer.core.report.SweepReport;
import org.expanderexplorer.core.report.SweepTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders hardened against hostile files, fuzzed with mutations that know their structure (see
 * {@link FuzzHarness}): a model's configuration.json edited as a JSON tree (type ids swapped for other allowed
 * ones, for classes that record being initialised, for JDK classes; type-id keys added; numbers set to extremes;
 * fields removed; legacy wrapper forms; deep nesting), and a sweep's CSV and JSON. Besides the harness's rules, no
 * probe class may ever be initialised or constructed. {@code -Dfuzz.count=5000} runs a longer campaign.
 */
class HostileFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FOREIGN = {"org.expanderexplorer.core.model.probe.FittingActivationProbe",
        "org.expanderexplorer.core.model.probe.UnrelatedProbe", "org.expanderexplorer.core.model.probe.SerializedProbe",
        "java.lang.Thread", "java.net.URL", "javax.script.ScriptEngineManager", "", "[Ljava.lang.Object;",
        "org.deeplearning4j.nn.conf.layers.DenseLayer", "org.deeplearning4j.nn.conf.layers.ConvolutionLayer"};
    private static final String[] ALLOWED = {"org.nd4j.linalg.activations.impl.ActivationReLU",
        "org.nd4j.linalg.learning.config.Sgd", "org.deeplearning4j.nn.conf.layers.LSTM",
        "org.nd4j.linalg.lossfunctions.impl.LossMSE", "org.deeplearning4j.nn.weights.WeightInitDistribution",
        "org.deeplearning4j.nn.conf.distribution.NormalDistribution", "org.nd4j.linalg.schedule.StepSchedule"};
    private static final double[] NUMBERS = {2147483647, -1, 0, 1e300, 1e9, 7000, 4294967296.0, 0.5};

    @TempDir
    Path dir;

    @Test
    void modelConfigurations() throws Exception {
        byte[] valid = Files.readAllBytes(Path.of("sample-models", "digits8-rnn12.zip"));
        List<String> failures = FuzzHarness.run(dir, "config.zip", valid, HostileFuzzTest::mutateConfig,
                ModelFiles::loadAny, 300, 801);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(ProbeRecord.EVENTS).isEmpty();
    }

    @Test
    void sweepTables() throws Exception {
        String header = SweepTable.HEADER;
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (String q : new String[] {"100", "51.2", "10"}) {
            for (String g : new String[] {"ih", "hh"}) {
                csv.append(q).append(',').append(g).append(",false,0.9,1.5,0.25,7,3,0.5,0.25,2,40,0,0,").append(q)
                        .append(",4,5,8,3,4,1,false,").append(q).append(",2,3,1.5,1.5,false\n");
            }
        }
        List<String> failures = FuzzHarness.run(dir, "sweep.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Mutator::text, SweepTable::read, 400, 901);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void sweepSummaries() throws Exception {
        String json = "{\"formatVersion\":2,\"title\":\"digits8-rnn12 on digits8-test\",\"grid\":[100,50],"
                + "\"firstZeroCrossing\":{\"ih\":{\"unweighted\":{\"deltaR\":{\"gridQ\":50,\"interpolatedQ\":55.5,"
                + "\"lastPositiveQ\":100},\"deltaS\":null},\"weighted\":{\"deltaR\":null,\"deltaS\":{\"gridQ\":50}}}}}";
        List<String> failures = FuzzHarness.run(dir, "sweep.json", json.getBytes(StandardCharsets.UTF_8),
                HostileFuzzTest::mutateJson, f -> SweepReport.readStored(f, "ih"), 400, 902);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /** A text mutation, or a structural one: deep nesting, a huge title, a value of another type. */
    private static Mutator.Mutant mutateJson(byte[] valid, Random r) {
        String s = new String(valid, StandardCharsets.UTF_8);
        return switch (r.nextInt(4)) {
            case 0 -> new Mutator.Mutant(s.replace("\"grid\":[100,50]", "\"grid\":" + "[".repeat(2000)
                    + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8), "grid nested 2000 deep");
            case 1 -> new Mutator.Mutant(s.replace("digits8-rnn12 on digits8-test", "x".repeat(100_000))
                    .getBytes(StandardCharsets.UTF_8), "title of 100,000 characters");
            default -> Mutator.text(valid, r);
        };
    }

    /** The sample zip with its configuration.json edited as a tree (half the time), else a zip mutation. */
    private static Mutator.Mutant mutateConfig(byte[] valid, Random r) {
        if (r.nextInt(4) == 0) {
            return Mutator.zip(valid, r);
        }
        Map<String, byte[]> entries = ZipEntries.read(valid);
        try {
            JsonNode conf = JSON.readTree(entries.get("configuration.json"));
            List<ObjectNode> objects = new ArrayList<>();
            collect(conf, objects);
            ObjectNode target = objects.get(r.nextInt(objects.size()));
            String what;
            switch (r.nextInt(7)) {
                case 0, 1 -> {
                    String id = r.nextBoolean() ? FOREIGN[r.nextInt(FOREIGN.length)]
                            : ALLOWED[r.nextInt(ALLOWED.length)];
                    List<ObjectNode> typed = objects.stream().filter(o -> o.has("@class")).toList();
                    ObjectNode t = typed.get(r.nextInt(typed.size()));
                    t.put("@class", id);
                    what = "@class set to " + id;
                }
                case 2 -> {
                    String id = FOREIGN[r.nextInt(FOREIGN.length)];
                    target.put(r.nextBoolean() ? "@class" : "type", id);
                    what = "type id " + id + " added";
                }
                case 3 -> {
                    List<String> numeric = new ArrayList<>();
                    target.fields().forEachRemaining(e -> {
                        if (e.getValue().isNumber()) {
                            numeric.add(e.getKey());
                        }
                    });
                    double v = NUMBERS[r.nextInt(NUMBERS.length)];
                    String key = numeric.isEmpty() ? "nout" : numeric.get(r.nextInt(numeric.size()));
                    target.put(key, v);
                    what = key + " set to " + v;
                }
                case 4 -> {
                    Iterator<String> names = target.fieldNames();
                    List<String> keys = new ArrayList<>();
                    names.forEachRemaining(keys::add);
                    String key = keys.isEmpty() ? "x" : keys.get(r.nextInt(keys.size()));
                    target.remove(key);
                    what = key + " removed";
                }
                case 5 -> {
                    target.removeAll();
                    target.putObject(r.nextBoolean() ? "TanH" : "lstm");
                    what = "legacy wrapper form";
                }
                default -> {
                    ArrayNode a = target.putArray("variables");
                    for (int i = 0; i < 100; i++) {
                        a = a.addArray();
                    }
                    what = "100 nested arrays";
                }
            }
            entries.put("configuration.json", JSON.writeValueAsBytes(conf));
            return new Mutator.Mutant(ZipEntries.write(entries), what);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.elements().forEachRemaining(child -> collect(child, out));
    }
}
