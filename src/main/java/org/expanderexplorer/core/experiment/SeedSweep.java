package org.expanderexplorer.core.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.report.SweepTable;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.FineTuner;
import org.expanderexplorer.core.sweep.SweepConfig;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.SweepRunner;

/**
 * Runs the units of one shard of a {@link SeedPlan} with the {@link SweepRunner} and returns, per seed, the rows of
 * the units it ran in the {@code sweep.csv} layout ({@link SweepTable}). A pointwise unit (seed, q) is a one-shot
 * sweep over the single grid point q, which prunes q from the dense weights exactly as the full sweep does; a seed
 * unit is the seed's whole sweep.
 *
 * <p>The seed's subject, configuration and fine-tuner come from a {@link Setup}, asked once per seed (the units of
 * a seed are consecutive in the plan's order). Deterministic: the rows of a unit do not depend on the shard it
 * runs in, which is what makes a merge of the shards equal to the unsharded run.
 */
public final class SeedSweep {

    /**
     * What one seed runs on.
     *
     * @param subject   the model's subject, with the seed's test data
     * @param config    the sweep of this seed (its pruning seed set)
     * @param fineTuner fine-tunes between the rounds of an iterative schedule, or null
     */
    public record SeedRun(Subject subject, SweepConfig config, FineTuner fineTuner) {
        public SeedRun {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(config, "config");
        }
    }

    /** Prepares the run of one seed: its model, data, pruning settings and fine-tuner. */
    @FunctionalInterface
    public interface Setup {
        /** The run of {@code seed}. */
        SeedRun setUp(long seed);
    }

    /**
     * The time one unit took.
     *
     * @param seed    the seed
     * @param q       the grid point, or null for a whole-seed unit
     * @param seconds wall-clock time
     */
    public record UnitTime(long seed, Double q, double seconds) {
    }

    /**
     * What a shard computed.
     *
     * @param tables per seed (in the plan's order), the rows of the units run
     * @param times  per unit, in the order run
     */
    public record Result(Map<Long, SweepTable> tables, List<UnitTime> times) {
        public Result {
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            times = List.copyOf(times);
        }
    }

    private final SeedPlan plan;
    private final Shard shard;
    private final Setup setup;

    public SeedSweep(SeedPlan plan, Shard shard, Setup setup) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.shard = Objects.requireNonNull(shard, "shard");
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    /**
     * Runs the shard's units.
     *
     * @param onPoint   receives each measured point with its seed (progress); may be null
     * @param cancelled polled between steps
     */
    public Result run(Consumer<SeedPoint> onPoint, BooleanSupplier cancelled) {
        Map<Long, List<SweepTable.Row>> rows = new LinkedHashMap<>();
        List<UnitTime> times = new ArrayList<>();
        long setUpSeed = -1;
        SeedRun run = null;
        for (SeedPlan.Unit u : plan.units(shard)) {
            if (run == null || u.seed() != setUpSeed) {
                run = setup.setUp(u.seed());
                setUpSeed = u.seed();
            }
            long t0 = System.nanoTime();
            SweepConfig config = run.config();
            if (u.q() != null) {
                config = new SweepConfig(new PruningSchedule(List.of(u.q()), false), config.settings(),
                        config.graphs(), config.representations(), config.accuracyLimit(), config.options());
            }
            long seed = u.seed();
            SweepResult result = new SweepRunner(run.subject(), config, u.q() == null ? run.fineTuner() : null)
                    .run(p -> {
                        if (onPoint != null) {
                            onPoint.accept(new SeedPoint(seed, p));
                        }
                    }, cancelled);
            rows.computeIfAbsent(seed, s -> new ArrayList<>()).addAll(SweepTable.of(result).rows());
            times.add(new UnitTime(seed, u.q(), (System.nanoTime() - t0) / 1e9));
        }
        Map<Long, SweepTable> tables = new LinkedHashMap<>();
        rows.forEach((s, r) -> tables.put(s, new SweepTable(r)));
        return new Result(tables, times);
    }

    /**
     * A measured point of one seed.
     *
     * @param seed  the seed
     * @param point the point
     */
    public record SeedPoint(long seed, SweepPoint point) {
    }
}
