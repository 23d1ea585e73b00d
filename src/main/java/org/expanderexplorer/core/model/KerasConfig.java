package org.expanderexplorer.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.Json;

/**
 * The {@code model_config} of a Keras {@code .h5} file (the JSON of {@code model.get_config()}), read as data and
 * checked to be a Sequential model this program computes exactly: an optional {@code InputLayer}, one or two
 * {@code SimpleRNN} or {@code LSTM} layers of one kind (all but the last with {@code return_sequences=True}), one
 * {@code Dense} head (softmax or linear), and optionally {@code Dropout} layers and a final {@code Activation}
 * (softmax or linear), which change nothing at inference. The class names in the configuration are only compared
 * with this allow-list: nothing the file names is looked up, loaded or run (a {@code Lambda} layer's configuration
 * carries Python bytecode).
 *
 * <p>Checked per recurrent layer: the activation is {@code tanh} and an LSTM's recurrent activation
 * {@code sigmoid} (Keras 2.2's default {@code hard_sigmoid} is another function, refused by name);
 * {@code go_backwards}, {@code stateful} and {@code return_state} are false. {@code unroll}, {@code time_major},
 * {@code implementation}, dropouts, initialisers, regularisers and constraints change nothing in what a trained
 * layer computes on one sequence, so they are not read. Anything else is refused with one line naming the layer.
 * Keras's layer semantics: the Keras 2 API documentation of {@code SimpleRNN}, {@code LSTM} and {@code Dense}.
 */
final class KerasConfig {

    /** Deepest JSON nesting accepted (a Bidirectional wrapper around an LSTM with initialiser configs needs ~10). */
    static final int MAX_DEPTH = 32;

    /** The most classes a head may have (ModelSpec's bound). */
    private static final int MAX_CLASSES = 100_000;

    // Layers that compute nothing at inference (or only the softmax, which changes no argmax and which the
    // network's readout applies anyway); their weights, if a file claimed any, are refused by the weight reader.
    private static final Set<String> PASSIVE = Set.of("InputLayer", "Dropout", "Activation");

    // Named refusals for the layers a user most likely has instead; any other class gets the generic line.
    private static final Map<String, String> KNOWN = Map.of(
            "GRU", "a GRU, which is not supported (SimpleRNN and LSTM are)",
            "CuDNNGRU", "a GRU, which is not supported (SimpleRNN and LSTM are)",
            "CuDNNLSTM", "a CuDNNLSTM, whose weights have another layout; save the model with a plain LSTM layer",
            "Bidirectional", "Bidirectional, which is not supported (only forward layers are)",
            "Lambda", "a Lambda layer (Python code), which is never run here");

    /** One recurrent layer as configured. */
    record Recurrent(String name, CellType cell, int units, boolean bias) {
    }

    /** The Dense head as configured. */
    record Head(String name, int units, boolean bias) {
    }

    /**
     * The recognised model.
     *
     * @param recurrent the recurrent layers, input side first (1 or 2)
     * @param head      the Dense layer
     * @param inputs    features per step as declared by {@code batch_input_shape}, or -1 where not declared
     */
    record Model(List<Recurrent> recurrent, Head head, int inputs) {

        /** The names of the layers that have weights, in model order (what {@code layer_names} must hold). */
        List<String> weighted() {
            List<String> names = new ArrayList<>();
            recurrent.forEach(r -> names.add(r.name()));
            names.add(head.name());
            return names;
        }
    }

    private KerasConfig() {
    }

    /**
     * Reads and checks {@code model_config}.
     *
     * @throws BadInputException naming the file (and the layer) when it is not a supported Sequential model
     */
    static Model read(Path file, String json) {
        JsonNode root;
        try {
            root = Json.readUntrusted(json.getBytes(StandardCharsets.UTF_8), MAX_DEPTH);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "has a model_config that is not valid JSON ("
                    + ModelArchive.firstLine(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw BadInputException.inFile(file, "has a model_config that is not a JSON object");
        }
        String kind = root.path("class_name").asText("");
        if (!kind.equals("Sequential")) {
            throw BadInputException.inFile(file, "holds a Keras '" + printable(kind) + "' model; only Sequential "
                    + "models (a SimpleRNN or LSTM layer and a Dense head) are read");
        }
        // Keras 2.2 and later nest the list as config.layers; Keras 2.0 and 2.1 wrote the list as the config itself
        JsonNode config = root.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw BadInputException.inFile(file, "has a Sequential model_config without a list of layers");
        }
        List<Recurrent> recurrent = new ArrayList<>();
        Head head = null;
        int inputs = -1;
        Set<String> names = new HashSet<>();
        for (JsonNode layer : layers) {
            String cls = layer.path("class_name").asText("");
            JsonNode c = layer.path("config");
            String name = c.path("name").asText("");
            if (!c.isObject() || name.isEmpty() || !names.add(name)) {
                throw BadInputException.inFile(file, "has a layer without a config and a unique name in model_config");
            }
            inputs = inputs < 0 ? declaredInputs(c) : inputs;
            if (cls.equals("SimpleRNN") || cls.equals("LSTM")) {
                if (head != null) {
                    throw layer(file, name, "is a recurrent layer after the Dense head; supported: the recurrent "
                            + "layers, then one Dense layer");
                }
                recurrent.add(recurrent(file, name, cls, c, recurrent));
            } else if (cls.equals("Dense")) {
                if (recurrent.isEmpty() || head != null) {
                    throw layer(file, name, "is a Dense layer " + (head != null ? "after the head" : "before any "
                            + "recurrent layer") + "; supported: the recurrent layers, then one Dense layer");
                }
                lastOfSequence(file, recurrent.get(recurrent.size() - 1), layers);
                checkActivation(file, name, c, "activation", "softmax", "linear");
                head = new Head(name, units(file, name, c, MAX_CLASSES), bool(file, name, c, "use_bias", true));
            } else if (PASSIVE.contains(cls)) {
                // a softmax after the head changes no prediction; before it, only the identity computes nothing
                if (cls.equals("Activation")) {
                    checkActivation(file, name, c, "activation", head == null ? new String[] {"linear"}
                            : new String[] {"softmax", "linear"});
                }
            } else {
                throw layer(file, name, "is " + KNOWN.getOrDefault(cls, "a '" + printable(cls) + "' layer, which "
                        + "is not supported (a Sequential of SimpleRNN or LSTM layers and a Dense head is)"));
            }
        }
        if (recurrent.isEmpty()) {
            throw BadInputException.inFile(file, "has no SimpleRNN or LSTM layer in its model_config");
        }
        if (head == null) {
            throw BadInputException.inFile(file, "has no Dense head after its recurrent layer");
        }
        return new Model(recurrent, head, inputs);
    }

    private static Recurrent recurrent(Path file, String name, String cls, JsonNode c, List<Recurrent> before) {
        CellType cell = cls.equals("LSTM") ? CellType.LSTM : CellType.RNN;
        // the network here stacks layers of one cell type and one width (ModelSpec)
        if (!before.isEmpty() && before.get(0).cell() != cell) {
            throw layer(file, name, "is a " + cls + " after a " + (cell == CellType.LSTM ? "SimpleRNN" : "LSTM")
                    + "; stacked layers must be of one kind");
        }
        if (before.size() == 2) {
            throw layer(file, name, "is a third recurrent layer; at most 2 are supported");
        }
        checkActivation(file, name, c, "activation", "tanh");
        if (cell == CellType.LSTM) {
            checkActivation(file, name, c, "recurrent_activation", "sigmoid");
        }
        for (String flag : List.of("go_backwards", "stateful", "return_state")) {
            if (bool(file, name, c, flag, false)) {
                throw layer(file, name, "sets " + flag + "=True, which is not supported");
            }
        }
        int units = units(file, name, c, ModelSpec.MAX_HIDDEN);
        if (!before.isEmpty() && before.get(0).units() != units) {
            throw layer(file, name, "has " + units + " units and '" + before.get(0).name() + "' "
                    + before.get(0).units() + "; stacked layers must have the same width");
        }
        return new Recurrent(name, cell, units, bool(file, name, c, "use_bias", true));
    }

    /**
     * The last recurrent layer must give the Dense head its last step only (return_sequences=False: a Dense on every
     * step is another model), and every layer below it its whole sequence.
     */
    private static void lastOfSequence(Path file, Recurrent last, JsonNode layers) {
        for (JsonNode layer : layers) {
            JsonNode c = layer.path("config");
            String name = c.path("name").asText("");
            String cls = layer.path("class_name").asText("");
            if (!cls.equals("SimpleRNN") && !cls.equals("LSTM")) {
                continue;
            }
            boolean sequences = bool(file, name, c, "return_sequences", false);
            if (name.equals(last.name()) && sequences) {
                throw layer(file, name, "returns sequences (return_sequences=True) into the Dense head, which then "
                        + "classifies every step; supported: the head on the last step");
            }
            if (!name.equals(last.name()) && !sequences) {
                throw layer(file, name, "returns its last step only (return_sequences=False) to the next recurrent "
                        + "layer");
            }
        }
    }

    /** The last dimension of {@code batch_input_shape} (Keras 2) or {@code batch_shape} (Keras 3), or -1. */
    private static int declaredInputs(JsonNode c) {
        JsonNode shape = c.has("batch_input_shape") ? c.get("batch_input_shape") : c.path("batch_shape");
        JsonNode last = shape.isArray() && !shape.isEmpty() ? shape.get(shape.size() - 1) : null;
        return last != null && last.canConvertToInt() && last.isIntegralNumber() ? last.asInt() : -1;
    }

    /** {@code units}, 1 .. max: the bounds of {@link ModelSpec}, checked before any weight is read. */
    private static int units(Path file, String name, JsonNode c, int max) {
        JsonNode u = c.get("units");
        if (u == null || !u.isIntegralNumber() || !u.canConvertToInt() || u.asInt() < 1 || u.asInt() > max) {
            throw layer(file, name, "has 'units' " + printable(String.valueOf(u)) + "; expected a whole number from "
                    + "1 to " + max);
        }
        return u.asInt();
    }

    private static boolean bool(Path file, String name, JsonNode c, String key, boolean absent) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw layer(file, name, "has '" + key + "' that is not true or false");
        }
        return v.asBoolean();
    }

    private static void checkActivation(Path file, String name, JsonNode c, String key, String... allowed) {
        JsonNode v = c.get(key);
        String a = v == null ? "" : v.asText("");
        if (!List.of(allowed).contains(a)) {
            throw layer(file, name, "uses " + key + " '" + printable(v == null ? "none" : v.isTextual() ? a
                    : v.toString()) + "'; supported: " + String.join(" or ", allowed));
        }
    }

    private static BadInputException layer(Path file, String name, String problem) {
        return BadInputException.inFile(file, "layer '" + printable(name) + "' " + problem);
    }

    private static String printable(String s) {
        return BadInputException.printable(s, 60);
    }
}
