package org.expanderexplorer.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a written result came from: the one provenance record of every output that records its origin
 * ({@code sweep.json}, the pruned model's summary JSON, a report folder's {@code settings.json}), written under the
 * key {@code provenance} with the same fields everywhere, so that a figure or a number in a paper can be traced
 * back to the exact build, model file, data, method and seeds, and run again.
 *
 * <p>Null where a field does not apply (a plain matrix has no data set; a sweep has many q, so {@code q} is null
 * there and the grid is written beside). The model is identified by its SHA-256, not only by its path, since a path
 * says nothing once the file is copied or retrained in place.
 *
 * @param tool        always {@value #TOOL}
 * @param version     the application's version (from the build), or null when run from an unpackaged tree
 * @param commit      the git commit the build was made from, or null when it was not built in a git checkout;
 *                    uncommitted changes at build time are not marked
 * @param model       the model or matrix file as given, or null
 * @param modelSha256 lowercase hexadecimal SHA-256 of that file, or null
 * @param dataSet     the data set the accuracy was measured on (e.g. {@code digits8-test}), or null
 * @param noise       the noise added to that data set's inputs, or null (and left out of the JSON) for clean data
 * @param method      the pruning method (CLI name), or null
 * @param q           the kept percentage of a single pruned state, or null
 * @param seeds       every seed that drove a random choice, by what it seeded (insertion order kept)
 * @param createdAt   ISO-8601 instant (seconds) at which the output was made
 */
// The key order is part of the output format (outputs are compared byte for byte), so it is fixed here and not
// left to the record's component order, which a later field could change.
@JsonPropertyOrder({"tool", "version", "commit", "model", "modelSha256", "dataSet", "noise", "method", "q", "seeds",
    "createdAt"})
public record Provenance(String tool, String version, String commit, String model, String modelSha256,
                         String dataSet, @JsonInclude(JsonInclude.Include.NON_NULL) Noise noise, String method,
                         Double q, Map<String, Long> seeds, String createdAt) {

    /**
     * Additive white Gaussian noise on the data's inputs (science.md section 9).
     *
     * @param snrDb     signal-to-noise ratio in dB over each input sequence
     * @param seed      the seed of the noise (also in {@code seeds} as {@code noise}), or null in a multi-seed run
     *                  where each run's seed is its noise seed
     * @param appliedTo where it was added: {@code waveform}, {@code pixels in [0, 1]}, ...
     */
    public record Noise(double snrDb, Long seed, String appliedTo) {
        public Noise {
            Objects.requireNonNull(appliedTo, "appliedTo");
        }
    }

    /** The tool's name as recorded. */
    public static final String TOOL = "expander-explorer";

    // read once per process: the build does not change while the program runs
    private static final Properties BUILD = loadBuild();

    public Provenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(createdAt, "createdAt");
        // a LinkedHashMap copy keeps the insertion order the JSON shows; Map.of would iterate in a varying order
        seeds = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(seeds, "seeds")));
    }

    /** A record of this build, created now, with nothing else known yet. */
    public static Provenance now() {
        return new Provenance(TOOL, buildValue("version"), buildValue("commit"), null, null, null, null, null, null,
                // whole seconds in UTC ("2024-03-17T10:00:00Z"): finer times add noise to diffs without helping anyone
                Map.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * With the model or matrix file and its SHA-256 (the file is read once to hash it).
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public Provenance withModelFile(Path file) {
        if (file == null) {
            return this;
        }
        try {
            return withModel(file.toString(), FileDigests.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With a model named and hashed by the caller (for a model that is not a file, pass nulls). */
    public Provenance withModel(String name, String sha256) {
        return new Provenance(tool, version, commit, name, sha256, dataSet, noise, method, q, seeds, createdAt);
    }

    /** With the data set the accuracy was measured on. */
    public Provenance withDataSet(String name) {
        return new Provenance(tool, version, commit, model, modelSha256, name, noise, method, q, seeds, createdAt);
    }

    /**
     * With the noise on the data's inputs (null for clean data): recorded as {@code noise} and as the seed
     * {@code noise}.
     */
    public Provenance withNoise(Noise added) {
        if (added == null) {
            return this;
        }
        Provenance p = new Provenance(tool, version, commit, model, modelSha256, dataSet, added, method, q, seeds,
                createdAt);
        // the noise seed also joins seeds, so that one map lists everything needed to reproduce the run
        return added.seed() == null ? p : p.withSeed("noise", added.seed());
    }

    /** With the pruning method and the kept percentage (q null for many q, as in a sweep). */
    public Provenance withPruning(String methodName, Double keepPercent) {
        return new Provenance(tool, version, commit, model, modelSha256, dataSet, noise, methodName, keepPercent, seeds,
                createdAt);
    }

    /** With one more seed, e.g. {@code withSeed("pruning", 1)}; a seed of the same name is replaced. */
    public Provenance withSeed(String name, long seed) {
        Map<String, Long> s = new LinkedHashMap<>(seeds);
        s.put(Objects.requireNonNull(name, "name"), seed);
        return new Provenance(tool, version, commit, model, modelSha256, dataSet, noise, method, q, s, createdAt);
    }

    /** With another creation time (e.g. the start of a long run rather than its end). */
    public Provenance withCreatedAt(Instant at) {
        return new Provenance(tool, version, commit, model, modelSha256, dataSet, noise, method, q, seeds,
                at.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String buildValue(String key) {
        String v = BUILD.getProperty(key);
        // a blank value means the build could not tell (e.g. no git checkout): recorded as null, not as ""
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * The build's {@code build.properties}, written by the Maven build into the class folder. Missing when the
     * classes were compiled some other way (an IDE); then version and commit are null rather than a guess.
     */
    private static Properties loadBuild() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource inside our own jar: record no version rather than fail every output
        }
        return p;
    }
}
