package org.expanderexplorer.core.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Json;

/**
 * Reads a model's {@code configuration.json} so that opening a file never loads, initialises or constructs a class
 * the file names. Deeplearning4j's Jackson mapper resolves every polymorphic type id ({@code "@class"}, and
 * {@code "type"} inside a weight distribution) with {@code Class.forName(name, true, ...)}: the class's static
 * initialiser runs even when the type is then refused, and a class that fits the declared type is constructed.
 * Here the JSON is first parsed as a plain tree (nesting depth, string and number lengths bounded; duplicate keys
 * refused, since Deeplearning4j would read the first of two {@code "@class"} keys and a tree keeps the last) and
 * every type id is checked against the allow-list in {@code dl4j-type-ids.txt}: the Deeplearning4j/ND4J classes of
 * a recurrent classifier. Any other id, or any other key starting with {@code @}, is refused with one line naming
 * its key path, e.g. {@code confs[0].layer.underlying.activationFn.@class}.
 *
 * <p>Only then does Deeplearning4j's mapper read the text, first the current format alone: its fallback to the
 * pre-1.0 "legacy" format (taken when a type id is missing) is never reached, because a configuration that the
 * current format cannot read is refused here. See {@code docs/decisions/0020-model-configuration-allow-list.md}.
 */
final class Dl4jConfigCheck {

    /** Largest configuration.json read (a 2-layer LSTM's is about 6 KB). */
    static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting accepted (Deeplearning4j writes 6 levels). */
    static final int MAX_DEPTH = 32;

    private static final String ALLOW_LIST = "dl4j-type-ids.txt";
    // read once when the class loads; a missing list is a packaging error, so it fails loudly rather than allow all
    private static final Map<String, String> ALLOWED = load();

    private Dl4jConfigCheck() {
    }

    /**
     * The configuration after the checks above.
     *
     * @param json the entry's bytes (UTF-8); not modified
     * @throws BadInputException naming the file (and key path) for anything refused
     */
    static MultiLayerConfiguration read(Path file, byte[] json) {
        check(file, json);
        String text = new String(json, StandardCharsets.UTF_8);
        try {
            // the current format alone: a failure here must not reach fromJson's legacy fallback
            // this read only proves the current format accepts the text; fromJson then builds the configuration its own
            // way
            NeuralNetConfiguration.mapper().readValue(text, MultiLayerConfiguration.class);
            return MultiLayerConfiguration.fromJson(text);
        } catch (IOException | RuntimeException e) {
            throw BadInputException.inFile(file, "configuration.json is not a Deeplearning4j MultiLayerNetwork "
                    + "configuration (" + BadInputException.printable(ModelArchive.firstLine(e), 160) + ")");
        }
    }

    /**
     * Checks the JSON tree: size, depth, duplicate keys, and every type id on the allow-list.
     *
     * @throws BadInputException naming the file and the first offending key path
     */
    static void check(Path file, byte[] json) {
        if (json.length > MAX_BYTES) {
            throw BadInputException.inFile(file, "configuration.json has " + json.length + " bytes, more than the "
                    + MAX_BYTES + " a recurrent classifier's configuration needs");
        }
        JsonNode root;
        ObjectMapper tree = Json.untrusted(MAX_DEPTH);
        try (JsonParser p = tree.createParser(json)) {
            root = tree.readTree(p);
            // readTree stops after the first value; trailing text could be read differently by another parser
            if (p.nextToken() != null) {
                throw BadInputException.inFile(file, "configuration.json has text after its JSON object");
            }
        } catch (IOException e) {
            throw BadInputException.inFile(file, "configuration.json is not valid JSON ("
                    + BadInputException.printable(ModelArchive.firstLine(e), 160) + ")");
        }
        if (root == null || !root.isObject() || !root.path("confs").isArray()) {
            throw BadInputException.inFile(file, "configuration.json is not a MultiLayerNetwork configuration "
                    + "(no \"confs\" list)");
        }
        // the whole tree is visited, not only the places type ids are expected: an "@class" anywhere would be resolved
        walk(file, root, "");
    }

    /** The allow-list: class name to the base type of its role (its section), in file order; unmodifiable. */
    static Map<String, String> allowed() {
        return ALLOWED;
    }

    private static void walk(Path file, JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, node.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            // compared ignoring case, so that "@Class" cannot pass as an ordinary setting
            String lower = key.toLowerCase(Locale.ROOT);
            // "type" is also an ordinary setting with a non-text value in some objects; only a text value can name a
            // class
            boolean typeId = lower.equals("@class") || (lower.equals("type") && e.getValue().isTextual());
            if (typeId) {
                checkTypeId(file, at, e.getValue());
            } else if (key.startsWith("@")) {
                throw BadInputException.inFile(file, "configuration.json has the key "
                        + BadInputException.printable(at, 120) + ", which is not a Deeplearning4j setting");
            }
            // recursion depth is bounded by MAX_DEPTH, which the parser enforced
            walk(file, e.getValue(), at);
        }
    }

    private static void checkTypeId(Path file, String at, JsonNode value) {
        String id = value.isTextual() ? value.asText() : null;
        if (id == null || !ALLOWED.containsKey(id)) {
            throw BadInputException.inFile(file, "configuration.json names the type "
                    + (id == null ? value.getNodeType().toString().toLowerCase(Locale.ROOT)
                            : "'" + BadInputException.printable(id, 120) + "'")
                    + " at " + BadInputException.printable(at, 120) + ", which is not a Deeplearning4j class of a "
                    + "recurrent classifier; the model is not opened");
        }
    }

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Dl4jConfigCheck.class.getResourceAsStream(ALLOW_LIST)) {
            if (in == null) {
                throw new IllegalStateException(ALLOW_LIST + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                // a section line "[role] base.Type" names the base type the classes below may stand for
                if (t.startsWith("[")) {
                    section = t.substring(t.indexOf(']') + 1).strip();
                } else {
                    out.put(t, section);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
