package org.expanderexplorer.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.expanderexplorer.core.BadInputException;

/**
 * Wall-clock times of named stages over repeated runs, summarised as median and minimum milliseconds. Stages
 * keep the order of their first timing. Not thread-safe; for the {@code bench} command.
 */
final class StageTimer {

    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final LongSupplier clock;
    private boolean recording = true;

    /**
     * @param cpuTime measure the calling thread's CPU time instead of wall-clock time (steadier on a shared
     *                machine: time spent waiting for a core is left out)
     */
    StageTimer(boolean cpuTime) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (cpuTime && !threads.isCurrentThreadCpuTimeSupported()) {
            throw new BadInputException("--cpu-time: this Java runtime cannot measure thread CPU time");
        }
        this.clock = cpuTime ? threads::getCurrentThreadCpuTime : System::nanoTime;
    }

    /** While off (during warm-up), {@link #time} runs the work without recording it. */
    void recording(boolean on) {
        this.recording = on;
    }

    /** Runs {@code work} once and records its time under {@code stage}; returns its result. */
    <T> T time(String stage, Supplier<T> work) {
        long t0 = clock.getAsLong();
        T value = work.get();
        long t1 = clock.getAsLong();
        record(stage, (t1 - t0) / 1e6);
        return value;
    }

    /** The clock in nanoseconds (wall or CPU, as chosen). */
    long now() {
        return clock.getAsLong();
    }

    /** Records a time measured elsewhere (unless warming up). */
    void record(String stage, double ms) {
        if (recording) {
            millis.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms);
        }
    }

    /** The recorded stages in order. */
    List<String> stages() {
        return List.copyOf(millis.keySet());
    }

    double median(String stage) {
        double[] v = sorted(stage);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    double min(String stage) {
        return sorted(stage)[0];
    }

    int count(String stage) {
        return millis.get(stage).size();
    }

    private double[] sorted(String stage) {
        List<Double> list = millis.get(stage);
        if (list == null || list.isEmpty()) {
            throw new IllegalStateException("no timings for " + stage);
        }
        double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }
}
