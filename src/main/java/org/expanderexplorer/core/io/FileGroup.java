package org.expanderexplorer.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.expanderexplorer.core.BadInputException;

/**
 * Files that belong together but may live in different folders (a pruned model's zip, NPZ and summary): each is
 * claimed ({@link TargetLock}) and written under a hidden temporary name beside its target, and only when all are
 * complete are they renamed into place, in the order they were staged (so the one staged last, a summary naming
 * the others, appears last). Two names for one file are refused. A killed run leaves only hidden temporary files,
 * which the next write of the same targets removes ({@link AtomicFiles}).
 */
public final class FileGroup implements AutoCloseable {

    // target -> temporary file beside it, in claim order, which is also the order of the renames in commit
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final List<TargetLock> locks = new ArrayList<>();
    private boolean committed;

    /**
     * Claims {@code targets} (nulls are skipped).
     *
     * @throws BadInputException if two targets are the same file, or another run holds one
     */
    public static FileGroup claim(Path... targets) throws IOException {
        FileGroup g = new FileGroup();
        try {
            for (Path t : targets) {
                if (t == null) {
                    continue;
                }
                // normalised absolute paths, so "out/a.npz" and "./out/a.npz" are seen as the same target
                Path a = t.toAbsolutePath().normalize();
                for (Path other : g.staged.keySet()) {
                    // isSameFile also catches links and case-insensitive file systems; it needs both files to exist
                    if (other.equals(a) || (Files.exists(a) && Files.exists(other) && Files.isSameFile(a, other))) {
                        throw BadInputException.inFile(t, "is named for two outputs; give each output its own name");
                    }
                }
                g.locks.add(TargetLock.claim(a));
                String name = a.getFileName().toString();
                // leftovers of a killed earlier run for this target; the lock above makes sure no live run owns them
                AtomicFiles.removeStale(a.getParent(), name);
                // beside the target, on the same file system, so the final rename can be atomic; the pid and a random
                // number
                // keep two runs' temporary names apart
                g.staged.put(a, a.getParent().resolve(AtomicFiles.tempName(name, ProcessHandle.current().pid(),
                        ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE)));
            }
            return g;
        } catch (IOException | RuntimeException e) {
            // a failed claim releases what was already claimed, so no lock outlives the call
            g.close();
            throw e;
        }
    }

    /** Where to write {@code target} (one of the claimed paths) until {@link #commit()}. */
    public Path stage(Path target) {
        Path s = staged.get(target.toAbsolutePath().normalize());
        if (s == null) {
            throw new IllegalArgumentException(target + " is not part of this group");
        }
        return s;
    }

    /** {@code e} naming the target instead of its staged temporary file, for messages. */
    public FileSystemException named(FileSystemException e) {
        for (Map.Entry<Path, Path> s : staged.entrySet()) {
            if (e.getFile() != null && Path.of(e.getFile()).toAbsolutePath().equals(s.getValue())) {
                FileSystemException n = new FileSystemException(s.getKey().toString(), null, e.getReason());
                n.initCause(e);
                return n;
            }
        }
        return e;
    }

    /** Renames every staged file that was written into place, in order. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            // a claimed target need not be written (an optional output); it is then left as it was
            if (Files.exists(e.getValue())) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                // some file systems (network shares) cannot rename atomically; a plain rename still replaces the whole
                // file
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        committed = true;
    }

    /** Removes staged files if the group was not committed, and releases the claims. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                // An uncommitted group leaves no partial set behind: the targets keep their previous contents.
                for (Path s : staged.values()) {
                    Files.deleteIfExists(s);
                }
            }
        } finally {
            for (TargetLock l : locks) {
                l.close();
            }
        }
    }
}
