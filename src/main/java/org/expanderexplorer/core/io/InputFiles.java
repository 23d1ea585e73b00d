package org.expanderexplorer.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;

/**
 * Opens files that a user names as input (models, matrices, data, sessions, sweep results) safely: only regular
 * files are read, never a device ({@code /dev/zero} reads forever), a FIFO (blocks until someone writes) or a
 * socket, and whole-file reads are bounded by a size limit and by {@link HeapBudget}. Every refusal is a
 * {@link BadInputException} naming the file.
 *
 * <p>Symbolic links are followed (a link to a regular file is a regular file). The check and the read are two
 * steps, so a file swapped for a FIFO between them could still block; the reads here therefore also stop at the
 * size limit, whatever the file turns out to be.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * The size of {@code file} after checking that it exists and is a regular file.
     *
     * @param what what the file should be, for the message ("a model", "a matrix")
     * @throws BadInputException if it is missing, a folder, a device, a FIFO or unreadable
     */
    public static long requireRegular(Path file, String what) {
        Objects.requireNonNull(file, "file");
        BasicFileAttributes attributes;
        try {
            // follows symbolic links (no NOFOLLOW_LINKS), so the attributes are those of the file a link points to
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "no such file");
        } catch (AccessDeniedException e) {
            throw BadInputException.inFile(file, "permission denied");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (attributes.isDirectory()) {
            throw BadInputException.inFile(file, "is a folder, not " + what);
        }
        if (!attributes.isRegularFile()) {
            throw BadInputException.inFile(file, "is not a regular file (a device, FIFO or socket), so it cannot be "
                    + what);
        }
        return attributes.size();
    }

    /**
     * The whole content of a regular file of at most {@code maxBytes} bytes (and at most what the heap allows).
     *
     * @throws BadInputException if it is not a regular file, is larger than the limit, or cannot be read
     */
    public static byte[] readAll(Path file, long maxBytes, String what) {
        long size = requireRegular(file, what);
        if (size > maxBytes) {
            throw BadInputException.inFile(file, "file of " + size + " bytes is larger than the limit of " + maxBytes
                    + " bytes for " + what);
        }
        // the bytes and, at the peak, one decoded or parsed copy of about the same size
        HeapBudget.require(file, 2 * size, "reading a file of " + size + " bytes");
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than the limit: reading it proves the file grew (or was never a regular file). The cap
            // below
            // Integer.MAX_VALUE is the largest array a JVM reliably allocates.
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
            if (bytes.length > maxBytes) {
                throw BadInputException.inFile(file, "grew past the limit of " + maxBytes + " bytes while being read");
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw BadInputException.inFile(file, "permission denied");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot be read ("
                    + BadInputException.printable(String.valueOf(e.getMessage()), 160) + ")");
        }
    }
}
