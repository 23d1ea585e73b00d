package org.expanderexplorer.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    @Test
    void seedListsAndRanges() {
        assertThat(SeedList.parse("1,2,3").values()).containsExactly(1L, 2L, 3L);
        assertThat(SeedList.parse("4-6").values()).containsExactly(4L, 5L, 6L);
        assertThat(SeedList.parse("4..6").values()).containsExactly(4L, 5L, 6L);
        assertThat(SeedList.parse(" 9, 1-2 ").values()).containsExactly(9L, 1L, 2L);
        assertThat(SeedList.parse("0").toString()).isEqualTo("0");
        for (String bad : new String[] {"", "1,,2", "3-1", "-1", "a", "1,1", "1-3,2", "0-5000", "1-2-3"}) {
            assertThatThrownBy(() -> SeedList.parse(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--seeds");
        }
    }

    @Test
    void shards() {
        assertThat(Shard.parse("3/8")).isEqualTo(new Shard(3, 8));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/2/3", "1/0"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--shard");
        }
    }

    @Test
    void theShardsCoverThePlanOnceEach() {
        PruningSchedule grid = new PruningSchedule(List.of(100.0, 50.0, 25.0, 12.5), false);
        SeedPlan oneShot = SeedPlan.of(SeedList.parse("1-3"), grid, PruningMethod.MAGNITUDE);
        assertThat(oneShot.pointwise()).isTrue();
        assertThat(oneShot.units()).hasSize(12).first().isEqualTo(new SeedPlan.Unit(1, 100.0));
        SeedPlan iterative = SeedPlan.of(SeedList.parse("1-3"),
                new PruningSchedule(grid.keepPercents(), true), PruningMethod.MAGNITUDE);
        assertThat(iterative.units()).containsExactly(new SeedPlan.Unit(1, null), new SeedPlan.Unit(2, null),
                new SeedPlan.Unit(3, null));
        for (SeedPlan plan : List.of(oneShot, iterative)) {
            for (int n : new int[] {1, 2, 5, 12, 20}) {
                List<SeedPlan.Unit> all = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    List<SeedPlan.Unit> mine = plan.units(new Shard(k, n));
                    assertThat(mine.size()).isBetween(plan.units().size() / n, plan.units().size() / n + 1);
                    all.addAll(mine);
                }
                assertThat(all).containsExactlyInAnyOrderElementsOf(plan.units());
            }
        }
        // round robin: neighbouring grid points of a seed go to different shards
        assertThat(oneShot.units(new Shard(1, 4))).extracting(SeedPlan.Unit::q).containsOnly(100.0);
    }

    @Test
    void spreadOfKnownValues() {
        Spread s = Spread.of(Arrays.asList(1.0, null, 3.0, 8.0));
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(4.0);
        // deviations -3, -1, 4: sum of squares 26, divisor n - 1 = 2
        assertThat(s.sd()).isCloseTo(Math.sqrt(13), within(1e-15));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(8.0);
        assertThat(Spread.of(List.of(2.5)).sd()).isNull();
        Spread none = Spread.of(Arrays.asList(null, Double.NaN));
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNull();
        assertThat(none.meanOrNaN()).isNaN();
        // 0.974 * 3 / 3 != 0.974 in doubles: equal values must still give their value and a spread of exactly 0
        Spread equal = Spread.of(List.of(0.974, 0.974, 0.974));
        assertThat(equal.mean()).isEqualTo(0.974);
        assertThat(equal.sd()).isEqualTo(0.0);
    }
}
