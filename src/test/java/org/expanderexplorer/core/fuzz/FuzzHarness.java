package org.expanderexplorer.core.fuzz;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.expanderexplorer.core.BadInputException;

/**
 * Runs a loader on seeded mutations of a valid input. Each run must end within the time limit in a result or a
 * {@link BadInputException} whose one-line message names the file, must throw nothing else, and must not allocate
 * more heap than a few times the valid input's load (so no array sized from an unchecked declared size).
 *
 * <p>The count per loader is {@code fuzz.count} (system property) or the default given; the time limit
 * {@code fuzz.seconds} (default 30: it detects a hang, it does not time the loaders).
 */
public final class FuzzHarness {

    /** Loads a file; any exception counts. */
    public interface Loader {
        Object load(Path file) throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzHarness() {
    }

    /**
     * @return the failures, one line each (empty when all runs were clean)
     */
    public static List<String> run(Path dir, String fileName, byte[] valid,
            BiFunction<byte[], Random, Mutator.Mutant> mutate, Loader loader, int defaultCount, long seed)
            throws Exception {
        int count = Integer.getInteger("fuzz.count", defaultCount);
        // a hang detector, not a speed test: generous enough for a loaded machine (-Dfuzz.seconds to change)
        long seconds = Long.getLong("fuzz.seconds", 30);
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        try {
            Path good = Files.write(dir.resolve(fileName), valid);
            long baseline = 0;
            for (int i = 0; i < 3; i++) { // warm-up, and the allocation of a valid load
                baseline = worker.submit(() -> allocated(loader, good)).get();
            }
            long limit = 4 * baseline + (16L << 20) + 64L * valid.length;
            Random random = new Random(seed);
            for (int i = 0; i < count; i++) {
                Mutator.Mutant m = mutate.apply(valid, random);
                Path file = dir.resolve(i + "-" + fileName);
                Files.write(file, m.bytes());
                String where = fileName + " #" + i + " (seed " + seed + ", " + m.description() + "): ";
                Future<Long> run = worker.submit(() -> allocated(loader, file));
                try {
                    long bytes = run.get(seconds, TimeUnit.SECONDS);
                    if (bytes > limit) {
                        failures.add(where + "allocated " + bytes + " bytes, limit " + limit);
                    }
                } catch (TimeoutException e) {
                    run.cancel(true);
                    failures.add(where + "no answer within " + seconds + " s");
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon());
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    if (t instanceof BadInputException) {
                        String msg = t.getMessage();
                        if (msg == null || !msg.contains(file.getFileName().toString()) || msg.contains("\n")) {
                            failures.add(where + "message does not name the file on one line: " + msg);
                        }
                    } else {
                        failures.add(where + t);
                    }
                }
                Files.deleteIfExists(file);
                if (failures.size() >= 25) {
                    failures.add("... stopped after 25 failures");
                    break;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return failures;
    }

    private static long allocated(Loader loader, Path file) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        loader.load(file);
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        };
    }
}
