package org.expanderexplorer.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.expanderexplorer.TestMatrices;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** The explanation text, the figures and the spectrum click, without a toolkit. */
class ClassroomPanelsTest {

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ClassroomViewModel vm = new ClassroomViewModel(executor);
    private final LinkedViewsViewModel linked = new LinkedViewsViewModel(vm, executor);
    private final ClassroomFiguresViewModel figures = new ClassroomFiguresViewModel(vm, linked);

    private List<ExplanationViewModel.Paragraph> explain() {
        GraphState g = vm.stateProperty().get();
        return ExplanationViewModel.explain(new ExplanationViewModel.Explained(g.source().title(), g.unweighted(),
                g.weighted(), vm.weightedProperty().get()));
    }

    @Test
    void theExplanationPlugsTheHeawoodNumbersIntoTheFormulas() {
        vm.open(GraphChoice.heawood());
        List<ExplanationViewModel.Paragraph> p = explain();
        assertThat(p).extracting(ExplanationViewModel.Paragraph::title)
                .containsExactly("Expander", "Spectral gap", "Ramanujan bound", "Cheeger constant");
        // singular values 3 and sqrt(2): gap 3 - sqrt 2, Delta_R = 2 sqrt 2 - sqrt 2, Delta_S = 2 sqrt 2 - sqrt 2
        assertThat(p.get(0).plugged()).contains("d_L = 21 / 7 = 3,   d_R = 21 / 7 = 3");
        assertThat(p.get(1).plugged()).containsExactly("μ_0 − μ̂ = 3.000 − 1.414 = 1.586");
        assertThat(p.get(2).plugged()).containsExactly("Δ_R = √(3−1) + √(3−1) − 1.414 = 1.414 > 0: Ramanujan",
                "Δ_S = 2√(3.000−1) − 1.414 = 1.414 > 0: Ramanujan");
        // the exact constant with its set's size: cut / |S| = h(G)
        var r = vm.stateProperty().get().unweighted();
        int size = r.cheegerExactSet().size();
        assertThat(p.get(3).plugged().get(0)).startsWith("h(G) = " + Math.round(r.cheegerExact() * size) + " / "
                + size + " = " + ClassroomViewModel.fmt(r.cheegerExact()));
        // lambda_2 of a 3-regular bipartite graph is 3 - sigma_2 = 3 - sqrt 2
        assertThat(p.get(3).plugged().get(1)).startsWith("λ_2/2 = 1.586/2 = 0.793");
    }

    @Test
    void theWeightedViewExplainsDeltaSOfTheWeights() {
        vm.show(new ClassroomSource("w", "test", TestMatrices.gaussian(5, 5, 2), null, null));
        vm.weightedProperty().set(true);
        List<String> lines = explain().get(2).plugged();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("Δ_S = 2√(").endsWith("(weights |w|)");
    }

    @Test
    void figuresFollowTheStepsAndTheSelection() {
        vm.open(GraphChoice.complete(3, 4));
        vm.toggleEdge(0, 0);
        FigureSpec degrees = figures.degrees().get();
        // rows: degrees 3, 4, 4; columns: 2, 3, 3, 3
        assertThat(degrees.series().get(0).y()).containsExactly(0.0, 0.0, 0.0, 1.0, 2.0);
        assertThat(degrees.series().get(1).y()).containsExactly(0.0, 0.0, 1.0, 3.0, 0.0);
        FigureSpec gaps = figures.gaps().get();
        assertThat(gaps.series().get(0).x()).containsExactly(0.0, 1.0);
        FigureSpec spectrum = figures.spectrum().get();
        assertThat(Charts.seriesNames(spectrum)).anyMatch(n -> n.equals("random (4,3)-biregular"));
    }

    /** The x (pixels) at which a chart drawn at width x height shows {@code value}. */
    static double columnOf(double value, FigureSpec spec, FigureStyle style, int width, int height) {
        double x1 = Double.NaN;
        double v1 = Double.NaN;
        double x2 = Double.NaN;
        double v2 = Double.NaN;
        for (int x = 0; x < width; x += 25) {
            double v = Charts.domainValueAt(Charts.build(spec, style), width, height, x);
            if (!Double.isNaN(v)) {
                if (Double.isNaN(x1)) {
                    x1 = x;
                    v1 = v;
                } else {
                    x2 = x;
                    v2 = v;
                }
            }
        }
        return x1 + (value - v1) * (x2 - x1) / (v2 - v1);
    }

    @Test
    void clickingTheSpectrumSelectsTheSingularValueUnderTheClick() {
        vm.open(GraphChoice.cycle(12));
        FigureSpec spectrum = figures.spectrum().get();
        FigureStyle style = FigureStyle.LIGHT.withScale(2);
        // the pixel column of index 4, interpolated between two columns inside the plot (the mapping is linear;
        // Charts.domainValueAt has its own test against rendered pixels)
        double best = columnOf(4, spectrum, style, 700, 400);
        linked.selectSingularAt(spectrum, style, 700, 400, best + 2);
        assertThat(linked.singularIndexProperty().get()).isEqualTo(4);
        assertThat(linked.colouringProperty().get()).isEqualTo(LinkedViewsViewModel.Colouring.SINGULAR);
        assertThat(Charts.seriesNames(figures.spectrum().get())).anyMatch(n -> n.startsWith("selected σ_4"));
        assertThat(linked.legendProperty().get()).contains("u_4").contains("Orange: optimal Cheeger set S");
    }
}
