package org.expanderexplorer.core.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's own folder, is flushed to
 * disk, and is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers therefore see
 * either the old file or the complete new one, never a truncated file, even if the program dies mid-write.
 *
 * <p>The temporary file is created with the default permissions of new files (not the owner-only permissions
 * of {@link Files#createTempFile}), so the result looks like any other file the user writes. If the file
 * system cannot rename atomically (some network or FUSE mounts), the rename falls back to a plain replacing
 * move; the file is still never left half-written under its final name, but a concurrent reader could in
 * principle see it missing for an instant. On any failure the temporary file is removed.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically with the bytes that {@code body} writes to the stream it is given.
     * The stream is buffered; {@code body} must not close it.
     *
     * @param target the file to create or replace; its folder must exist
     * @param body   writes the content
     * @throws IOException if the folder does not exist or is not writable, the disk is full, or {@code body}
     *                     fails; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new IOException(target + " is not a file path");
        }
        Path temp = createTemp(folder, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.accept(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes {@code target} atomically as UTF-8 text with what {@code body} writes to the (buffered) writer it is
     * given; {@code body} must not close it.
     *
     * @see #write(Path, IOConsumer)
     */
    public static void writeText(Path target, IOConsumer<Writer> body) throws IOException {
        Objects.requireNonNull(body, "body");
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.accept(w);
            w.flush();
        });
    }

    private static Path createTemp(Path folder, String name) throws IOException {
        // A random suffix (not a seeded one: it never reaches the output) and CREATE_NEW make concurrent writers
        // of the same target use different temporary files.
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path temp = folder.resolve("." + name + "." + suffix + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
