package org.expanderexplorer.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Records every JavaFX pulse between {@link #start} and {@link #stop} (on the JavaFX thread), with the CPU time of
 * the UI and render threads and the garbage-collection time, and reports the worst gap between pulses and where
 * the time of every gap over 50 ms went (a gap with little of either is CPU starvation).
 */
final class PulseRecorder extends AnimationTimer {

    private final List<Long> pulses = new ArrayList<>();
    private final List<long[]> cpu = new ArrayList<>();
    private final ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
    private final long renderId = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().getId();

    @Override
    public void handle(long now) {
        long gc = 0;
        for (var g : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += g.getCollectionTime();
        }
        synchronized (pulses) {
            pulses.add(System.nanoTime());
            cpu.add(new long[] {tmx.getCurrentThreadCpuTime(), tmx.getThreadCpuTime(renderId), gc});
        }
    }

    /** The worst gap and the gaps over 50 ms, one per line. */
    String report() {
        synchronized (pulses) {
            long worst = 0;
            StringBuilder late = new StringBuilder();
            for (int i = 1; i < pulses.size(); i++) {
                long gap = pulses.get(i) - pulses.get(i - 1);
                worst = Math.max(worst, gap);
                if (gap > 50_000_000L) {
                    late.append(String.format(Locale.ROOT,
                            "gap %.1f ms at %.0f ms: UI thread CPU %.1f ms, render thread CPU %.1f ms, GC %d ms%n",
                            gap / 1e6, (pulses.get(i) - pulses.get(0)) / 1e6,
                            (cpu.get(i)[0] - cpu.get(i - 1)[0]) / 1e6, (cpu.get(i)[1] - cpu.get(i - 1)[1]) / 1e6,
                            cpu.get(i)[2] - cpu.get(i - 1)[2]));
                }
            }
            return String.format(Locale.ROOT, "pulses during drag: %d over %.1f s, worst gap between pulses: "
                    + "%.1f ms%n", pulses.size(), (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9, worst / 1e6)
                    + late;
        }
    }
}
