package org.expanderexplorer.core.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestDrawings.vertex;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.SpreadReference;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

class SpreadOverlayTest {

    @Test
    void paintsTheSetTheReachAndEveryEdgeItTook() {
        WeightMatrix ih = WeightMatrix.of(new double[][] {{1, 1, 0}, {0, 0, 0}});
        WeightMatrix hh = WeightMatrix.of(new double[][] {{0, 0, 1}, {0, 1, 0}, {0, 0, 0}});
        GraphDrawing d = GraphDrawings.unfolded(ih, hh, null, null, 3, -1, false);
        List<UnfoldedVertex> start = List.of(new UnfoldedVertex(Role.X, 1, 0));
        Spread s = new Spread(ih, hh, start, 3);
        SpreadOverlay o = SpreadOverlay.of(d, s, start, 2);
        int x10 = vertex(d, "x1[0]");
        assertThat(o.state()[x10]).isEqualTo(SpreadOverlay.START);
        assertThat(o.state()[vertex(d, "h1[0]")]).isEqualTo(SpreadOverlay.REACHED);
        assertThat(o.state()[vertex(d, "h1[1]")]).isEqualTo(SpreadOverlay.REACHED);
        assertThat(o.state()[vertex(d, "h2[1]")]).isEqualTo(SpreadOverlay.FRONT);
        assertThat(o.state()[vertex(d, "h2[2]")]).isEqualTo(SpreadOverlay.FRONT);
        assertThat(o.state()[vertex(d, "h3[1]")]).isEqualTo(SpreadOverlay.NONE);
        // x1[0]-h1[0], x1[0]-h1[1], h1[0]-h2[2], h1[1]-h2[1]
        assertThat(o.edgeFrom()).hasSize(4);
        assertThat(SpreadOverlay.of(d, s, start, 0).edgeFrom()).isEmpty();
        assertThat(SpreadOverlay.vertexOf(d, vertex(d, "h2[1]"))).isEqualTo(new UnfoldedVertex(Role.H, 2, 1));
    }


    @Test
    void largeDrawingsBundleEveryKeptEdgeAndStillRender() {
        Random rnd = new Random(9);
        WeightMatrix ih = SpreadReference.sparse(28, 128, 0.5, rnd);
        WeightMatrix hh = SpreadReference.sparse(128, 128, 0.3, rnd);
        GraphDrawing d = GraphDrawings.unfolded(ih, hh, null, null, 3, -1, false);
        assertThat(d.keptTotal()).isGreaterThan(EdgeBundles.AGGREGATE_ABOVE);
        assertThat(d.bundled()).isTrue();
        EdgeBundles b = d.bundles();
        long sum = 0;
        for (int c : b.count()) {
            sum += c;
        }
        assertThat(sum).isEqualTo(d.keptTotal());
        assertThat(b.edges()).isEqualTo(d.keptTotal());
        assertThat(b.groupSize()).isEqualTo(4);
        for (float f : b.density()) {
            assertThat(f).isBetween(0f, 1f);
        }
        List<UnfoldedVertex> start = List.of(new UnfoldedVertex(Role.X, 1, 3));
        Spread s = new Spread(ih, hh, start, 3);
        SpreadOverlay o = SpreadOverlay.of(d, s, start, 3);
        int edges = s.forwardNeighbours(start.get(0)).length;
        for (int t = 1; t < 3; t++) {
            for (int u : s.result().steps().get(t - 1).units()) {
                edges += s.forwardNeighbours(new UnfoldedVertex(Role.H, t, u)).length;
            }
        }
        assertThat(o.edgeFrom()).hasSize(edges);
        BufferedImage img = GraphRenderer.render(d, new GraphRenderer.View(600, 400, 1, 6, 40, 200, false, null,
                GraphRenderer.Look.NORMAL, false, o));
        assertThat(img.getWidth()).isEqualTo(600);
        // the spread's colour is on the picture
        boolean found = false;
        for (int y = 0; y < 400 && !found; y++) {
            for (int x = 0; x < 600 && !found; x++) {
                found = (img.getRGB(x, y) & 0xffffff) == (GraphRenderer.SPREAD.darker().getRGB() & 0xffffff);
            }
        }
        assertThat(found).isTrue();
        assertThat(GraphRenderer.unitOf("h12[107]")).isEqualTo(107);
        assertThat(GraphRenderer.unitOf("L4")).isEqualTo(4);
    }
}
