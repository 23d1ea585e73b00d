package org.expanderexplorer.core.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.expanderexplorer.core.BadInputException;

/**
 * Google Speech Commands (Warden 2018) from a folder the user names: one sub-folder per word holding 16 kHz mono
 * 16-bit WAV clips of at most 1 s, plus {@code validation_list.txt} and {@code testing_list.txt} listing the relative
 * paths ({@code word/file.wav}) of those splits.
 *
 * <p>Choices (science.md section 6 leaves them open):
 * <ul>
 *   <li>Classes: every sub-folder found, except those starting with {@code _} or {@code .} (such as
 *       {@code _background_noise_}), sorted by name; label = position in that order. So v1 gives 30 classes and
 *       v2 35, all words, no "unknown"/"silence" grouping.</li>
 *   <li>Splits: TEST = the clips named in {@code testing_list.txt}; TRAIN = every other clip except those named in
 *       {@code validation_list.txt} (kept out of both). Clips are ordered by word, then file name. List entries
 *       with no file are ignored.</li>
 *   <li>Signal: samples / 32768, zero-padded at the end or cut to exactly 1 s (16,000 samples). Optional white
 *       Gaussian noise at a chosen SNR is added to that 1 s signal ({@link AdditiveNoise}); each clip's noise seed
 *       is derived from the options' seed and the clip's relative path, so it does not depend on load order.</li>
 *   <li>Features: {@link LogMelExtractor#speechCommands()}: 40 log-mel bands, 25 ms Hann window, 10 ms hop, so
 *       T = 98 frames of F = 40 features (natural log of the band energy, not normalised).</li>
 * </ul>
 *
 * <p>A folder with a {@value #SYNTHETIC_MARKER} file is synthetic speech and its data sets are named
 * {@code speech-synthetic-train} and so on, rather than {@code speech-train}.
 *
 * <p>Loading lists the folder only; each clip is read and its features extracted on first use and then kept
 * (15,680 bytes per clip: about 1.3 GB for the ~85,000 training clips of v2, so use
 * {@link Options#maxClipsPerClass} or a subset on small machines). {@link #extractAll()} extracts everything at once.
 * A missing, truncated or non-16-bit or non-16 kHz file gives a {@link BadInputException} naming it, when that clip
 * is first used. Thread-safe.
 */
public final class SpeechCommandsDataset extends ShapedSequenceDataset {

    /** Required sample rate. */
    public static final int SAMPLE_RATE = 16_000;
    /** Samples per clip after padding or trimming: 1 s. */
    public static final int CLIP_SAMPLES = SAMPLE_RATE;
    /** Name of the file listing the test clips. */
    public static final String TESTING_LIST = "testing_list.txt";
    /** Name of the file listing the validation clips. */
    public static final String VALIDATION_LIST = "validation_list.txt";
    /**
     * A file that marks a folder of synthetic speech (as {@code docs/data/make-spoken-commands.sh} writes it): such a
     * set is named {@code speech-synthetic-*}, so every output that names the data says it is not recorded speech.
     */
    public static final String SYNTHETIC_MARKER = "SYNTHETIC.txt";

    /**
     * How to load.
     *
     * @param snrDb            SNR of added white Gaussian noise in dB, or empty for clean clips
     * @param noiseSeed        seed of the noise
     * @param maxClipsPerClass at most this many clips per word (the first in file-name order), 0 for all
     */
    public record Options(OptionalDouble snrDb, long noiseSeed, int maxClipsPerClass) {
        public Options {
            Objects.requireNonNull(snrDb, "snrDb");
            if (snrDb.isPresent() && !Double.isFinite(snrDb.getAsDouble())) {
                throw new IllegalArgumentException("SNR must be finite: " + snrDb.getAsDouble());
            }
            if (maxClipsPerClass < 0) {
                throw new IllegalArgumentException("maxClipsPerClass must be at least 0: " + maxClipsPerClass);
            }
        }

        /** Clean clips, all of them. */
        public static Options defaults() {
            return new Options(OptionalDouble.empty(), 0, 0);
        }

        /** The same with noise at {@code snrDb} dB drawn from {@code seed}. */
        public Options withNoise(double snrDb, long seed) {
            return new Options(OptionalDouble.of(snrDb), seed, maxClipsPerClass);
        }

        /** The same with a cap on clips per word (0 for none). */
        public Options withMaxClipsPerClass(int max) {
            return new Options(snrDb, noiseSeed, max);
        }
    }

    private final List<Path> files;
    private final List<String> relativePaths;
    private final int[] labels;
    private final Options options;
    private final LogMelExtractor extractor;
    private final WavReader reader = new WavReader(SAMPLE_RATE);
    private final AtomicReferenceArray<float[]> cache;

    private SpeechCommandsDataset(String name, List<String> classNames, List<Path> files, List<String> relativePaths,
                                  int[] labels, Options options, LogMelExtractor extractor) {
        super(name, extractor.frames(CLIP_SAMPLES), extractor.bands(), classNames);
        this.extractor = extractor;
        this.files = List.copyOf(files);
        this.relativePaths = List.copyOf(relativePaths);
        this.labels = labels;
        this.options = options;
        this.cache = new AtomicReferenceArray<>(labels.length);
    }

    /** Loads a split with clean clips. */
    public static SpeechCommandsDataset load(Path dir, Split split) {
        return load(dir, split, Options.defaults());
    }

    /**
     * Lists a split of the folder (features are extracted on first use).
     *
     * @throws BadInputException if the folder, a list file or any word folder is missing, or the split is empty
     */
    public static SpeechCommandsDataset load(Path dir, Split split, Options options) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(options, "options");
        if (!Files.isDirectory(dir)) {
            throw BadInputException.inFile(dir, "no such folder; Speech Commands needs the extracted archive: one "
                    + "folder per word of 16 kHz WAV files, with " + VALIDATION_LIST + " and " + TESTING_LIST);
        }
        Set<String> testing = readList(dir.resolve(TESTING_LIST));
        Set<String> validation = readList(dir.resolve(VALIDATION_LIST));
        List<String> words = wordFolders(dir);
        List<Path> files = new ArrayList<>();
        List<String> relative = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < words.size(); c++) {
            int taken = 0;
            for (Path wav : wavFiles(dir.resolve(words.get(c)))) {
                String rel = words.get(c) + "/" + wav.getFileName();
                boolean inTest = testing.contains(rel);
                boolean wanted = split == Split.TEST ? inTest : !inTest && !validation.contains(rel);
                if (wanted && (options.maxClipsPerClass() == 0 || taken < options.maxClipsPerClass())) {
                    files.add(wav);
                    relative.add(rel);
                    labels.add(c);
                    taken++;
                }
            }
        }
        if (files.isEmpty()) {
            throw BadInputException.inFile(dir, "no clips of the " + split.label() + " split"
                    + (split == Split.TEST ? " (" + TESTING_LIST + " names none of the WAV files found)" : ""));
        }
        String name = (isSynthetic(dir) ? "speech-synthetic-" : "speech-") + split.label()
                + (options.snrDb().isPresent()
                ? "-snr" + BigDecimal.valueOf(options.snrDb().getAsDouble()).stripTrailingZeros().toPlainString() + "dB"
                : "");
        return new SpeechCommandsDataset(name, words, files, relative,
                labels.stream().mapToInt(Integer::intValue).toArray(), options, LogMelExtractor.speechCommands());
    }

    /** Whether the folder holds synthetic speech: it has a {@value #SYNTHETIC_MARKER} file. */
    public static boolean isSynthetic(Path dir) {
        return Files.isRegularFile(dir.resolve(SYNTHETIC_MARKER));
    }

    private static Set<String> readList(Path list) {
        if (!Files.isRegularFile(list)) {
            throw BadInputException.inFile(list, "missing; a Speech Commands folder holds " + VALIDATION_LIST
                    + " and " + TESTING_LIST + " beside the word folders");
        }
        try {
            Set<String> entries = new HashSet<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String entry = line.strip().replace('\\', '/');
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw BadInputException.inFile(list, "cannot read (" + e.getMessage() + ")");
        }
    }

    private static List<String> wordFolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            List<String> words = children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
            if (words.isEmpty()) {
                throw BadInputException.inFile(dir, "no word folders (expected one sub-folder of WAV files per word)");
            }
            return words;
        } catch (IOException e) {
            throw BadInputException.inFile(dir, "cannot list (" + e.getMessage() + ")");
        }
    }

    private static List<Path> wavFiles(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw BadInputException.inFile(folder, "cannot list (" + e.getMessage() + ")");
        }
    }

    /** Extracts the features of every clip now (in parallel), so that later reads are fast; returns this. */
    public SpeechCommandsDataset extractAll() {
        IntStream.range(0, labels.length).parallel().forEach(this::features);
        return this;
    }

    /** The options this split was loaded with. */
    public Options options() {
        return options;
    }

    /** The clip of example i, relative to the folder ({@code word/file.wav}). */
    public String relativePath(int i) {
        return relativePaths.get(i);
    }

    /**
     * The 1 s signal of example i as the features see it: samples / 32768, padded or cut to 16,000 samples, plus
     * the noise of the options if any. A fresh array.
     */
    public float[] signal(int i) {
        float[] samples = Arrays.copyOf(reader.read(files.get(i)), CLIP_SAMPLES);
        if (options.snrDb().isEmpty()) {
            return samples;
        }
        long clipSeed = new SplittableRandom(options.noiseSeed() ^ relativePaths.get(i).hashCode()).nextLong();
        return AdditiveNoise.whiteGaussian(samples, options.snrDb().getAsDouble(), clipSeed);
    }

    private float[] features(int i) {
        float[] f = cache.get(i);
        if (f == null) {
            f = extractor.extract(signal(i));
            cache.compareAndSet(i, null, f);
        }
        return f;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copySequence(int i, float[] dest, int offset) {
        Objects.checkIndex(i, labels.length);
        float[] f = features(i);
        System.arraycopy(f, 0, dest, offset, f.length);
    }

    @Override
    public String toString() {
        return name() + " (" + size() + " clips, " + steps() + " x " + features() + ", " + classes() + " words)";
    }
}
