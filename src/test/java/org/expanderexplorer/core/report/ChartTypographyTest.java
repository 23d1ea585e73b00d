package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.TeachingGraphs;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.Pruner;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.ZeroCrossing;
import org.junit.jupiter.api.Test;

/**
 * The figures' typography, on the figures the window and the CLI draw, with the data that broke it before: a
 * single accuracy point (ticks "9.83E1" four times), a complete graph whose μ̂ is a floating-point zero, two
 * crossing lines close together, a degree histogram with d_L = d_R, a log q axis. Every figure is drawn at the
 * panel sizes of the window (small and large, 100 % and 200 %) and at the journal sizes, and checked for: no
 * exponent in a tick label between 1e-3 and 1e4, no two equal neighbouring tick labels, no placed label over a
 * data point or another label; every line named in the legend. The drawings go to target/figures/typography.
 */
class ChartTypographyTest {

    private static final Pattern EXPONENT = Pattern.compile("[0-9.][eE][-+]?[0-9]|×10");

    /** A random 24 x 40 layer pruned by magnitude along a grid, analysed in both representations. */
    static List<SweepPoint> curve(double[] grid) {
        Random r = new Random(3);
        double[] w = new double[24 * 40];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
        }
        WeightMatrix m = new WeightMatrix(24, 40, w);
        Pruner pruner = new Pruner(List.of(m), PruningMethod.MAGNITUDE, 1);
        List<SweepPoint> pts = new ArrayList<>();
        for (double q : grid) {
            WeightMatrix pruned = m.masked(pruner.prune(q).get(0).toArray());
            Map<SweepPoint.Key, LayerAnalysisResult> res = new LinkedHashMap<>();
            for (Representation rep : Representation.values()) {
                res.put(new SweepPoint.Key(GraphId.IH, rep),
                        new LayerAnalysis(LayerGraph.of(pruned, rep)).result());
            }
            pts.add(new SweepPoint(q, q, 0.9 - 0.002 * (100 - q), res, 1));
        }
        return pts;
    }

    static Map<String, FigureSpec> figures() {
        Map<String, FigureSpec> f = new LinkedHashMap<>();
        double[] grid = {100, 80, 64, 51.2, 41, 32.8, 26.2, 21, 16.8, 13.4, 10.7, 8.6, 6.9, 5.5};
        List<SweepPoint> pts = curve(grid);
        // the window at start: only the dense point is known, accuracy flat at 90 %
        f.put("accuracy-start", Figures.accuracy(pts.subList(0, 1), 0.9, 100, 0.9, null, "Test accuracy"));
        f.put("accuracy", Figures.accuracy(pts, 0.9, 35, 0.82, 21.0, "Test accuracy on mnist-test"));
        f.put("accuracy-log", Figures.accuracy(pts, 0.9, 35, 0.82, 21.0, true, "Test accuracy, log q"));
        f.put("gaps", Figures.gaps(pts, GraphId.IH, 35, "Ramanujan gaps of ih against q"));
        f.put("gaps-log", Figures.gaps(pts, GraphId.IH, 6.9, true, "Ramanujan gaps of ih, log q"));
        f.put("cheeger", Figures.cheeger(pts, GraphId.IH, Representation.UNWEIGHTED, 35, "Cheeger constant of ih"));
        LayerAnalysisResult complete = new LayerAnalysis(LayerGraph.of(TeachingGraphs.completeBipartite(3, 4),
                Representation.UNWEIGHTED)).result();
        f.put("spectrum-complete", Figures.spectrum(complete, "Spectrum of K(3, 4)"));
        f.put("spectrum", Figures.spectrum(pts.get(5).result(GraphId.IH, Representation.UNWEIGHTED),
                "Spectrum of ih at q = 32.8 %"));
        double[] q = {100, 90, 80, 70, 60, 50, 40, 30, 20, 10};
        double[] acc = {98.3, 98.3, 98.3, 98.29, 98.3, 98.28, 98.2, 97.5, 93, 70};
        double[] ds = {9, 8, 7, 6, 5, 4, 3, 2, 0.4, -1};
        double[] dr = {8, 7, 6, 5, 4, 3, 2, 1, 0.3, -1.2};
        f.put("sweep-close-crossings", Figures.sweep("smnist-lstm128 on mnist-test: ih, unweighted",
                Representation.UNWEIGHTED, q, acc, ds, dr, new ZeroCrossing(10, 12.9, 20.0),
                new ZeroCrossing(10, 12.0, 20.0)));
        f.put("degrees-equal", TeachingFigures.degreeHistogram(new int[] {3, 3, 3, 3, 3, 3, 3},
                new int[] {3, 3, 3, 3, 3, 3, 3}, 3.0, 3.0, "Degrees of the Heawood graph"));
        f.put("degrees", TeachingFigures.degreeHistogram(new int[] {0, 2, 2, 3, 5}, new int[] {1, 3, 3, 2},
                2.4, 2.25, "Degrees"));
        List<TeachingFigures.Step> steps = new ArrayList<>();
        for (int s = 0; s <= 12; s++) {
            steps.add(new TeachingFigures.Step(s, 21 - s, 1.414 - 0.15 * s, 1.414 - 0.12 * s, 1.2 - 0.1 * s,
                    0.5 - 0.03 * s, 1.3 - 0.05 * s, 1.286 - 0.06 * s, 0.9136 - 0.001 * s));
        }
        f.put("steps-gaps", TeachingFigures.gaps(steps, 12, 10, "Ramanujan gaps along the steps"));
        f.put("steps-cheeger", TeachingFigures.cheeger(steps, 12, Representation.UNWEIGHTED, "Cheeger constant"));
        return f;
    }

    private static final FigureStyle[] STYLES = {FigureStyle.LIGHT, new FigureStyle(true, 2.0),
        new FigureStyle(false, 1.5, true), new FigureStyle(false, 0.8)};
    private static final int[][] SIZES = {{420, 260}, {700, 420}, {1000, 620}};

    @Test
    void tickLabelsArePlainDistinctAndLabelsCoverNothing() throws Exception {
        Path dir = Path.of("target", "figures", "typography");
        Files.createDirectories(dir);
        int checked = 0;
        for (Map.Entry<String, FigureSpec> e : figures().entrySet()) {
            for (FigureStyle style : STYLES) {
                for (int[] size : SIZES) {
                    int w = (int) Math.round(size[0] * Math.max(1, style.scale()));
                    int h = (int) Math.round(size[1] * Math.max(1, style.scale()));
                    String where = e.getKey() + " at " + w + " x " + h + " in " + style;
                    ChartLayout layout = Charts.layout(Charts.build(e.getValue(), style), w, h);
                    assertTicks(layout, where);
                    assertLabelsCoverNothing(layout, where);
                    checked++;
                }
            }
            Files.write(dir.resolve(e.getKey() + ".png"), Charts.png(Charts.build(e.getValue(), FigureStyle.LIGHT),
                    640, 400, 1));
            Files.write(dir.resolve(e.getKey() + "-dark-200.png"), Charts.png(Charts.build(e.getValue(),
                    new FigureStyle(true, 2)), 900, 640, 1));
            Files.write(dir.resolve(e.getKey() + "-contrast.png"), Charts.png(Charts.build(e.getValue(),
                    new FigureStyle(false, 1, true)), 640, 400, 1));
        }
        assertThat(checked).isEqualTo(figures().size() * STYLES.length * SIZES.length);
    }

    private static void assertTicks(ChartLayout layout, String where) {
        for (Map.Entry<String, List<String>> axis : layout.tickLabels().entrySet()) {
            List<String> labels = axis.getValue();
            assertThat(labels).as("%s: %s axis has tick labels", where, axis.getKey()).isNotEmpty();
            for (int i = 0; i < labels.size(); i++) {
                String t = labels.get(i);
                double v = value(t);
                if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 || v == 0) {
                    assertThat(EXPONENT.matcher(t).find()).as("%s: %s tick '%s' in exponent notation", where,
                            axis.getKey(), t).isFalse();
                }
                if (i > 0) {
                    assertThat(t).as("%s: %s ticks %s", where, axis.getKey(), labels).isNotEqualTo(labels.get(i - 1));
                }
            }
        }
    }

    /** The value a tick label shows (plain or m×10ⁿ). */
    private static double value(String label) {
        String t = label.replace('−', '-').replace(",", "");
        int times = t.indexOf("×10");
        if (times < 0) {
            return Double.parseDouble(t);
        }
        String exp = t.substring(times + 3).replace('⁻', '-');
        StringBuilder digits = new StringBuilder();
        for (char c : exp.toCharArray()) {
            int d = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
            digits.append(d >= 0 ? (char) ('0' + d) : c);
        }
        return Double.parseDouble(t.substring(0, times)) * Math.pow(10, Integer.parseInt(digits.toString()));
    }

    private static void assertLabelsCoverNothing(ChartLayout layout, String where) {
        List<Rectangle2D> labels = layout.labelBoxes();
        for (int i = 0; i < labels.size(); i++) {
            Rectangle2D box = labels.get(i);
            assertThat(layout.dataArea().contains(box)).as("%s: label %s inside the plot", where, box).isTrue();
            for (int j = 0; j < i; j++) {
                assertThat(box.intersects(labels.get(j))).as("%s: labels %s and %s overlap", where, box,
                        labels.get(j)).isFalse();
            }
            for (Rectangle2D p : layout.pointBoxes()) {
                assertThat(box.intersects(p)).as("%s: label %s covers the data point %s", where, box, p).isFalse();
            }
        }
    }

    @Test
    void everyLineHasALegendEntryWithItsValue() {
        Map<String, FigureSpec> f = figures();
        ChartLayout acc = Charts.layout(Charts.build(f.get("accuracy"), FigureStyle.LIGHT), 700, 420);
        assertThat(acc.legend()).contains("accuracy (test subset)", "now", "dense 90.00 %",
                "stopping rule: q = 21.0 %");
        FigureSpec.Marker stop = f.get("accuracy").markers().get(1);
        assertThat(stop.description()).contains("stopping rule").contains("gap");
        ChartLayout close = Charts.layout(Charts.build(f.get("sweep-close-crossings"), FigureStyle.LIGHT), 700, 420);
        assertThat(close.legend()).contains("Δ_S = 0 at q = 12.9 %", "Δ_R = 0 at q = 12.0 %");
        for (FigureSpec spec : f.values()) {
            for (FigureSpec.Series s : spec.series()) {
                assertThat(s.description()).as("%s: %s", spec.title(), s.name()).isNotEmpty();
            }
            for (FigureSpec.Marker m : spec.markers()) {
                assertThat(m.description()).as("%s: %s", spec.title(), m.label()).isNotEmpty();
            }
        }
    }

    @Test
    void hoverAreasCarryTheDescriptionsOfLinesLegendEntriesAndPoints() {
        FigureSpec acc = figures().get("accuracy");
        Charts.Rendering r = Charts.render(Charts.build(acc, FigureStyle.LIGHT), 700, 420, 1);
        // the stopping rule's line: a narrow band around x = 21 % across the plot says what the line means
        var plot = r.dataArea();
        List<Charts.Hover> stop = r.hovers().stream().filter(h -> h.text().startsWith("stopping rule: q = 21.0 %: "
                + "the q the stopping rule recommends")).toList();
        assertThat(stop).isNotEmpty();
        // the line's band, its label's box and its legend entry all carry the text; the band is the tallest
        var band = stop.stream().map(h -> h.area().getBounds2D())
                .max(java.util.Comparator.comparingDouble(Rectangle2D::getHeight)).orElseThrow();
        assertThat(band.getHeight()).isGreaterThanOrEqualTo(plot.getHeight() - 1);
        assertThat(band.getWidth()).isLessThan(20);
        // every legend entry and every point has its text
        assertThat(r.hovers()).anyMatch(h -> h.text().startsWith("dense 90.00 %: test accuracy of the unpruned"));
        assertThat(r.hovers()).anyMatch(h -> h.text().equals("accuracy (test subset) = 90.0 at q = 100 %"));
    }

    @Test
    void aFloatingPointZeroIsShownAsZero() {
        FigureSpec spectrum = figures().get("spectrum-complete");
        // K(3, 4) has rank 1: σ_2 is zero up to rounding, and the legend says so
        assertThat(spectrum.series().get(1).y()[0]).isLessThan(1e-9);
        assertThat(spectrum.series().get(1).name()).isEqualTo("μ̂ = σ_2 = 0");
        ChartLayout layout = Charts.layout(Charts.build(spectrum, FigureStyle.LIGHT), 600, 360);
        // the dot at 0 lies inside the data area, not on its edge
        Rectangle2D dot = layout.pointBoxes().stream().filter(p -> p.getWidth() == p.getHeight())
                .findFirst().orElseThrow();
        assertThat(layout.dataArea().contains(dot)).isTrue();
    }

    @Test
    void aMarkerOutsideTheAxisRangeIsLeftOutAndTheOthersStillGetLabels() {
        // the stopping rule's q can lie outside a curve that is still being measured
        FigureSpec spec = FigureSpec.builder("accuracy while measuring").axes("q (%)", "accuracy (%)", null)
                .series("curve", new double[] {100, 80, 60}, new double[] {98, 97, 95}, FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 0, false)
                .vertical(5000, "stop", 2).vertical(80, "q = 80 %", -1).build();
        ChartLayout layout = Charts.layout(Charts.build(spec, FigureStyle.LIGHT), 600, 360);
        assertThat(layout.dataArea().getWidth()).isPositive();
        assertThat(Charts.png(Charts.build(spec, FigureStyle.LIGHT), 600, 360, 1)).isNotEmpty();
    }

    @Test
    void tickLabelsOfAFlatCurveAndOfTinyAndLargeValues() {
        ChartLayout start = Charts.layout(Charts.build(figures().get("accuracy-start"), FigureStyle.LIGHT), 500, 300);
        assertThat(start.tickLabels().get("left")).allMatch(t -> t.matches("(89|90)\\.\\d"));
        assertThat(start.tickLabels().get("x")).allMatch(t -> t.matches("\\d+(\\.\\d)?"));
        assertThat(Ticks.label(98.3, -1)).isEqualTo("98.3");
        assertThat(Ticks.label(-1.5e-17, -1)).isEqualTo("0.0");
        assertThat(Ticks.label(-0.25, -2)).isEqualTo("−0.25");
        assertThat(Ticks.label(20_000, 3)).isEqualTo("20,000");
        assertThat(Ticks.label(3.2e-6, -7)).isEqualTo("3.2×10⁻⁶");
        ChartLayout log = Charts.layout(Charts.build(figures().get("gaps-log"), FigureStyle.LIGHT), 700, 400);
        assertThat(log.tickLabels().get("x")).contains("10", "100");
    }

    @Test
    void subscriptsAreReadFromTheUnderscoreNotation() {
        RichText dr = RichText.of("√(d_L−1)+√(d_R−1) = 4.1");
        assertThat(dr.plain()).isEqualTo("√(dL−1)+√(dR−1) = 4.1");
        assertThat(dr.runs()).extracting(RichText.Run::text).containsExactly("√(d", "L", "−1)+√(d", "R", "−1) = 4.1");
        assertThat(RichText.of("lower bound max(λ_2/2, (d_min−μ̂)/2)").runs()).extracting(RichText.Run::text)
                .contains("2", "min");
        assertThat(RichText.of("my_model").hasSubscript()).isFalse();
        assertThat(RichText.of("Δ_S (weighted)").runs()).extracting(RichText.Run::sub).containsExactly(false, true,
                false);
    }
}
