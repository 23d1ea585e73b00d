package org.expanderexplorer.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;

/**
 * Sequential MNIST and Fashion-MNIST as {@link SequenceDataset}s: each 28 x 28 image is read row by row, T = 28
 * steps of 28 features, pixel / 255 (science.md section 6).
 *
 * <p>MNIST (LeCun and Cortes, CC BY-SA 3.0) is shipped gzipped on the class path under
 * {@code org/expanderexplorer/core/data/mnist/} (see the NOTICE.md there): 60,000 training and 10,000 test images.
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, MIT licence) is not shipped: it is read from the folder the Debian
 * package {@code dataset-fashion-mnist} installs ({@value #FASHION_SYSTEM_DIR}) or from a folder the user names.
 * Both use the same four IDX file names, gzipped ({@code .gz}) or plain.
 *
 * <p>Loading decompresses and checks the files once (O(pixels), about 47 MB for the MNIST training images, kept
 * as bytes).
 */
public final class MnistDatasets {

    /** Where the Debian package {@code dataset-fashion-mnist} puts the files. */
    public static final String FASHION_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";
    /** Image side: 28 pixels. */
    public static final int SIDE = 28;
    /** The Fashion-MNIST class names, index = label (from the data set's README). */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String RESOURCE_DIR = "mnist/";
    private static final float PIXEL_DIVISOR = 255f;

    private MnistDatasets() {
    }

    /** Base name of the image file of a split, without {@code .gz}. */
    static String imagesFile(Split split) {
        return (split == Split.TRAIN ? "train" : "t10k") + "-images-idx3-ubyte";
    }

    /** Base name of the label file of a split, without {@code .gz}. */
    static String labelsFile(Split split) {
        return (split == Split.TRAIN ? "train" : "t10k") + "-labels-idx1-ubyte";
    }

    /** Sequential MNIST from the copy shipped on the class path: 60,000 (train) or 10,000 (test) examples. */
    public static ByteSequenceDataset mnist(Split split) {
        Objects.requireNonNull(split, "split");
        IdxReader.IdxArray images = readResource(imagesFile(split) + ".gz", IdxReader.IMAGES_MAGIC);
        IdxReader.IdxArray labels = readResource(labelsFile(split) + ".gz", IdxReader.LABELS_MAGIC);
        return fromIdx("mnist-" + split.label(), images, labels, digitNames());
    }

    /**
     * Fashion-MNIST from the Debian package's folder.
     *
     * @throws BadInputException if it is not installed, saying how to get it
     */
    public static ByteSequenceDataset fashion(Split split) {
        return fashion(Path.of(FASHION_SYSTEM_DIR), split);
    }

    /**
     * Fashion-MNIST (or any MNIST-format data set of 10 classes) from a folder holding the four IDX files.
     *
     * @throws BadInputException if a file is missing (the message says how to get them) or malformed
     */
    public static ByteSequenceDataset fashion(Path dir, Split split) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(split, "split");
        Path images = find(dir, imagesFile(split));
        Path labels = find(dir, labelsFile(split));
        return fromIdx("fashion-" + split.label(), IdxReader.read(images, IdxReader.IMAGES_MAGIC),
                IdxReader.read(labels, IdxReader.LABELS_MAGIC), FASHION_CLASSES);
    }

    /**
     * Builds a data set from an image file and a label file: checks that the counts agree, that the images are
     * 28 x 28 and that every label is a class index.
     */
    static ByteSequenceDataset fromIdx(String name, IdxReader.IdxArray images, IdxReader.IdxArray labels,
                                       List<String> classNames) {
        int[] shape = images.shape();
        if (shape[1] != SIDE || shape[2] != SIDE) {
            throw new BadInputException(images.source() + ": images are " + shape[1] + " x " + shape[2]
                    + ", expected " + SIDE + " x " + SIDE);
        }
        if (labels.count() != images.count()) {
            throw new BadInputException(labels.source() + ": " + labels.count() + " labels but "
                    + images.source() + " has " + images.count() + " images");
        }
        byte[] y = labels.data();
        for (int i = 0; i < y.length; i++) {
            if ((y[i] & 0xff) >= classNames.size()) {
                throw new BadInputException(labels.source() + ": label " + (y[i] & 0xff) + " of item " + i
                        + " is not a class (expected 0 .. " + (classNames.size() - 1) + ")");
            }
        }
        return new ByteSequenceDataset(name, SIDE, SIDE, classNames, images.data(), y, PIXEL_DIVISOR);
    }

    private static Path find(Path dir, String baseName) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such folder; Fashion-MNIST is installed by "
                    + "'apt-get install dataset-fashion-mnist' (into " + FASHION_SYSTEM_DIR
                    + "), or name a folder holding " + allFileNames() + " as fashion:DIR");
        }
        for (String candidate : List.of(baseName + ".gz", baseName)) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new BadInputException(dir.resolve(baseName + ".gz") + ": missing (neither " + baseName + ".gz nor "
                + baseName + " in " + dir + "); Fashion-MNIST is installed by 'apt-get install dataset-fashion-mnist'"
                + " (into " + FASHION_SYSTEM_DIR + "), or name a folder holding " + allFileNames() + " as fashion:DIR");
    }

    private static String allFileNames() {
        List<String> names = new ArrayList<>();
        for (Split s : Split.values()) {
            names.add(imagesFile(s) + ".gz");
            names.add(labelsFile(s) + ".gz");
        }
        return String.join(", ", names);
    }

    private static IdxReader.IdxArray readResource(String name, int magic) {
        String source = "class path resource " + MnistDatasets.class.getPackageName().replace('.', '/') + "/"
                + RESOURCE_DIR + name;
        try (InputStream in = MnistDatasets.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                // A build problem, not a user problem: the resources belong to the application.
                throw new IllegalStateException(source + " is missing from the application");
            }
            return IdxReader.read(in, source, magic, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static List<String> digitNames() {
        List<String> names = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            names.add(Integer.toString(d));
        }
        return names;
    }
}
