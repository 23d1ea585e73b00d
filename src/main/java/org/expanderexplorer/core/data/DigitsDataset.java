package org.expanderexplorer.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.expanderexplorer.core.BadInputException;

/**
 * The 8 x 8 handwritten digits (Alpaydin and Kaynak 1998, UCI; the copy distributed with scikit-learn, BSD-3-Clause,
 * shipped on the class path under {@code org/expanderexplorer/core/data/digits/}, see the NOTICE.md there): 1,797
 * images, 10 classes. Each image is read row by row: T = 8 steps of 8 features, pixel count (0..16) / 16.
 *
 * <p>The file has no train/test split, so a fixed one is made here with
 * {@link SequenceDatasets#stratifiedSplit}: per class a random 20 % ({@link #TEST_FRACTION}, rounded) goes to the
 * test part, with seed {@link #SPLIT_SEED}. That gives {@link #TRAIN_SIZE} = 1,438 training and {@link #TEST_SIZE}
 * = 359 test examples. Small enough to train a model in seconds, which is what it is for.
 */
public final class DigitsDataset {

    /** Seed of the fixed stratified split. */
    public static final long SPLIT_SEED = 1797L;
    /** Fraction of each class that goes to the test part. */
    public static final double TEST_FRACTION = 0.2;
    /** Number of examples in the file. */
    public static final int TOTAL = 1_797;
    /** Training examples of the fixed split. */
    public static final int TRAIN_SIZE = 1_438;
    /** Test examples of the fixed split. */
    public static final int TEST_SIZE = 359;
    /** Image side: 8 pixels. */
    public static final int SIDE = 8;

    private static final String RESOURCE = "digits/digits.csv.gz";
    private static final int MAX_VALUE = 16;
    private static final int CLASSES = 10;

    private DigitsDataset() {
    }

    /** All 1,797 examples, named {@code digits8-all}. */
    public static ByteSequenceDataset all() {
        String source = "class path resource " + DigitsDataset.class.getPackageName().replace('.', '/') + "/"
                + RESOURCE;
        try (InputStream in = DigitsDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing from the application");
            }
            return parse(new GZIPInputStream(in), source, "digits8-all");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** The training (1,438) or test (359) part of the fixed stratified split, named {@code digits8-train/test}. */
    public static SequenceDataset load(Split split) {
        Objects.requireNonNull(split, "split");
        ByteSequenceDataset all = all();
        int[] labels = all.labels(all.range(0, all.size()));
        SequenceDatasets.IndexSplit parts = SequenceDatasets.stratifiedSplit(labels, CLASSES, TEST_FRACTION,
                SPLIT_SEED);
        return SequenceDatasets.select(all, parts.part(split), "digits8-" + split.label());
    }

    /**
     * Parses lines of 65 comma-separated integers: 64 pixel counts in 0..16, row-major, then the digit. The stream
     * is not closed.
     *
     * @throws BadInputException naming the source and line for a malformed line
     */
    static ByteSequenceDataset parse(InputStream in, String source, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        int length = SIDE * SIDE;
        byte[] values = new byte[TOTAL * length];
        byte[] labels = new byte[TOTAL];
        int n = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != length + 1) {
                throw atLine(source, lineNumber, fields.length + " fields, expected " + (length + 1));
            }
            if (n == values.length / length) {
                values = Arrays.copyOf(values, values.length * 2);
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            for (int k = 0; k <= length; k++) {
                int v = parseField(fields[k], source, lineNumber, k);
                int max = k < length ? MAX_VALUE : CLASSES - 1;
                if (v < 0 || v > max) {
                    throw atLine(source, lineNumber, "field " + (k + 1) + " is " + v + ", expected 0 .. " + max);
                }
                if (k < length) {
                    values[n * length + k] = (byte) v;
                } else {
                    labels[n] = (byte) v;
                }
            }
            n++;
        }
        if (n == 0) {
            throw new BadInputException(source + ": no data lines");
        }
        return new ByteSequenceDataset(name, SIDE, SIDE, classNames(), Arrays.copyOf(values, n * length),
                Arrays.copyOf(labels, n), MAX_VALUE);
    }

    private static int parseField(String field, String source, int line, int k) {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw atLine(source, line, "field " + (k + 1) + " '" + field + "' is not an integer");
        }
    }

    private static BadInputException atLine(String source, int line, String problem) {
        return new BadInputException(source + ", line " + line + ": " + problem);
    }

    private static List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int d = 0; d < CLASSES; d++) {
            names.add(Integer.toString(d));
        }
        return names;
    }
}
