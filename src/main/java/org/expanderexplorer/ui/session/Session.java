package org.expanderexplorer.ui.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Writes the session atomically. */
    public void save(Path file) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(this);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot write the session (" + e.getMessage() + ")");
        }
    }

    /** Reads a session file, checking every value. */
    public static Session load(Path file) {
        Session s;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw BadInputException.inFile(file, "is too large for a session file");
            }
            s = JSON.readValue(file.toFile(), Session.class);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw BadInputException.inFile(file, "is not a session file (" + m + ")");
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
