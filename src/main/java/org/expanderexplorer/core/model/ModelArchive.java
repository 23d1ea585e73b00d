package org.expanderexplorer.core.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.HeapBudget;
import org.expanderexplorer.core.io.InputFiles;

/**
 * The one reader of model archives: both model formats are zips (a Deeplearning4j {@code ModelSerializer} zip, a
 * NumPy NPZ), so {@link ModelFiles} and {@link NpzFiles} share this bounded, CRC-checked reader instead of one
 * calling into the other (which made the two files depend on each other).
 *
 * <p>Bounds: the file is limited to {@link #MAX_BYTES} and everything it inflates to by the heap still available
 * ({@link HeapBudget}), since the whole archive is held in memory; a zip bomb stops at the limit rather than
 * exhausting the heap.
 */
final class ModelArchive {

    /** Largest model file accepted (the whole zip is read into memory). */
    // 1 GiB: the whole file is held as one byte array, whose length must stay well within an int
    static final long MAX_BYTES = 1L << 30;

    /** Most entries accepted in a model zip or NPZ (a two-layer state_dict with masks has 14). */
    static final int MAX_ENTRIES = 4096;

    /** Bytes counted per zip entry beyond its data (name, map entry, array header). */
    // a rough count of a HashMap node, the key String and the byte array header on a 64-bit JVM
    private static final long ENTRY_OVERHEAD = 160;

    private ModelArchive() {
    }

    /**
     * The entries of a zip, each fully inflated (CRC-checked). The file must be a regular file (never a device or
     * a FIFO) of at most {@value #MAX_BYTES} bytes; the entries together may inflate to at most a third of the heap
     * still available (the bytes are held, then parsed into at least as much again), {@value #MAX_ENTRIES} entries.
     */
    static Map<String, byte[]> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = InputFiles.readAll(file, MAX_BYTES, "a model");
        if (!isZip(bytes)) {
            throw BadInputException.inFile(file, "not a zip archive (a model must be a Deeplearning4j zip or an NPZ)");
        }
        return entries(file, bytes);
    }

    /** Whether {@code bytes} begin with a zip's magic bytes. */
    static boolean isZip(byte[] bytes) {
        // "PK" (Phil Katz): every zip starts with a local file header (or, for an empty zip, the end record)
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    /**
     * The entries of a zip already read into memory ({@code bytes}, not modified), with the bounds of {@link #read}.
     */
    static Map<String, byte[]> entries(Path file, byte[] bytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            return collect(file, new Source() {
                @Override
                public ZipEntry next() throws IOException {
                    return in.getNextEntry();
                }

                @Override
                public InputStream open(ZipEntry e) {
                    return in;
                }
            });
        } catch (StoredWithDescriptor e) {
            return fromCentralDirectory(file);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "corrupt zip archive (" + firstLine(e) + ")");
        }
    }

    /**
     * PyTorch (through miniz) writes its entries stored, not deflated, with their sizes in a data descriptor after the
     * data, which a streaming reader cannot find ({@link ZipInputStream} refuses such entries); the central directory
     * at the end of the file has the sizes, so these archives are read through it, with the same bounds.
     */
    private static Map<String, byte[]> fromCentralDirectory(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.Enumeration<? extends ZipEntry> all = zip.entries();
            return collect(file, new Source() {
                @Override
                public ZipEntry next() {
                    return all.hasMoreElements() ? all.nextElement() : null;
                }

                @Override
                public InputStream open(ZipEntry e) throws IOException {
                    return zip.getInputStream(e);
                }
            });
        } catch (IOException e) {
            throw BadInputException.inFile(file, "corrupt zip archive (" + firstLine(e) + ")");
        }
    }

    /** Where entries come from: a stream read front to back, or the central directory. */
    private interface Source {
        ZipEntry next() throws IOException;

        InputStream open(ZipEntry e) throws IOException;
    }

    /** Thrown inside {@link #entries} when a stored entry has a data descriptor (see {@link #fromCentralDirectory}). */
    private static final class StoredWithDescriptor extends IOException {
        StoredWithDescriptor(Throwable cause) {
            super(cause);
        }
    }

    private static Map<String, byte[]> collect(Path file, Source source) throws IOException {
        long heap = HeapBudget.available();
        // a third: the inflated bytes are held while they are parsed into arrays of at least the same size
        long budget = Math.min(MAX_BYTES, heap / 3);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try {
            for (ZipEntry e = next(source); e != null; e = next(source)) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw BadInputException.inFile(file, "has more than " + MAX_ENTRIES + " entries; a model has a "
                            + "few dozen at most");
                }
                // each entry costs its name and the map's bookkeeping too, so many empty entries count
                total += ENTRY_OVERHEAD + 2L * e.getName().length();
                if (e.getSize() > budget - total) {
                    // the header declares it: refuse before inflating (a lying header is caught while inflating)
                    throw BadInputException.inFile(file, HeapBudget.message(HeapBudget.times(3, total + e.getSize()),
                            "entry '" + BadInputException.printable(e.getName(), 60) + "' of "
                                    + (e.getSize() >> 20) + " MB inflated", heap));
                }
                // one byte past the budget at most: enough to tell that a lying header hid a larger entry
                byte[] data = source.open(e).readNBytes((int) Math.max(0, Math.min(budget - total + 1,
                        Integer.MAX_VALUE - 16)));
                total += data.length;
                if (total > budget) {
                    throw BadInputException.inFile(file, budget == MAX_BYTES
                            ? "inflates to more than " + MAX_BYTES + " bytes"
                            : "inflates to more than " + (budget >> 20) + " MB, a third of the " + (heap >> 20)
                                    + " MB the heap allows (reading needs about three times the inflated size): "
                                    + "run with a larger -Xmx");
                }
                // zip tools disagree on which of two same-named entries counts: refuse rather than pick one
                if (entries.put(e.getName(), data) != null) {
                    throw BadInputException.inFile(file, "has two entries named '"
                            + BadInputException.printable(e.getName(), 80) + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw BadInputException.inFile(file, "corrupt zip archive (" + firstLine(e) + ")");
        }
        if (entries.isEmpty()) {
            throw BadInputException.inFile(file, "corrupt or empty zip archive (no readable entries)");
        }
        return entries;
    }

    private static ZipEntry next(Source source) throws IOException {
        try {
            return source.next();
        } catch (java.util.zip.ZipException e) {
            // ZipInputStream's message for a stored entry with a data descriptor (its sizes come only after the data)
            if (String.valueOf(e.getMessage()).contains("EXT descriptor")) {
                throw new StoredWithDescriptor(e);
            }
            throw e;
        }
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
