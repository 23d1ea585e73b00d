package org.expanderexplorer.core.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.expanderexplorer.core.BadInputException;

/**
 * The one reader of model archives: both model formats are zips (a Deeplearning4j {@code ModelSerializer} zip, a
 * NumPy NPZ), so {@link ModelFiles} and {@link NpzFiles} share this bounded, CRC-checked reader instead of one
 * calling into the other (which made the two files depend on each other).
 *
 * <p>Bounds: the file and everything it inflates to are limited to {@link #MAX_BYTES}, since the whole archive is
 * held in memory; a zip bomb stops at the limit rather than exhausting the heap.
 */
final class ModelArchive {

    /** Largest model file accepted (the whole zip is read into memory). */
    static final long MAX_BYTES = 1L << 30;

    private ModelArchive() {
    }

    /** The entries of a zip, each fully inflated (CRC-checked). */
    static Map<String, byte[]> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw BadInputException.inFile(file, "is a folder, not a model file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw BadInputException.inFile(file, "file of " + size + " bytes is larger than the limit of "
                        + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "no such file");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw BadInputException.inFile(file, "not a zip archive (a model must be a Deeplearning4j zip or an NPZ)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE - 16));
                total += data.length;
                if (total > MAX_BYTES) {
                    throw BadInputException.inFile(file, "inflates to more than " + MAX_BYTES + " bytes");
                }
                entries.put(e.getName(), data);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw BadInputException.inFile(file, "corrupt zip archive (" + firstLine(e) + ")");
        }
        if (entries.isEmpty()) {
            throw BadInputException.inFile(file, "corrupt or empty zip archive (no readable entries)");
        }
        return entries;
    }

    /** The first line of the first message in the cause chain, for a one-line report. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
