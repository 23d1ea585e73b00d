package org.expanderexplorer.core.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

/** Edge picking and the teaching look, without a toolkit. */
class GraphDrawingTest {

    /** L0-R0 kept, L1-R1 kept, L0-R1 pruned (a ghost); L1-R0 never an edge. */
    private static GraphDrawing drawing() {
        WeightMatrix pruned = WeightMatrix.of(new double[][] {{1, 0}, {0, 2}});
        WeightMatrix dense = WeightMatrix.of(new double[][] {{1, 3}, {0, 2}});
        return GraphDrawings.bipartite(pruned, dense, true);
    }

    @Test
    void segmentDistanceIsEuclideanToTheClosestPoint() {
        assertThat(GraphDrawing.segmentDistance(0, 1, -1, 0, 1, 0)).isCloseTo(1, within(1e-12));
        assertThat(GraphDrawing.segmentDistance(4, 4, 0, 0, 1, 0)).isCloseTo(5, within(1e-12));
        assertThat(GraphDrawing.segmentDistance(2, 2, 2, 2, 2, 2)).isCloseTo(0, within(1e-12));
    }

    @Test
    void nearestEdgeFindsKeptAndGhostEdges() {
        GraphDrawing d = drawing();
        // vertices: L0 = 0, L1 = 1, R0 = 2, R1 = 3
        double midX = (d.x()[0] + d.x()[2]) / 2;
        GraphDrawing.EdgeHit kept = d.nearestEdge(midX, (d.y()[0] + d.y()[2]) / 2 + 0.01, 0.2);
        assertThat(kept).isNotNull();
        assertThat(kept.from()).isEqualTo(0);
        assertThat(kept.to()).isEqualTo(2);
        assertThat(kept.ghost()).isFalse();
        // a point a quarter of the way along L0-R1 (away from the crossing with nothing else)
        double qx = d.x()[0] + 0.25 * (d.x()[3] - d.x()[0]);
        double qy = d.y()[0] + 0.25 * (d.y()[3] - d.y()[0]);
        GraphDrawing.EdgeHit ghost = d.nearestEdge(qx, qy, 0.2);
        assertThat(ghost.ghost()).isTrue();
        assertThat(ghost.from()).isEqualTo(0);
        assertThat(ghost.to()).isEqualTo(3);
        assertThat(d.nearestEdge(midX, d.y()[0] - 5, 0.2)).isNull();
    }

    @Test
    void teachingLookColoursVerticesByTheirValues() {
        GraphDrawing d = drawing();
        double scale = 40;
        double ox = 100;
        double oy = 100;
        GraphRenderer.Look look = new GraphRenderer.Look(2, false, true, new double[] {1, -1, 0, 0});
        BufferedImage img = GraphRenderer.render(d, new GraphRenderer.View(500, 300, 1, scale, ox, oy, false, null,
                look));
        int red = img.getRGB((int) (ox + scale * d.x()[0]), (int) (oy + scale * d.y()[0]));
        int blue = img.getRGB((int) (ox + scale * d.x()[1]), (int) (oy + scale * d.y()[1]));
        assertThat((red >> 16) & 255).isGreaterThan(180);
        assertThat(red & 255).isLessThan(80);
        assertThat(blue & 255).isGreaterThan(140);
        assertThat((blue >> 16) & 255).isLessThan(80);
        assertThat(GraphRenderer.diverging(0).getRed()).isEqualTo(GraphRenderer.diverging(0).getBlue());
    }

    @Test
    void rowGapIsMeasuredWithinAColumn() {
        // 2 x 3: the left column's rows lie further apart than the right's, and no left row is level with a right
        // one; the smallest gap between rows of one column sizes the labels, not the offset between the columns
        WeightMatrix m = WeightMatrix.of(new double[][] {{1, 1, 1}, {1, 1, 1}});
        GraphDrawing d = GraphDrawings.bipartite(m, m, true);
        double right = Math.abs(d.y()[3] - d.y()[2]);
        double left = Math.abs(d.y()[1] - d.y()[0]);
        assertThat(left).isGreaterThan(right);
        assertThat(GraphRenderer.rowGap(d)).isCloseTo(right, within(1e-12));
        assertThat(GraphRenderer.smallestGap(new double[] {3, 1, 1, 2.5})).isCloseTo(0.5, within(1e-12));
        assertThat(GraphRenderer.smallestGap(new double[] {1})).isInfinite();
    }
}
