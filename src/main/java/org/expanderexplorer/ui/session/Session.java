package org.expanderexplorer.ui.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Scope;

/**
 * A saved session: what was open and how the explorer was set. {@code source} is a file path, or
 * {@code sample:NAME} for a built-in sample model.
 *
 * @param format      file format version
 * @param source      the model or matrix
 * @param keepPercent slider position q
 * @param method      pruning method (CLI name)
 * @param scope       IH, HH or BOTH
 * @param perGate     prune LSTM gates separately
 * @param graph       selected graph id (ih, hh.f, ...)
 * @param weighted    weighted view
 * @param window      unfolded steps drawn
 * @param dark        dark theme
 * @param seed        seed of random pruning
 * @param dataSet     the data set a model is measured on ({@code mnist}, {@code cifar10:DIR}, ...), or null for the
 *                    one its file names (left out of the file when null, so older versions read it unchanged)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(int format, String source, double keepPercent, String method, String scope, boolean perGate,
                      String graph, boolean weighted, int window, boolean dark, int seed,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String dataSet) {

    /** A session without a data set of its own (the model's file names it, or it is a matrix). */
    public Session(int format, String source, double keepPercent, String method, String scope, boolean perGate,
                   String graph, boolean weighted, int window, boolean dark, int seed) {
        this(format, source, keepPercent, method, scope, perGate, graph, weighted, window, dark, seed, null);
    }

    public static final int FORMAT = 1;
    /** Largest session file read (a session is a few hundred bytes). */
    static final long MAX_BYTES = 1 << 20;
    /** Session files nest one level; a file nested deeper than this is refused while parsing. */
    private static final int MAX_DEPTH = 16;

    /** Writes the session atomically. */
    public void save(Path file) {
        try {
            Json.writeFile(file, this);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot write the session (" + e.getMessage() + ")");
        }
    }

    /** Reads a session file, checking every value. */
    public static Session load(Path file) {
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, "a session file");
        Session s;
        try {
            JsonNode tree = Json.readUntrusted(bytes, MAX_DEPTH);
            if (tree == null || !tree.isObject()) {
                throw BadInputException.inFile(file, "is not a session file (not a JSON object)");
            }
            checkFieldTypes(file, tree);
            s = Json.reader(Session.class).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(tree);
        } catch (JsonMappingException e) {
            // Jackson's own text names its internals (DeserializationConfig...): name the field instead
            throw BadInputException.inFile(file, "has a value of the wrong type for '" + fieldPath(e) + "'");
        } catch (IOException e) {
            String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw BadInputException.inFile(file, "is not a session file ("
                    + BadInputException.printable(String.valueOf(m).lines().findFirst().orElse(""), 120) + ")");
        }
        if (s == null || s.format() != FORMAT) {
            throw BadInputException.inFile(file, "is not a session file of format " + FORMAT);
        }
        if (s.source() == null || s.source().isBlank()) {
            throw BadInputException.inFile(file, "names no model or matrix");
        }
        if (!(s.keepPercent() > 0 && s.keepPercent() <= 100)) {
            throw BadInputException.inFile(file, "has q = " + s.keepPercent() + ", which is not in (0, 100]");
        }
        if (s.window() < 1 || s.window() > 28) {
            throw BadInputException.inFile(file, "has a window of " + s.window() + " steps (1 to 28 allowed)");
        }
        check(file, "pruning method", s.method(), () -> PruningMethod.parse(s.method()));
        check(file, "scope", s.scope(), () -> Scope.valueOf(s.scope()));
        check(file, "graph", s.graph(), () -> GraphId.parse(s.graph()));
        return s;
    }

    /**
     * Each field that is present has the JSON type of its record component (a number for a number, never null for
     * a primitive), so that a mistake is named by field rather than by Jackson's internal message.
     */
    private static void checkFieldTypes(Path file, JsonNode tree) {
        for (RecordComponent c : Session.class.getRecordComponents()) {
            JsonNode v = tree.get(c.getName());
            if (v == null) {
                continue;
            }
            Class<?> t = c.getType();
            String expected = null;
            if (t == int.class || t == long.class) {
                expected = v.isIntegralNumber() && (t == long.class ? v.canConvertToLong() : v.canConvertToInt())
                        ? null : "a whole number";
            } else if (t == double.class || t == float.class) {
                expected = v.isNumber() ? null : "a number";
            } else if (t == boolean.class) {
                expected = v.isBoolean() ? null : "true or false";
            } else if (t == String.class) {
                expected = v.isTextual() || v.isNull() ? null : "a text";
            }
            if (expected != null) {
                throw BadInputException.inFile(file, "field '" + c.getName() + "' is "
                        + (v.isNull() ? "null" : BadInputException.printable(v.toString(), 40)) + "; expected "
                        + expected);
            }
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(b.length() == 0 ? "" : ".").append(r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "?" : BadInputException.printable(b.toString(), 60);
    }

    /** Parses one named setting, turning a bad or missing value into an error naming the file. */
    private static void check(Path file, String what, String value, Runnable parse) {
        if (value == null) {
            throw BadInputException.inFile(file, "names no " + what);
        }
        try {
            parse.run();
        } catch (IllegalArgumentException | BadInputException e) {
            throw BadInputException.inFile(file, "has an unknown " + what + " '" + shorten(value) + "'"
                    + (what.equals("scope") ? " (known: IH, HH, BOTH)" : ""));
        }
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
