package org.expanderexplorer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.Pruner;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.subject.AccuracyProbe;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.KeptFractionProbe;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {


    @Test
    void inputToHiddenLosesExpansionBeforeHiddenToHidden() {
        Subject s = Subject.ofLayer("rnn", gaussian(28, 128, 1), gaussian(128, 128, 2), null, null);
        SweepConfig cfg = new SweepConfig(PruningSchedule.geometric(0.8, 2, false),
                PruneSettings.DEFAULT.withMethod(PruningMethod.RANDOM),
                List.of(GraphId.IH, GraphId.HH), Set.of(Representation.UNWEIGHTED), -1, AnalysisOptions.DEFAULT);
        SweepResult r = new SweepRunner(s, cfg).run(null, null);
        assertThat(r.points()).hasSize(cfg.schedule().keepPercents().size());
        ZeroCrossing ih = r.crossings().get(new SweepPoint.Key(GraphId.IH, Representation.UNWEIGHTED)).deltaR();
        ZeroCrossing hh = r.crossings().get(new SweepPoint.Key(GraphId.HH, Representation.UNWEIGHTED)).deltaR();
        // science.md: a 28 x 128 random layer crosses between 20 % and 10 %, a 128 x 128 one between 10 % and 5 %
        assertThat(ih.interpolated()).isBetween(8.0, 22.0);
        assertThat(hh.interpolated()).isBetween(4.0, 11.0);
        assertThat(ih.gridQ()).isGreaterThan(hh.gridQ());
        assertThat(r.stopping().graph().graph()).isEqualTo(GraphId.IH);
        assertThat(r.stopping().atQ()).isEqualTo(ih.gridQ());
        assertThat(r.stopping().recommended()).isEqualTo(ih.lastPositiveQ());
    }

    @Test
    void eachPointEqualsAFreshAnalysisOfThePrunedMatrix() {
        WeightMatrix ih = gaussian(12, 4 * 6, 3);
        WeightMatrix hh = gaussian(6, 4 * 6, 4);
        KeptFractionProbe probe = KeptFractionProbe.ofInputToHidden(10_000, "synthetic");
        Subject s = Subject.ofLayer("lstm", ih, hh, GateOrder.PYTORCH, probe);
        GraphId hhF = GraphId.parse("hh.f");
        SweepConfig cfg = new SweepConfig(PruningSchedule.oneShot(List.of(100.0, 50.0, 25.0)), PruneSettings.DEFAULT,
                List.of(GraphId.STEP, hhF), Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED), 500,
                AnalysisOptions.DEFAULT);
        SweepResult r = new SweepRunner(s, cfg).run(null, null);
        SweepPoint p = r.points().get(1);
        PrunedState state = s.prune(50, PruneSettings.DEFAULT);
        var expected = new LayerAnalysis(LayerGraph.of(s.matrix(state, hhF), Representation.WEIGHTED)).result();
        assertThat(p.result(hhF, Representation.WEIGHTED).singularValues()).isEqualTo(expected.singularValues());
        assertThat(p.result(GraphId.STEP, Representation.UNWEIGHTED).edges())
                .isEqualTo(state.ihMask().keptCount() + state.hhMask().keptCount());
        assertThat(p.accuracy()).isEqualTo(0.5);
        assertThat(probe.limits).containsOnly(500);
        // the forget gate's slice of W_hh is 6 x 6
        assertThat(r.points().get(0).result(hhF, Representation.UNWEIGHTED).edges()).isEqualTo(36);
    }

    @Test
    void cancellationStopsTheRun() {
        Subject s = Subject.ofMatrix("m", gaussian(20, 20, 5));
        SweepConfig cfg = new SweepConfig(PruningSchedule.geometric(0.8, 5, false), PruneSettings.DEFAULT,
                List.of(GraphId.MATRIX), Set.of(Representation.UNWEIGHTED), -1, AnalysisOptions.DEFAULT);
        List<SweepPoint> seen = new ArrayList<>();
        assertThatThrownBy(() -> new SweepRunner(s, cfg).run(seen::add, () -> seen.size() >= 2))
                .isInstanceOf(CancellationException.class);
        assertThat(seen).hasSize(2);
    }

    @Test
    void graphsTheSubjectLacksAreRefusedUpFront() {
        Subject m = Subject.ofMatrix("m", gaussian(5, 5, 6));
        SweepConfig cfg = new SweepConfig(PruningSchedule.oneShot(List.of(50.0)), PruneSettings.DEFAULT,
                List.of(GraphId.HH), Set.of(Representation.UNWEIGHTED), -1, AnalysisOptions.DEFAULT);
        assertThatThrownBy(() -> new SweepRunner(m, cfg)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("plain matrix");
        Subject rnn = Subject.ofLayer("rnn", gaussian(3, 4, 1), gaussian(4, 4, 2), null, null);
        SweepConfig gate = new SweepConfig(PruningSchedule.oneShot(List.of(50.0)), PruneSettings.DEFAULT,
                List.of(GraphId.parse("ih.i")), Set.of(Representation.UNWEIGHTED), -1, AnalysisOptions.DEFAULT);
        assertThatThrownBy(() -> new SweepRunner(rnn, gate)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no gates");
    }

    @Test
    void iterativeMagnitudeWithoutFineTuningEqualsOneShot() {
        Subject s = Subject.ofLayer("rnn", gaussian(10, 16, 7), gaussian(16, 16, 8), null, null);
        PruningSchedule oneShot = PruningSchedule.geometric(0.7, 5, false);
        PruningSchedule iterative = PruningSchedule.geometric(0.7, 5, true);
        List<PrunedState> a = new ArrayList<>();
        List<PrunedState> b = new ArrayList<>();
        new SweepRunner(s, config(oneShot, PruneSettings.DEFAULT)).run(null, (st, sub) -> a.add(st), null);
        new SweepRunner(s, config(iterative, PruneSettings.DEFAULT)).run(null, (st, sub) -> b.add(st), null);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).ihMask()).isEqualTo(a.get(i).ihMask());
            assertThat(b.get(i).hhMask()).isEqualTo(a.get(i).hhMask());
        }
    }

    @Test
    void iterativeRoundsAreNestedForEveryMethod() {
        Subject s = Subject.ofLayer("rnn", gaussian(10, 16, 9), gaussian(16, 16, 10), null, null);
        for (PruningMethod m : PruningMethod.values()) {
            List<PrunedState> states = new ArrayList<>();
            PruneSettings settings = PruneSettings.DEFAULT.withMethod(m);
            new SweepRunner(s, config(PruningSchedule.geometric(0.6, 3, true), settings))
                    .run(null, (st, sub) -> states.add(st), null);
            for (int i = 1; i < states.size(); i++) {
                PrunedState prev = states.get(i - 1);
                PrunedState cur = states.get(i);
                assertThat(cur.ihMask().and(prev.ihMask())).as("%s round %d", m, i).isEqualTo(cur.ihMask());
                assertThat(cur.hhMask().and(prev.hhMask())).as("%s round %d", m, i).isEqualTo(cur.hhMask());
            }
        }
    }

    /**
     * A fine-tuner that "trains" by replacing every kept weight w by a new value (the round's number times the
     * weight at the mirrored position): the next round must rank what remains by these new weights, and each point
     * must be measured on them.
     */
    @Test
    void fineTuningBetweenRoundsChangesTheWeightsTheNextRoundRanks() {
        WeightMatrix ih = gaussian(6, 8, 11);
        WeightMatrix hh = gaussian(8, 8, 12);
        Subject s = Subject.ofLayer("rnn", ih, hh, null, KeptFractionProbe.ofInputToHidden(10_000, "synthetic"));
        List<Integer> rounds = new ArrayList<>();
        FineTuner mirror = new FineTuner() {
            @Override
            public Subject fineTune(Subject current, PrunedState state, int round, java.util.function.BooleanSupplier c) {
                rounds.add(round);
                return Subject.ofLayer("tuned", state.ihMask().applyTo(mirrored(current.inputToHidden())),
                        state.hhMask().applyTo(mirrored(current.hiddenToHidden())), null, current.probe());
            }

            @Override
            public String describe() {
                return "mirror";
            }
        };
        List<PrunedState> states = new ArrayList<>();
        List<Subject> subjects = new ArrayList<>();
        PruningSchedule schedule = PruningSchedule.oneShot(List.of(100.0, 60.0, 30.0));
        SweepResult r = new SweepRunner(s, config(new PruningSchedule(schedule.keepPercents(), true),
                PruneSettings.DEFAULT), mirror).run(null, (st, sub) -> {
                    states.add(st);
                    subjects.add(sub);
                }, null);
        assertThat(rounds).containsExactly(1, 2);
        // round 2 = magnitude pruning of the round-1 fine-tuned weights, within the round-1 mask
        Subject afterRound1 = subjects.get(1);
        PruningMask expected = new Pruner(List.of(afterRound1.inputToHidden()), List.of(states.get(1).ihMask()),
                PruningMethod.MAGNITUDE, 1, 1, 1).prune(30).get(0);
        assertThat(states.get(2).ihMask()).isEqualTo(expected);
        // ... which differs from pruning the original weights (the fine-tuning mattered)
        assertThat(expected).isNotEqualTo(s.prune(30, PruneSettings.DEFAULT).ihMask());
        // the point is measured on the fine-tuned weights of its round
        WeightMatrix measured = subjects.get(2).matrix(states.get(2), GraphId.IH);
        var analysis = new LayerAnalysis(LayerGraph.of(measured, Representation.WEIGHTED)).result();
        assertThat(r.points().get(2).result(GraphId.IH, Representation.WEIGHTED).singularValues())
                .isEqualTo(analysis.singularValues());
        assertThat(r.points().get(2).accuracy()).isEqualTo(states.get(2).ihMask().keptPercent() / 100);
        assertThatThrownBy(() -> new SweepRunner(s, config(schedule, PruneSettings.DEFAULT), mirror))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iterative");
    }

    /** Measured by three lanes, a one-shot sweep gives the serial run's points, handed out in grid order. */
    @Test
    void lanesGiveTheSerialPointsInGridOrder() throws Exception {
        Subject s = Subject.ofLayer("rnn", gaussian(12, 40, 13), gaussian(40, 40, 14), null,
                KeptFractionProbe.ofInputToHidden(10_000, "synthetic"));
        SweepConfig cfg = config(PruningSchedule.geometric(0.8, 1.0, false), PruneSettings.DEFAULT);
        SweepResult serial = new SweepRunner(s, cfg).run(null, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Double> order = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            SweepResult parallel = new SweepRunner(s, cfg).run(p -> {
                order.add(p.keepPercent());
                threads.add(Thread.currentThread().getName());
            }, null, 3, pool);
            assertThat(order).isEqualTo(cfg.schedule().keepPercents());
            assertThat(threads).containsOnly(Thread.currentThread().getName());
            assertSamePoints(parallel, serial);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A ramanujan sweep ends at its first grid q below reach, measured at the reached q, with lanes as without. */
    @Test
    void lanesStopWhereTheSerialRamanujanSweepStops() {
        Subject s = Subject.ofLayer("rnn", gaussian(10, 24, 15), gaussian(24, 24, 16), null, null);
        SweepConfig cfg = config(PruningSchedule.geometric(0.8, 1.0, false),
                PruneSettings.DEFAULT.withMethod(PruningMethod.RAMANUJAN));
        SweepResult serial = new SweepRunner(s, cfg).run(null, null);
        assertThat(serial.reach()).isNotNull();
        assertThat(serial.points()).hasSizeLessThan(cfg.schedule().keepPercents().size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SweepResult parallel = new SweepRunner(s, cfg).run(null, null, 3, pool);
            assertThat(parallel.reach()).isEqualTo(serial.reach());
            assertSamePoints(parallel, serial);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Helpers that never start (a busy pool) leave the calling thread to measure every point; failures surface. */
    @Test
    void lanesWithoutHelpersStillFinishAndFailuresAndCancellationSurface() {
        Subject s = Subject.ofLayer("rnn", gaussian(8, 16, 17), gaussian(16, 16, 18), null, null);
        SweepConfig cfg = config(PruningSchedule.geometric(0.7, 5, false), PruneSettings.DEFAULT);
        List<Runnable> never = new ArrayList<>();
        SweepResult alone = new SweepRunner(s, cfg).run(null, null, 2, never::add);
        assertThat(never).hasSize(1);
        assertSamePoints(alone, new SweepRunner(s, cfg).run(null, null));
        // the helper starts after the run: it finds nothing left to take
        never.get(0).run();

        List<SweepPoint> seen = new ArrayList<>();
        assertThatThrownBy(() -> new SweepRunner(s, cfg).run(seen::add, () -> seen.size() >= 2, 2, r -> { }))
                .isInstanceOf(CancellationException.class);
        assertThat(seen).hasSize(2);
        assertThatThrownBy(() -> new SweepRunner(s, cfg).run(null, () -> true, 2, Runnable::run))
                .isInstanceOf(CancellationException.class);
        AccuracyProbe failing = new AccuracyProbe() {
            @Override
            public double accuracy(PruningMask ih, PruningMask hh, int limit) {
                throw new IllegalStateException("probe failed at " + ih.keptCount());
            }

            @Override
            public int testSize() {
                return 10;
            }

            @Override
            public String dataName() {
                return "failing";
            }
        };
        Subject broken = Subject.ofLayer("rnn", gaussian(8, 16, 17), gaussian(16, 16, 18), null, failing);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            assertThatThrownBy(() -> new SweepRunner(broken, cfg).run(null, null, 2, pool))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("probe failed");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSamePoints(SweepResult actual, SweepResult expected) {
        assertThat(actual.points()).hasSameSizeAs(expected.points());
        for (int i = 0; i < expected.points().size(); i++) {
            SweepPoint a = actual.points().get(i);
            SweepPoint e = expected.points().get(i);
            assertThat(a.keepPercent()).isEqualTo(e.keepPercent());
            assertThat(a.actualPercent()).isEqualTo(e.actualPercent());
            assertThat(a.accuracy()).isEqualTo(e.accuracy());
            assertThat(a.blockPercents()).isEqualTo(e.blockPercents());
            assertThat(a.lowestReachable()).isEqualTo(e.lowestReachable());
            assertThat(a.results()).usingRecursiveComparison().isEqualTo(e.results());
        }
        assertThat(actual.crossings()).usingRecursiveComparison().isEqualTo(expected.crossings());
    }

    static WeightMatrix mirrored(WeightMatrix w) {
        double[][] d = new double[w.rows()][w.cols()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                d[i][j] = w.get(w.rows() - 1 - i, w.cols() - 1 - j) + 0.01;
            }
        }
        return WeightMatrix.of(d);
    }

    static SweepConfig config(PruningSchedule schedule, PruneSettings settings) {
        return new SweepConfig(schedule, settings, List.of(GraphId.IH, GraphId.HH),
                Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED), 0, AnalysisOptions.DEFAULT);
    }
}
