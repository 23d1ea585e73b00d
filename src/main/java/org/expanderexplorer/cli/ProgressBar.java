package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.core.model.TrainingProgress;

/**
 * Training progress on stderr: on a terminal one line redrawn in place (at most 5 times a second), otherwise (a
 * log file) one line every {@code logSeconds} and at the end of every epoch.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean terminal, double logSeconds) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = (long) ((terminal ? 0.2 : logSeconds) * 1e9);
        this.lastDraw = -intervalNanos;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        boolean epochEnd = p.batch() == p.batches();
        if (!epochEnd && p.elapsedNanos() - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = p.elapsedNanos();
        String line = format(p);
        if (terminal) {
            err.print("\r" + line + (epochEnd ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    static String format(TrainingProgress p) {
        double epochFraction = p.batch() / (double) p.batches();
        int filled = (int) Math.round(epochFraction * WIDTH);
        return String.format(Locale.ROOT, "epoch %d/%d [%s%s] %3.0f%% batch %d/%d loss %.4f acc %.2f%% ETA %s",
                p.epoch(), p.epochs(), "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * epochFraction,
                p.batch(), p.batches(), p.epochLoss(), 100 * p.epochAccuracy(), duration(p.etaSeconds()));
    }

    /** E.g. {@code 1h02m}, {@code 4m05s}, {@code 12s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
