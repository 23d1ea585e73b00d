package org.expanderexplorer.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.expanderexplorer.core.BadInputException;

/**
 * A folder of outputs that belong together (a sweep's table, summary, figures and exported models), written so that
 * a run killed at any moment leaves either the previous outputs or the new ones, never a mixture: everything is
 * written into a hidden staging folder {@code .NAME.PID-RANDOM.tmp} beside the target, and only when the run is
 * complete is it moved into place. A target that does not exist yet is created by one atomic rename; into an
 * existing one each top-level entry is moved by one rename (a sub-folder by two, the old one set aside first), so
 * only those few renames at the very end could be interrupted, and files in the target that the run does not write
 * (a user's notes) are kept. While the run lasts, {@link TargetLock} keeps a second run off the same target.
 *
 * <p>Staging folders of killed runs are removed when the next run of the same target begins.
 */
public final class RunFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final TargetLock lock;
    private boolean committed;

    private RunFolder(Path target, Path staging, TargetLock lock) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
    }

    /**
     * Claims {@code target} and creates its staging folder (the target's parent folders are created if missing).
     *
     * @throws BadInputException if the target exists and is not a folder, or another run holds it
     * @throws IOException       if the parent folder cannot be written
     */
    public static RunFolder begin(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath().normalize();
        // refused before anything is claimed or staged: replacing a user's file by a folder would lose the file
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw BadInputException.inFile(target, "exists and is not a folder");
        }
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw BadInputException.inFile(target, "is not a folder that can be written");
        }
        Files.createDirectories(parent);
        // claimed before the stale staging folders are removed, so a live run's staging folder is never taken for stale
        TargetLock lock = TargetLock.claim(absolute);
        try {
            String name = absolute.getFileName().toString();
            removeStale(parent, name);
            // beside the target, on the same file system, so that commit's renames are atomic and never copy
            Path staging = parent.resolve(AtomicFiles.tempName(name, ProcessHandle.current().pid(),
                    ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE));
            Files.createDirectory(staging);
            return new RunFolder(absolute, staging, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The folder to write every output into. */
    public Path staging() {
        return staging;
    }

    /** The final folder. */
    public Path target() {
        return target;
    }

    /** Where a file written at {@code staged} (inside {@link #staging()}) ends up after {@link #commit()}. */
    public Path finalPath(Path staged) {
        return target.resolve(staging.relativize(staged.toAbsolutePath().normalize()));
    }

    /**
     * {@code e} with the file it names moved from the staging folder to the target, so that a message names the
     * output the user asked for ("out/sweep.csv: No space left on device"), not a hidden folder.
     */
    public FileSystemException named(FileSystemException e) {
        if (e.getFile() == null || !Path.of(e.getFile()).toAbsolutePath().startsWith(staging)) {
            return e;
        }
        FileSystemException n = new FileSystemException(finalPath(Path.of(e.getFile())).toString(), null,
                e.getReason());
        n.initCause(e);
        return n;
    }

    /** Moves the outputs into place. */
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        // the whole folder appears in one rename: a reader sees no outputs or all of them
        if (!Files.exists(target)) {
            move(staging, target);
        } else {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(staging)) {
                s.forEach(entries::add);
            }
            for (Path e : entries) {
                Path dest = target.resolve(e.getFileName().toString());
                // a directory cannot replace a non-empty one by rename: the old one is set aside first, then deleted
                if (Files.isDirectory(e) && Files.exists(dest)) {
                    Path old = target.resolve(AtomicFiles.tempName(e.getFileName().toString(),
                            ProcessHandle.current().pid(), ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE));
                    move(dest, old);
                    move(e, dest);
                    deleteTree(old);
                } else {
                    move(e, dest);
                }
            }
            deleteTree(staging);
        }
        committed = true;
    }

    /** Removes the staging folder if the run did not commit, and releases the claim. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } finally {
            lock.close();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes staging folders of {@code name} whose process is gone (killed runs). Best effort. */
    static void removeStale(Path parent, String name) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> Files.isDirectory(p)
                && AtomicFiles.pidOf(p.getFileName().toString(), name) > 0)) {
            for (Path p : s) {
                long pid = AtomicFiles.pidOf(p.getFileName().toString(), name);
                // the pid in the name tells a killed run's folder from that of a run still writing
                if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                    deleteTree(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the run itself reports a folder it cannot write
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        // files first, each directory after its contents (post-order), since a directory must be empty to be deleted
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
