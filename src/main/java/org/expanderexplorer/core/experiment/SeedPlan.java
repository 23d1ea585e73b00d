package org.expanderexplorer.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.pruning.PruningSchedule;

/**
 * The work of a multi-seed sweep, cut into units that can run apart: one unit per seed and grid point when the
 * points do not depend on each other (one-shot pruning, each q pruned from the dense weights), else one unit per
 * seed (an iterative schedule, whose round t starts from round t - 1).
 *
 * <p>Shard K of N runs the units whose position in the plan's order (seeds as given, then the grid from 100 % down)
 * is K - 1 modulo N: neighbouring grid points, which cost about the same, go to different shards.
 *
 * @param seeds     the seeds
 * @param grid      the q grid, from 100 % down
 * @param pointwise whether each (seed, q) is a unit of its own
 */
public record SeedPlan(SeedList seeds, List<Double> grid, boolean pointwise) {

    /**
     * One unit of work.
     *
     * @param seed the seed
     * @param q    the grid point, or null for the whole grid
     */
    public record Unit(long seed, Double q) {
    }

    public SeedPlan {
        Objects.requireNonNull(seeds, "seeds");
        grid = List.copyOf(grid);
        if (grid.isEmpty()) {
            throw new BadInputException("the grid is empty");
        }
    }

    /**
     * The plan of a sweep: pointwise exactly when the schedule is one-shot. The method is taken for the methods
     * whose one-shot points are not independent (none so far: every one-shot method prunes each q from the dense
     * weights alone).
     */
    public static SeedPlan of(SeedList seeds, PruningSchedule schedule, PruningMethod method) {
        Objects.requireNonNull(method, "method");
        return new SeedPlan(seeds, schedule.keepPercents(), !schedule.iterative());
    }

    /** Every unit, in the plan's order. */
    public List<Unit> units() {
        List<Unit> all = new ArrayList<>();
        for (long s : seeds.values()) {
            if (pointwise) {
                for (double q : grid) {
                    all.add(new Unit(s, q));
                }
            } else {
                all.add(new Unit(s, null));
            }
        }
        return all;
    }

    /** The units of one shard, in the plan's order (possibly none, when there are more shards than units). */
    public List<Unit> units(Shard shard) {
        List<Unit> all = units();
        List<Unit> mine = new ArrayList<>();
        for (int i = shard.index() - 1; i < all.size(); i += shard.count()) {
            mine.add(all.get(i));
        }
        return mine;
    }
}
