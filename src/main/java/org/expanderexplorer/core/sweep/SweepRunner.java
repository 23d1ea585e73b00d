package org.expanderexplorer.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * Runs a sparsity sweep over a {@link Subject}: at each q of the schedule it prunes, analyses every monitored graph
 * in every representation, and measures accuracy when asked. Points are reported as they finish (for live
 * curves) and the run can be cancelled between graphs.
 *
 * <p>Schedules: one-shot (each q pruned from the dense weights) or iterative (each q pruned within the previous
 * round's masks, ranking what remains by the current weights). An iterative run may fine-tune between rounds
 * through a {@link FineTuner}: round t prunes the network of round t-1 at q_t, fine-tunes it with those masks
 * fixed, and measures the fine-tuned network (graphs and accuracy); the dense first point is not fine-tuned.
 * Without fine-tuning, iterative magnitude, random and top-k pruning give the same masks as one-shot pruning
 * (their choices are nested); expansion-preserving pruning does not, because edges reserved for a vertex's
 * minimum degree in one round may rank below the cut in the next.
 *
 * <p>A ramanujan sweep stops at the first grid q below the lowest reachable q (where every pruned block sits at its
 * floor, {@link org.expanderexplorer.core.pruning.GapFloor}): its last point is measured at the lowest reachable q
 * itself (not a grid value), the rest of the grid is left out, and {@link SweepResult#reach()} says so.
 *
 * <p>Cost per point: one spectral analysis per graph and representation (no dense O(n^3) step on large graphs:
 * see {@link org.expanderexplorer.core.spectral.LayerAnalysis}; each computed once per subject, {@link LayerAnalyses})
 * plus one evaluation of the model on the chosen test examples, plus the fine-tuning. Deterministic for a seed.
 * Used by the window's live curves and by the {@code sweep} command alike.
 */
public final class SweepRunner {

    private final Subject subject;
    private final SweepConfig config;
    private final FineTuner fineTuner;

    public SweepRunner(Subject subject, SweepConfig config) {
        this(subject, config, null);
    }

    /**
     * @param fineTuner fine-tunes between the rounds of an iterative schedule, or null for none
     * @throws IllegalArgumentException if a fine-tuner is given for a one-shot schedule
     */
    public SweepRunner(Subject subject, SweepConfig config, FineTuner fineTuner) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.config = Objects.requireNonNull(config, "config");
        this.fineTuner = fineTuner;
        if (fineTuner != null && !config.schedule().iterative()) {
            throw new IllegalArgumentException("fine-tuning between rounds needs an iterative schedule");
        }
        for (GraphId g : config.graphs()) {
            subject.matrix(subject.dense(), g); // refuse graphs the subject does not have, before any work
        }
    }

    /**
     * Runs the sweep.
     *
     * @param onPoint   receives each point as it finishes (on the calling thread); may be null
     * @param cancelled polled between steps; when true the run stops with {@link CancellationException}
     */
    public SweepResult run(Consumer<SweepPoint> onPoint, BooleanSupplier cancelled) {
        return run(onPoint, null, cancelled);
    }

    /**
     * Runs the sweep, also handing out each point's pruned state with the subject it was measured on (for an
     * iterative run with fine-tuning, the fine-tuned network of that round): what an export of the pruned model
     * at that q needs.
     *
     * @param onState receives (state, subject) after each point; may be null
     */
    public SweepResult run(Consumer<SweepPoint> onPoint, BiConsumer<PrunedState, Subject> onState,
                           BooleanSupplier cancelled) {
        List<SweepPoint> points = new ArrayList<>();
        long start = System.nanoTime();
        Subject current = subject;
        PrunedState previous = subject.dense();
        int round = 0;
        int tuned = 0;
        SweepResult.Reach reach = null;
        List<Double> grid = config.schedule().keepPercents();
        for (int gi = 0; gi < grid.size() && reach == null; gi++) {
            double q = grid.get(gi);
            checkCancelled(cancelled);
            long t0 = System.nanoTime();
            PrunedState state;
            if (config.schedule().iterative()) {
                state = current.prune(q, config.settings(), previous);
                if (fineTuner != null && (round > 0 || q < 100.0)) {
                    current = fineTuner.fineTune(current, state, ++tuned, cancelled);
                    state = current.withMasks(state);
                }
            } else {
                state = subject.prune(q, config.settings());
            }
            double pointQ = q;
            if (state.belowReach()) {
                // ramanujan cannot go lower with every monitored gap positive: measure where it stopped, then stop
                double reached = state.actualKeepPercent();
                reach = new SweepResult.Reach(q, reached, grid.size() - gi);
                if (!belowLastPoint(reached, points)) {
                    break;
                }
                pointQ = reached;
            }
            SweepPoint p = measure(current, state, pointQ, cancelled, t0);
            points.add(p);
            if (onPoint != null) {
                onPoint.accept(p);
            }
            if (onState != null) {
                onState.accept(state, current);
            }
            previous = state;
            round++;
        }
        return SweepResult.of(config, points, (System.nanoTime() - start) / 1_000_000, reach);
    }

    /**
     * As {@link #run(Consumer, BooleanSupplier)}, with the points of a one-shot schedule measured by up to
     * {@code lanes} threads at once: the calling thread and {@code lanes - 1} tasks given to {@code helpers}, each
     * taking the next q of the grid that nobody has taken. The result is the serial run's (the points of a one-shot
     * schedule do not depend on each other), and the points reach {@code onPoint} in grid order, on the calling
     * thread, as soon as they and every point before them are done. A helper task that only starts once the others
     * have taken every q does nothing, so a busy {@code helpers} costs no time: the calling thread then measures
     * the points alone. An iterative schedule (each round prunes within the last) runs serially, as does
     * {@code lanes <= 1}.
     *
     * <p>Why: in the window the curves over q are the longest wait after opening a model, and their points used
     * one core of two while the other had finished its own work (docs/performance.md has the figures).
     *
     * @param helpers runs the helper tasks (a pool the caller owns; a task may start late or not at all)
     */
    public SweepResult run(Consumer<SweepPoint> onPoint, BooleanSupplier cancelled, int lanes, Executor helpers) {
        if (lanes <= 1 || config.schedule().iterative()) {
            return run(onPoint, null, cancelled);
        }
        Objects.requireNonNull(helpers, "helpers");
        List<Double> grid = config.schedule().keepPercents();
        Lanes work = new Lanes(grid, cancelled);
        long start = System.nanoTime();
        List<SweepPoint> points = new ArrayList<>();
        SweepResult.Reach reach = null;
        try {
            for (int h = 1; h < lanes; h++) {
                helpers.execute(work);
            }
            for (int gi = 0; gi < grid.size() && reach == null; gi++) {
                CompletableFuture<Pruned> slot = work.slots.get(gi);
                while (!slot.isDone() && work.takeOne()) {
                    // the calling thread measures too, while the point it needs next is not done
                }
                Pruned p = join(slot);
                SweepPoint point = p.point();
                if (point == null) {
                    double reached = p.state().actualKeepPercent();
                    reach = new SweepResult.Reach(grid.get(gi), reached, grid.size() - gi);
                    if (!belowLastPoint(reached, points)) {
                        break;
                    }
                    point = measure(subject, p.state(), reached, cancelled, p.started());
                }
                points.add(point);
                if (onPoint != null) {
                    onPoint.accept(point);
                }
            }
        } finally {
            work.over.set(true);
        }
        return SweepResult.of(config, points, (System.nanoTime() - start) / 1_000_000, reach);
    }

    /** The grid points of one run in lanes: each thread takes the next q nobody has taken. */
    private final class Lanes implements Runnable {
        final List<Double> grid;
        final BooleanSupplier cancelled;
        final List<CompletableFuture<Pruned>> slots = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();
        /** A ramanujan sweep ends at its first point below reach: nothing after it is taken. */
        final AtomicInteger end;
        /** Set when the run has ended (finished, failed or cancelled): helpers that start later do nothing. */
        final AtomicBoolean over = new AtomicBoolean();

        Lanes(List<Double> grid, BooleanSupplier cancelled) {
            this.grid = grid;
            this.cancelled = cancelled;
            this.end = new AtomicInteger(grid.size());
            for (int i = 0; i < grid.size(); i++) {
                slots.add(new CompletableFuture<>());
            }
        }

        @Override
        public void run() {
            while (!over.get() && takeOne()) {
                // one q after another until none is left
            }
        }

        /** Takes the next q and measures it into its slot (a failure too); false if none was left. */
        boolean takeOne() {
            int i = next.getAndIncrement();
            if (i >= end.get()) {
                return false;
            }
            try {
                Pruned p = prunedPoint(grid.get(i), cancelled);
                if (p.point() == null) {
                    end.accumulateAndGet(i + 1, Math::min);
                }
                slots.get(i).complete(p);
            } catch (RuntimeException | Error e) {
                slots.get(i).completeExceptionally(e);
            }
            return true;
        }
    }

    /**
     * A q of a one-shot schedule pruned and, unless it is below the ramanujan method's reach (which the run
     * measures at the reached q), measured.
     */
    private record Pruned(PrunedState state, SweepPoint point, long started) {
    }

    private Pruned prunedPoint(double q, BooleanSupplier cancelled) {
        checkCancelled(cancelled);
        long t0 = System.nanoTime();
        PrunedState state = subject.prune(q, config.settings());
        return new Pruned(state, state.belowReach() ? null : measure(subject, state, q, cancelled, t0), t0);
    }

    /**
     * Whether the q a ramanujan sweep reached is below every point measured so far (else the reached point would
     * repeat the last one, and the sweep ends without it).
     */
    private static boolean belowLastPoint(double reached, List<SweepPoint> points) {
        return points.isEmpty() || reached < points.get(points.size() - 1).keepPercent();
    }

    /** The slot's value, its failure thrown as it was thrown in the lane. */
    private static Pruned join(CompletableFuture<Pruned> slot) {
        try {
            return slot.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Measures one q, pruned from the dense weights (one-shot). */
    public SweepPoint point(double q, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        PrunedState state = subject.prune(q, config.settings());
        return measure(subject, state, q, cancelled, t0);
    }

    private SweepPoint measure(Subject s, PrunedState state, double q, BooleanSupplier cancelled, long t0) {
        Map<SweepPoint.Key, LayerAnalysisResult> results = new LinkedHashMap<>();
        for (GraphId g : config.graphs()) {
            for (Representation rep : Representation.values()) {
                if (!config.representations().contains(rep)) {
                    continue;
                }
                checkCancelled(cancelled);
                results.put(new SweepPoint.Key(g, rep), LayerAnalyses.of(s, state, g, rep, config.options()));
            }
        }
        Double accuracy = null;
        if (config.accuracyLimit() >= 0 && s.probe() != null) {
            checkCancelled(cancelled);
            accuracy = s.probe().accuracy(state.ihMask(), state.hhMask(), config.accuracyLimit());
        }
        return new SweepPoint(q, state.actualKeepPercent(), accuracy, results, (System.nanoTime() - t0) / 1_000_000,
                s.blockKeepPercents(state), state.lowestReachablePercent());
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("sweep cancelled");
        }
    }
}
