package org.expanderexplorer.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.expanderexplorer.core.BadInputException;

/**
 * An exclusive claim on an output path for the length of a run, so that two runs writing the same outputs refuse
 * rather than interleave (two {@code prune} runs left zip, npz and summary from different runs). The claim is an
 * operating-system lock on a hidden {@code .NAME.lock} file beside the target, released when the run ends or its
 * process dies; the file is removed on release. (Removing it leaves a short window in which a third run could lock
 * a fresh file while a second still holds the removed one; the window is microseconds, the cost a refusal missed.)
 */
public final class TargetLock implements AutoCloseable {

    private final Path file;
    // the lock knows its channel (FileLock.channel()), which close() closes after releasing it
    private final FileLock lock;

    private TargetLock(Path file, FileLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /**
     * Claims {@code target}.
     *
     * @throws BadInputException naming the target if another run (of this or another process) holds it
     * @throws IOException       if the lock file cannot be created (a missing or read-only folder)
     */
    public static TargetLock claim(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            throw new IOException(target + " is not a file path");
        }
        // 6 = the leading '.' and ".lock", so the lock name of a 255-byte target name still fits
        String name = "." + AtomicFiles.cut(absolute.getFileName().toString(), AtomicFiles.MAX_NAME_BYTES - 6)
                + ".lock";
        Path file = folder.resolve(name);
        // an empty file: creating it needs no free blocks, so a full disk still reaches the real write and its message
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            // tryLock, not lock: a second run must be refused at once, not wait for the first to end
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process
        }
        if (lock == null) {
            channel.close();
            throw BadInputException.inFile(target, "another run is writing it now; wait for it to finish or "
                    + "choose another name");
        }
        return new TargetLock(file, lock);
    }

    /** Releases the claim and removes the lock file. */
    @Override
    public void close() throws IOException {
        try {
            // deleted while still locked, so no other run can lock this file between the release and the removal
            Files.deleteIfExists(file);
            lock.release();
        } finally {
            lock.channel().close();
        }
    }
}
