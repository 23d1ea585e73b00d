package org.expanderexplorer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroCrossingTest {

    private static final List<Double> GRID = List.of(100.0, 80.0, 64.0, 51.2, 40.96, 32.768);

    @Test
    void linearCurveCrossesWhereTheLineMeetsZero() {
        // gap = (q - 45) / 10: zero at q = 45, first non-positive grid point 40.96
        List<Double> gaps = new ArrayList<>();
        for (double q : GRID) {
            gaps.add((q - 45) / 10);
        }
        ZeroCrossing c = ZeroCrossing.first(GRID, gaps);
        assertThat(c.gridQ()).isEqualTo(40.96);
        assertThat(c.lastPositiveQ()).isEqualTo(51.2);
        assertThat(c.interpolated()).isCloseTo(45.0, within(1e-12));
    }

    @Test
    void exactZeroOnTheGridCounts() {
        ZeroCrossing c = ZeroCrossing.first(GRID, Arrays.asList(3.0, 2.0, 0.0, -1.0, -2.0, -3.0));
        assertThat(c.gridQ()).isEqualTo(64.0);
        assertThat(c.interpolated()).isEqualTo(64.0);
    }

    @Test
    void alwaysPositiveHasNoCrossingAndLaterRecoveryIsIgnored() {
        assertThat(ZeroCrossing.first(GRID, Arrays.asList(5.0, 4.0, 3.0, 2.0, 1.0, 0.5))).isNull();
        ZeroCrossing c = ZeroCrossing.first(GRID, Arrays.asList(5.0, -1.0, 3.0, 2.0, 1.0, 0.5));
        assertThat(c.gridQ()).isEqualTo(80.0);
    }

    @Test
    void undefinedGapCountsAsCollapsedWithoutInterpolation() {
        ZeroCrossing c = ZeroCrossing.first(GRID, Arrays.asList(5.0, 4.0, null, null, null, null));
        assertThat(c.gridQ()).isEqualTo(64.0);
        assertThat(c.interpolated()).isNull();
        assertThat(c.lastPositiveQ()).isEqualTo(80.0);
    }

    @Test
    void notPositiveAtTheStart() {
        ZeroCrossing c = ZeroCrossing.first(GRID, Arrays.asList(-1.0, -2.0, -3.0, -4.0, -5.0, -6.0));
        assertThat(c.gridQ()).isEqualTo(100.0);
        assertThat(c.lastPositiveQ()).isNull();
        assertThat(c.interpolated()).isNull();
    }
}
