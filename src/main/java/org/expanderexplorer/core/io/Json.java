package org.expanderexplorer.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one JSON writer (and reader) of the application: every file and every {@code --json} output goes through
 * here, so that they all share one layout (two-space indented, keys in the order the value defines them: record
 * components or {@code @JsonPropertyOrder}, or the insertion order of a {@code LinkedHashMap}).
 *
 * <p>Why one place: the CLI promises byte-identical JSON across versions for the same numbers, and seven
 * separately configured mappers made it easy for one output to drift (a different indentation, a feature switched
 * on in one place only). Key order is the caller's: use records or {@code LinkedHashMap}s, never {@code Map.of},
 * whose iteration order changes from run to run.
 *
 * <p>Undefined numbers are written as {@code null} by the results themselves (they hold {@code Double} null, never
 * NaN), since JSON has no NaN. The mapper is thread-safe once configured, as Jackson documents.
 */
public final class Json {

    // Jackson's defaults otherwise: no sorting of map keys (insertion order is the caller's choice), numbers as
    // Java prints them (shortest round-trip form), so outputs compare byte for byte across versions.
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Readers of untrusted files by their nesting limit (a handful of limits are used, so the map stays small). */
    // ObjectMappers are costly to build and thread-safe once configured, hence one per limit, kept
    private static final Map<Integer, ObjectMapper> UNTRUSTED = new ConcurrentHashMap<>();

    private Json() {
    }

    /** {@code value} as indented JSON text, without a trailing line break. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // only a programming error can get here: every value written is a record, list or map of plain values
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as indented JSON in UTF-8. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} atomically ({@link AtomicFiles}). */
    public static void writeFile(Path file, Object value) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] json = bytes(value);
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** {@code value} as a tree, to add or remove keys before writing (the key order is kept). */
    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON text into a tree. */
    public static JsonNode readTree(byte[] json) throws IOException {
        // trusted input only (files this program wrote itself): no limits beyond Jackson's defaults
        return MAPPER.readTree(json);
    }

    /** Parses a JSON file into a tree. */
    public static JsonNode readTree(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** A reader of {@code type}; callers add their own strictness with {@code with(DeserializationFeature)}. */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /**
     * Parses JSON text from a file nobody vouches for (a session, a sweep.json, a model's configuration): nesting
     * deeper than {@code maxDepth} levels, strings over 64 K characters, numbers over 64 digits and duplicate keys
     * are refused while parsing, before any tree is built. Jackson's default nesting limit (1,000) is far above what
     * these files need and deep enough to cost a lot of stack and time; a duplicate key would let two readers of one
     * file disagree about its value.
     *
     * @param json     the bytes (UTF-8); not modified
     * @param maxDepth the deepest nesting the format needs, with room to spare
     */
    public static JsonNode readUntrusted(byte[] json, int maxDepth) throws IOException {
        return untrusted(maxDepth).readTree(json);
    }

    /** The mapper behind {@link #readUntrusted}, for callers that bind the checked tree to a type. */
    public static ObjectMapper untrusted(int maxDepth) {
        return UNTRUSTED.computeIfAbsent(maxDepth, d -> new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(d)
                        // Numbers of more than 64 digits have no use here and can make BigDecimal/BigInteger parsing
                        // quadratic.
                        .maxStringLength(1 << 16).maxNumberLength(64).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()).enable(SerializationFeature.INDENT_OUTPUT));
    }
}
