package org.expanderexplorer.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;

/**
 * CIFAR-10 (Krizhevsky 2009), "binary version", from a folder the user names (the data is not shipped): training
 * files {@code data_batch_1.bin} .. {@code data_batch_5.bin}, test file {@code test_batch.bin}. Each record is
 * 3,073 bytes: the label (0..9), then 1,024 red, 1,024 green and 1,024 blue bytes, each plane row-major 32 x 32.
 *
 * <p>As a sequence (science.md section 6): T = 32 steps, one per image row, of F = 96 features: feature
 * {@code c * 3 + channel} is pixel column c (0..31) of channel 0 = red, 1 = green, 2 = blue, so each pixel's three
 * colours sit side by side. Values are byte / 255. Class names come from {@code batches.meta.txt} when present
 * (ten non-blank lines), else the standard list {@link #CLASS_NAMES}.
 *
 * <p>Memory: 3,072 bytes per image (about 154 MB for the 50,000 training images). Time: one pass over the files.
 * A file whose length is not a positive multiple of 3,073 bytes, a missing file or a label above 9 give a
 * {@link BadInputException} naming the file.
 */
public final class Cifar10Dataset {

    /** Side of an image. */
    public static final int SIDE = 32;
    /** Features per step: 32 columns x 3 channels. */
    public static final int FEATURES = SIDE * 3;
    /** Bytes per record: 1 label + 3 planes of 32 x 32. */
    public static final int RECORD = 1 + 3 * SIDE * SIDE;
    /** The standard class names, index = label. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private static final int PLANE = SIDE * SIDE;

    private Cifar10Dataset() {
    }

    /** The file names of a split, in reading order. */
    public static List<String> fileNames(Split split) {
        if (split == Split.TEST) {
            return List.of("test_batch.bin");
        }
        List<String> names = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            names.add("data_batch_" + b + ".bin");
        }
        return names;
    }

    /**
     * Loads a split from the folder holding the binary batch files (usually {@code cifar-10-batches-bin}).
     *
     * @throws BadInputException if the folder or a file is missing or a file is malformed
     */
    public static ByteSequenceDataset load(Path dir, Split split) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(split, "split");
        if (!Files.isDirectory(dir)) {
            throw BadInputException.inFile(dir, "no such folder; CIFAR-10 needs the folder of the binary version "
                    + "(cifar-10-batches-bin) holding data_batch_1.bin .. data_batch_5.bin and test_batch.bin");
        }
        List<Path> files = new ArrayList<>();
        long records = 0;
        for (String name : fileNames(split)) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw BadInputException.inFile(file, "missing; the CIFAR-10 binary version holds data_batch_1.bin"
                        + " .. data_batch_5.bin and test_batch.bin in one folder");
            }
            long length = size(file);
            if (length == 0 || length % RECORD != 0) {
                throw BadInputException.inFile(file, "size " + length + " bytes is not a positive multiple of the "
                        + RECORD + "-byte record (1 label + 3,072 pixels); not a CIFAR-10 binary batch, or truncated");
            }
            records += length / RECORD;
            files.add(file);
        }
        if (records * (RECORD - 1) > Integer.MAX_VALUE - 8) {
            throw BadInputException.inFile(dir, records + " images are too many to hold in memory");
        }
        int n = (int) records;
        byte[] values = new byte[n * (RECORD - 1)];
        byte[] labels = new byte[n];
        int next = 0;
        for (Path file : files) {
            next = readFile(file, values, labels, next);
        }
        return new ByteSequenceDataset("cifar10-" + split.label(), SIDE, FEATURES, classNames(dir), values, labels,
                255f);
    }

    /** Reads every record of one file into the arrays (modified) from example {@code first}; returns the next. */
    private static int readFile(Path file, byte[] values, byte[] labels, int first) {
        byte[] record = new byte[RECORD];
        int i = first;
        InputFiles.requireRegular(file, "a CIFAR-10 batch");
        long count = size(file) / RECORD;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            for (long r = 0; r < count; r++, i++) {
                in.readFully(record);
                int label = record[0] & 0xff;
                if (label >= CLASS_NAMES.size()) {
                    throw BadInputException.inFile(file, "record " + r + " has label " + label
                            + ", expected 0 .. 9; not a CIFAR-10 binary batch (CIFAR-100 records are 3,074 bytes)");
                }
                labels[i] = (byte) label;
                toSteps(record, values, i * (RECORD - 1));
            }
        } catch (EOFException e) {
            throw new BadInputException(file + ": truncated while reading (the file changed?)", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return i;
    }

    /**
     * Reorders one record (not modified; planes R, G, B after the label byte) into step-major rows of
     * {@code dest} (modified) from {@code offset}: value (row, c * 3 + channel) = plane[channel][row][c].
     */
    static void toSteps(byte[] record, byte[] dest, int offset) {
        for (int row = 0; row < SIDE; row++) {
            for (int c = 0; c < SIDE; c++) {
                int out = offset + row * FEATURES + c * 3;
                int in = 1 + row * SIDE + c;
                dest[out] = record[in];
                dest[out + 1] = record[in + PLANE];
                dest[out + 2] = record[in + 2 * PLANE];
            }
        }
    }

    private static List<String> classNames(Path dir) {
        Path meta = dir.resolve("batches.meta.txt");
        if (Files.isRegularFile(meta)) {
            try {
                List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (names.size() == CLASS_NAMES.size()) {
                    return names;
                }
            } catch (IOException e) {
                // The names are cosmetic: fall back to the standard ones rather than refuse the data.
                return CLASS_NAMES;
            }
        }
        return CLASS_NAMES;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read (" + e.getMessage() + ")");
        }
    }
}
