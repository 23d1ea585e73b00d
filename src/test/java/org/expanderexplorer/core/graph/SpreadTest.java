package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.junit.jupiter.api.Test;

class SpreadTest {

    private static TreeSet<Integer> boxed(int[] a) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int v : a) {
            s.add(v);
        }
        return s;
    }

    @Test
    void matchesBreadthFirstSearchForRandomSetsAndMasks() {
        Random rnd = new Random(20261202L);
        int cases = 0;
        for (int trial = 0; trial < 120; trial++) {
            int inputs = 1 + rnd.nextInt(12);
            int hidden = 1 + rnd.nextInt(70);
            boolean lstm = rnd.nextBoolean();
            int cols = lstm ? 4 * hidden : hidden;
            // densities from almost empty to dense, so that spreads die out, stall and fill
            double keepIh = Math.pow(rnd.nextDouble(), 3);
            double keepHh = Math.pow(rnd.nextDouble(), 3) * 0.3;
            WeightMatrix ih = SpreadReference.sparse(inputs, cols, keepIh, rnd);
            WeightMatrix hh = SpreadReference.sparse(hidden, cols, keepHh, rnd);
            int steps = 1 + rnd.nextInt(8);
            List<UnfoldedVertex> start = new ArrayList<>();
            int size = rnd.nextInt(5);
            for (int i = 0; i < size; i++) {
                start.add(rnd.nextBoolean() ? new UnfoldedVertex(Role.X, 1 + rnd.nextInt(steps), rnd.nextInt(inputs))
                        : new UnfoldedVertex(Role.H, rnd.nextInt(steps + 1), rnd.nextInt(hidden)));
            }
            Spread.Result r = new Spread(ih, hh, start, steps).result();
            List<TreeSet<Integer>> expected = SpreadReference.reach(new UnfoldedGraph(ih, hh, steps,
                    Representation.UNWEIGHTED), start);
            assertThat(r.steps()).hasSize(steps);
            for (int t = 1; t <= steps; t++) {
                Spread.Step s = r.steps().get(t - 1);
                assertThat(boxed(s.units())).as("trial %d step %d", trial, t).isEqualTo(expected.get(t - 1));
                assertThat(s.count()).isEqualTo(expected.get(t - 1).size());
                if (r.fullStep() != null && r.fullStep() <= steps) {
                    assertThat(expected.get(r.fullStep() - 1)).hasSize(hidden);
                }
                cases++;
            }
            for (int t = 1; r.fullStep() != null && t < Math.min(r.fullStep(), steps + 1); t++) {
                assertThat(expected.get(t - 1).size()).isLessThan(hidden);
            }
        }
        assertThat(cases).isGreaterThan(300);
    }

    @Test
    void fullStepPastTheWindowAgreesWithALongerUnfolding() {
        Random rnd = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            int hidden = 2 + rnd.nextInt(30);
            WeightMatrix ih = SpreadReference.sparse(3, hidden, 0.2, rnd);
            WeightMatrix hh = SpreadReference.sparse(hidden, hidden, 0.06 + 0.1 * rnd.nextDouble(), rnd);
            List<UnfoldedVertex> start = List.of(new UnfoldedVertex(Role.X, 1, 0));
            Spread.Result r = new Spread(ih, hh, start, 2).result();
            // the search past T looks at most 2H + 16 steps further; a BFS over that many steps must agree
            int horizon = 2 + 2 * hidden + 16;
            List<TreeSet<Integer>> longer = SpreadReference.reach(new UnfoldedGraph(ih, hh, horizon,
                    Representation.UNWEIGHTED), start);
            Integer firstFull = null;
            for (int t = 1; t <= horizon; t++) {
                if (longer.get(t - 1).size() == hidden) {
                    firstFull = t;
                    break;
                }
            }
            assertThat(r.settled()).isTrue();
            assertThat(r.fullStep()).as("trial %d", trial).isEqualTo(firstFull);
            checked += firstFull != null && firstFull > 2 ? 1 : 0;
        }
        assertThat(checked).as("some spreads fill only past the window").isPositive();
    }

    @Test
    void countsAndRatiosOfASmallLayer() {
        // x0 -> h0, h1; h0 -> h2; h1 -> h1; h2 -> nothing
        WeightMatrix ih = WeightMatrix.of(new double[][] {{1, 1, 0}, {0, 0, 0}});
        WeightMatrix hh = WeightMatrix.of(new double[][] {{0, 0, 1}, {0, 1, 0}, {0, 0, 0}});
        Spread.Result r = new Spread(ih, hh, List.of(new UnfoldedVertex(Role.X, 1, 0)), 3).result();
        assertThat(r.startSize()).isEqualTo(1);
        assertThat(r.steps()).extracting(Spread.Step::count).containsExactly(2, 2, 1);
        assertThat(r.steps().get(0).ratio()).isEqualTo(2.0);
        assertThat(r.steps().get(1).fed()).isEqualTo(2);
        assertThat(r.steps().get(1).ratio()).isEqualTo(1.0);
        assertThat(r.steps().get(1).units()).containsExactly(1, 2);
        assertThat(r.growth(3)).isEqualTo(1.0);
        // h1 keeps itself forever, never joined by h0 again: proven never
        assertThat(r.never()).isTrue();
        assertThat(r.fullStep()).isNull();
    }

    @Test
    void aDenseLayerFillsAtStepOneAndAnEmptySetReachesNothing() {
        WeightMatrix ih = WeightMatrix.of(new double[][] {{1, 2, 3, 4}});
        WeightMatrix hh = WeightMatrix.zeros(4, 4);
        assertThat(new Spread(ih, hh, List.of(new UnfoldedVertex(Role.X, 1, 0)), 2).result().fullStep()).isEqualTo(1);
        Spread.Result empty = new Spread(ih, hh, List.of(), 2).result();
        assertThat(empty.steps()).extracting(Spread.Step::count).containsExactly(0, 0);
        assertThat(empty.steps().get(0).ratio()).isNull();
        assertThat(empty.never()).isTrue();
    }

    @Test
    void lstmGatesMergeOntoUnits() {
        // H = 2, gates stacked: input 0 keeps only gate 3's weight to unit 1
        double[][] w = new double[1][8];
        w[0][7] = 0.5;
        Spread.Result r = new Spread(WeightMatrix.of(w), WeightMatrix.zeros(2, 8),
                List.of(new UnfoldedVertex(Role.X, 1, 0)), 1).result();
        assertThat(r.steps().get(0).units()).containsExactly(1);
    }

    @Test
    void refusesVerticesOutsideTheUnfolding() {
        WeightMatrix ih = WeightMatrix.zeros(2, 3);
        WeightMatrix hh = WeightMatrix.zeros(3, 3);
        assertThatThrownBy(() -> new Spread(ih, hh, List.of(new UnfoldedVertex(Role.X, 1, 2)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1[2]");
        assertThatThrownBy(() -> new Spread(ih, hh, List.of(new UnfoldedVertex(Role.H, 3, 0)), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTextSets() {
        assertThat(VertexSets.parse("x:0,2-3", 4, 5, 3)).containsExactly(new UnfoldedVertex(Role.X, 1, 0),
                new UnfoldedVertex(Role.X, 1, 2), new UnfoldedVertex(Role.X, 1, 3));
        assertThat(VertexSets.parse("x:1; h:4 ;h2:0", 4, 5, 3)).containsExactly(new UnfoldedVertex(Role.X, 1, 1),
                new UnfoldedVertex(Role.H, 0, 4), new UnfoldedVertex(Role.H, 2, 0));
        assertThatThrownBy(() -> VertexSets.parse("x:0,9", 4, 5, 3)).isInstanceOf(BadInputException.class)
                .hasMessage("set 'x:0,9': input unit 9 does not exist (4 input units, 0-3)");
        assertThatThrownBy(() -> VertexSets.parse("y:1", 4, 5, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not x:UNITS or h:UNITS");
        assertThatThrownBy(() -> VertexSets.parse("x:a", 4, 5, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'a' is not a unit number");
        assertThatThrownBy(() -> VertexSets.parse("x4:0", 4, 5, 3)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("step 4 is outside 1..3");
        assertThatThrownBy(() -> VertexSets.parse("x:3-1", 4, 5, 3)).hasMessageContaining("runs backwards");
        assertThat(VertexSets.ranges(new int[] {0, 1, 2, 3, 7, 9, 10})).isEqualTo("0-3,7,9-10");
        assertThat(VertexSets.ranges(new int[0])).isEmpty();
    }
}
