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
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's own folder, is flushed to
 * disk, and is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers therefore see
 * either the old file or the complete new one, never a truncated file, even if the program dies mid-write.
 *
 * <p>The temporary file is created with the default permissions of new files (not the owner-only permissions
 * of {@link Files#createTempFile}), so the result looks like any other file the user writes. If the file
 * system cannot rename atomically (some network or FUSE mounts), the rename falls back to a plain replacing
 * move; the file is still never left half-written under its final name, but a concurrent reader could in
 * principle see it missing for an instant. On any failure the temporary file is removed, and the failure names
 * the target (a full disk's own message names no file).
 *
 * <p>Temporary names are {@code .NAME.PID-RANDOM.tmp}, with NAME shortened so that the whole fits in 255 bytes (a
 * target name may use all 255). A run killed mid-write leaves its temporary file behind; the next write of the same
 * target removes those whose process is gone.
 */
public final class AtomicFiles {

    /** Longest file name, in bytes, of common file systems (ext4, XFS, APFS, NTFS in UTF-16 units). */
    static final int MAX_NAME_BYTES = 255;
    // ".NAME.PID-RANDOM.tmp": DOTALL because a file name may contain any character but '/' and NUL, newlines too
    private static final Pattern TEMP =
            Pattern.compile("\\.(.*)\\.([0-9]{1,19})-([0-9a-f]{1,8})\\.tmp", Pattern.DOTALL);

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
        String name = absolute.getFileName().toString();
        // cleaned before writing, so at most one run's leftovers can ever sit beside a target
        removeStale(folder, name);
        Path temp = createTemp(folder, name);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // not closed here: closing the stream would close the channel before force() below
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.accept(out);
                out.flush();
                // Without this the rename can reach the disk before the data (delayed allocation on ext4, XFS): a crash
                // would
                // then leave an empty file under the final name, the very thing the rename should prevent.
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        // already names a file (the target or its folder): rethrown as it is
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // a full disk says "No space left on device" and names no file: name the target
            FileSystemException named = new FileSystemException(target.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
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
            // UTF-8 explicitly: before Java 18 the default charset is the platform's (a code page on Windows)
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.accept(w);
            w.flush();
        });
    }

    /**
     * The hidden temporary name for {@code name}: {@code .NAME.PID-RANDOM.tmp}, with NAME cut (at a character
     * boundary) so that the whole stays within the 255 bytes most file systems allow, because a target name of up
     * to 255 bytes must still be writable. The process id makes a file left by a killed run recognisable.
     */
    static String tempName(String name, long pid, int random) {
        String tail = "." + pid + "-" + Integer.toHexString(random) + ".tmp";
        // the leading '.' hides the file from a plain listing and from file dialogs on Unix-like systems
        return "." + cut(name, MAX_NAME_BYTES - 1 - tail.length()) + tail;
    }

    /**
     * Removes temporary files of {@code name} left by runs that were killed (their process no longer exists), so
     * that hidden {@code .tmp} files do not pile up beside a file that is written again and again. Files of a
     * live process (another run writing now, or this one) are left alone; problems are ignored (best effort).
     */
    static void removeStale(Path folder, String name) {
        // every temporary name of this target starts so (the longest tail: 19 digits, 8 hex digits)
        String prefix = "." + cut(name, MAX_NAME_BYTES - 1 - ".-.tmp".length() - 19 - 8);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path p : siblings) {
                long pid = pidOf(p.getFileName().toString(), name);
                if (pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a folder that cannot be listed is reported by the write itself
        }
    }

    /** The process id in a temporary name made by {@link #tempName} for {@code name}, or -1 if it is not one. */
    static long pidOf(String tempName, String name) {
        Matcher m = TEMP.matcher(tempName);
        if (!m.matches() || !name.startsWith(m.group(1))) {
            return -1;
        }
        long pid = Long.parseLong(m.group(2));
        int random = Integer.parseUnsignedInt(m.group(3), 16);
        // rebuilt and compared, so that only a name this class made for exactly this target counts (a user's own
        // ".notes.42-ab.tmp" beside it is never deleted)
        return tempName.equals(tempName(name, pid, random)) ? pid : -1;
    }

    private static Path createTemp(Path folder, String name) throws IOException {
        // A random part (not a seeded one: it never reaches the output) and CREATE_NEW make concurrent writers
        // of the same target use different temporary files.
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(tempName(name, pid, ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE));
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // eleven collisions of 31 random bits mean something else is wrong; the exception says what
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} bytes in UTF-8, not splitting a character. */
    static String cut(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            // 1 to 4 bytes per code point; a surrogate pair counts as one character, so it is never split
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}
