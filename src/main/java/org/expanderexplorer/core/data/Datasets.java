package org.expanderexplorer.core.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.expanderexplorer.core.BadInputException;

/**
 * The entry point to the data sets: parses a spec and loads a split.
 *
 * <pre>
 *   mnist            sequential MNIST, shipped (28 x 28)            MnistDatasets.mnist
 *   fashion[:DIR]    Fashion-MNIST, Debian package or DIR (28 x 28)  MnistDatasets.fashion
 *   digits8          8 x 8 digits, shipped, fixed split (8 x 8)      DigitsDataset.load
 *   cifar10:DIR      CIFAR-10 binary version in DIR (32 x 96)        Cifar10Dataset.load
 *   speech:DIR       Speech Commands in DIR (98 x 40 log-mel)        SpeechCommandsDataset.load
 * </pre>
 *
 * Names are case-insensitive; DIR is everything after the first colon (so it may itself contain colons).
 * Each call loads afresh: keep the returned data set rather than calling again.
 */
public final class Datasets {

    /** The accepted forms, for messages and help texts. */
    public static final String SPEC_HELP = "mnist | fashion[:DIR] | digits8 | cifar10:DIR | speech:DIR";

    private Datasets() {
    }

    /** The kinds of data set. */
    public enum Kind {
        MNIST("mnist"),
        FASHION("fashion"),
        DIGITS8("digits8"),
        CIFAR10("cifar10"),
        SPEECH("speech");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The name used in specs. */
        public String id() {
            return id;
        }

        /** Whether a spec of this kind must name a folder. */
        public boolean needsFolder() {
            return this == CIFAR10 || this == SPEECH;
        }

        /** Whether a spec of this kind may name a folder. */
        public boolean takesFolder() {
            return needsFolder() || this == FASHION;
        }
    }

    /**
     * A parsed spec.
     *
     * @param kind the data set
     * @param dir  its folder, if the spec names one
     */
    public record Spec(Kind kind, Optional<Path> dir) {
        public Spec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dir, "dir");
        }

        /** The spec in its canonical text form, e.g. {@code cifar10:/data/cifar-10-batches-bin}. */
        @Override
        public String toString() {
            return kind.id() + dir.map(d -> ":" + d).orElse("");
        }
    }

    /**
     * Parses {@code mnist | fashion[:DIR] | digits8 | cifar10:DIR | speech:DIR}.
     *
     * @throws BadInputException for an unknown name, a missing or superfluous folder
     */
    public static Spec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String text = spec.strip();
        int colon = text.indexOf(':');
        String id = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String folder = colon < 0 ? "" : text.substring(colon + 1).strip();
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.id().equals(id)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new BadInputException("unknown data set '" + spec + "': expected " + SPEC_HELP);
        }
        if (folder.isEmpty() && kind.needsFolder()) {
            throw new BadInputException("data set '" + spec + "' needs a folder: " + kind.id() + ":DIR");
        }
        if (!folder.isEmpty() && !kind.takesFolder()) {
            throw new BadInputException("data set '" + spec + "': " + kind.id()
                    + " is shipped with the application and takes no folder");
        }
        return new Spec(kind, folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder)));
    }

    /** Parses the spec and loads the split, with clean Speech Commands clips. */
    public static SequenceDataset load(String spec, Split split) {
        return load(parse(spec), split, SpeechCommandsDataset.Options.defaults());
    }

    /**
     * Loads a split of a parsed spec.
     *
     * @param speech options used only for Speech Commands (noise, cap)
     * @throws BadInputException if the data is missing or malformed; the message names the file and how to fix it
     */
    public static SequenceDataset load(Spec spec, Split split, SpeechCommandsDataset.Options speech) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(speech, "speech");
        return switch (spec.kind()) {
            case MNIST -> MnistDatasets.mnist(split);
            case FASHION -> spec.dir().map(d -> MnistDatasets.fashion(d, split))
                    .orElseGet(() -> MnistDatasets.fashion(split));
            case DIGITS8 -> DigitsDataset.load(split);
            case CIFAR10 -> Cifar10Dataset.load(spec.dir().orElseThrow(), split);
            case SPEECH -> SpeechCommandsDataset.load(spec.dir().orElseThrow(), split, speech);
        };
    }
}
