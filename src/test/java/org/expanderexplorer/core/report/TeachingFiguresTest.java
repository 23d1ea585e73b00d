package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.TeachingGraphs;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class TeachingFiguresTest {

    private static LayerAnalysisResult heawood(Representation rep) {
        return new LayerAnalysis(LayerGraph.of(TeachingGraphs.heawood(), rep)).result();
    }

    @Test
    void spectrumAddsTheSelectedValueAndTheReference() {
        FigureSpec f = TeachingFigures.spectrum(heawood(Representation.UNWEIGHTED), "t", 3,
                new double[] {3, 2, 1}, "reference");
        assertThat(Charts.seriesNames(f)).containsExactly("σ_i", "μ̂ = σ_2 = 1.41", "reference",
                "selected σ_3 = 1.41");
        FigureSpec.Series selected = f.series().get(3);
        assertThat(selected.x()).containsExactly(3.0);
        assertThat(selected.y()[0]).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(f.series().get(2).x()).containsExactly(1.0, 2.0, 3.0);
        // out of range: nothing selected
        assertThat(TeachingFigures.spectrum(heawood(Representation.UNWEIGHTED), "t", 8, null, "r").series())
                .hasSize(2);
    }

    @Test
    void degreeHistogramCountsVerticesPerDegreeIncludingIsolated() {
        FigureSpec f = TeachingFigures.degreeHistogram(new int[] {0, 2, 2, 3}, new int[] {1, 3, 3}, 2.33, 2.33, "d");
        assertThat(f.series().get(0).y()).containsExactly(1.0, 0.0, 2.0, 1.0);
        assertThat(f.series().get(1).y()).containsExactly(0.0, 1.0, 0.0, 2.0);
        assertThat(f.series().get(0).x()[2]).isCloseTo(2 - 0.17, within(1e-12));
        assertThat(f.series().get(1).x()[2]).isCloseTo(2 + 0.17, within(1e-12));
        assertThat(f.markers()).extracting(FigureSpec.Marker::label).containsExactly("d_L = 2.33", "d_R = 2.33");
    }

    @Test
    void stepFiguresPlotTheTraceWithUndefinedValuesAsGaps() {
        List<TeachingFigures.Step> steps = List.of(
                new TeachingFigures.Step(0, 21, 1.414, 1.414, 1.414, 0.5, 1.3, 1.286, 0.9),
                new TeachingFigures.Step(1, 20, 0.8, 0.9, 0.9, 0.4, 1.1, null, 0.85),
                new TeachingFigures.Step(2, 19, -0.1, 0.2, 0.2, 0.3, 1.0, null, null));
        FigureSpec g = TeachingFigures.gaps(steps, 2, 2, "g");
        assertThat(g.rightLabel()).isEqualTo("test accuracy (%)");
        assertThat(g.series().get(0).y()).containsExactly(1.414, 0.8, -0.1);
        FigureSpec.Series acc = g.series().get(3);
        assertThat(acc.y()[0]).isCloseTo(90, within(1e-9));
        assertThat(acc.y()[2]).isNaN();
        assertThat(g.markers()).extracting(FigureSpec.Marker::label)
                .contains("not Ramanujan from step 2", "now");
        FigureSpec c = TeachingFigures.cheeger(steps, 2, Representation.UNWEIGHTED, "c");
        assertThat(Charts.seriesNames(c)).containsExactly("lower bound", "sweep cut (upper bound)", "exact h(G)");
        assertThat(c.series().get(2).y()[1]).isNaN();
    }

    @Test
    void comparisonOverlaysBothSpectraWithTheirBounds() {
        LayerAnalysisResult a = heawood(Representation.UNWEIGHTED);
        LayerAnalysisResult b = new LayerAnalysis(LayerGraph.of(TeachingGraphs.completeBipartite(3, 4),
                Representation.UNWEIGHTED)).result();
        FigureSpec f = TeachingFigures.comparison(a, "A", b, "B", "compare");
        assertThat(Charts.seriesNames(f)).containsExactly("A", "B");
        assertThat(f.series().get(1).y()[0]).isCloseTo(Math.sqrt(12), within(1e-12));
        // Heawood: sqrt(2) + sqrt(2); K(3,4): sqrt(3) + sqrt(2)
        assertThat(f.markers().get(0).value()).isCloseTo(2 * Math.sqrt(2), within(1e-12));
        assertThat(f.markers().get(1).value()).isCloseTo(Math.sqrt(3) + Math.sqrt(2), within(1e-12));
    }

    @Test
    void domainValueAtFindsTheValueUnderAPixelColumn() {
        // an independent landmark: a vertical marker at x = 6 in a known colour, found in the rendered pixels
        for (boolean descending : new boolean[] {false, true}) {
            FigureSpec spec = FigureSpec.builder("click").axes("x", "y", null).xDescending(descending)
                    .series("s", new double[] {1, 10}, new double[] {0, 1}, FigureSpec.Axis.LEFT,
                            FigureSpec.Look.POINTS, 0, false)
                    .vertical(6, "", 1).build();
            FigureStyle style = FigureStyle.LIGHT;
            JFreeChart chart = Charts.build(spec, style);
            BufferedImage img = Charts.image(chart, 600, 300, 1);
            // the (dashed, red) marker: the pixel column with the most reddish pixels
            int best = -1;
            int bestCount = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                int count = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 255;
                    // reddish: the marker's colour, blended with the white background by anti-aliasing
                    count += r - ((rgb >> 8) & 255) > 60 && r - (rgb & 255) > 60 ? 1 : 0;
                }
                if (count > bestCount) {
                    bestCount = count;
                    best = x;
                }
            }
            assertThat(bestCount).isGreaterThan(50);
            double value = Charts.domainValueAt(Charts.build(spec, style), 600, 300, best + 0.5);
            // one pixel is about 9 / 500 of the range
            assertThat(value).as("descending %s", descending).isCloseTo(6, within(0.05));
            assertThat(Charts.domainValueAt(Charts.build(spec, style), 600, 300, 1)).isNaN();
        }
    }
}
