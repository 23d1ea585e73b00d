package org.expanderexplorer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * The classroom's figures, built from results only: the spectrum with a selected singular value and a reference
 * spectrum, the gaps and the Cheeger constant along a sequence of edits ("steps"), the degree histogram, and two
 * spectra overlaid for comparing saved states. Colours follow {@link Figures}: 0 sigma_i, 1 Delta_S, 2 Delta_R,
 * 3 weighted, 4 Cheeger lower bound (and the selected sigma_i), 5 sweep cut (and the reference), 6 exact h(G).
 */
public final class TeachingFigures {

    /** x label of the step figures. */
    public static final String STEP_AXIS = "step (0 = the whole graph)";
    private static final double HISTOGRAM_OFFSET = 0.17;

    private TeachingFigures() {
    }

    /**
     * One state along the classroom's edits; null where undefined or not computed.
     *
     * @param step           0 for the whole graph, then one per edit
     * @param edges          |E|
     * @param deltaR         Delta_R (unweighted)
     * @param deltaS         Delta_S (unweighted)
     * @param deltaSWeighted Delta_S of |W|
     * @param cheegerLower   the largest Cheeger lower bound, in the representation shown
     * @param sweepCut       the sweep cut's ratio (an upper bound), in the representation shown
     * @param cheegerExact   exact h(G) in the representation shown, or null (graph too large)
     * @param accuracy       test accuracy in [0, 1] of the network with this mask, or null
     */
    public record Step(int step, int edges, Double deltaR, Double deltaS, Double deltaSWeighted, Double cheegerLower,
                       Double sweepCut, Double cheegerExact, Double accuracy) {
    }

    /**
     * The spectrum panel ({@link Figures#spectrum}) plus the selected sigma_i and a reference spectrum.
     *
     * @param selected      1-based index i of the selected singular value, or 0 for none
     * @param reference     singular values of a reference graph, descending (not modified), or null
     * @param referenceName legend name of the reference
     */
    public static FigureSpec spectrum(LayerAnalysisResult r, String title, int selected, double[] reference,
                                      String referenceName) {
        FigureSpec base = Figures.spectrum(r, title);
        List<FigureSpec.Series> series = new ArrayList<>(base.series());
        if (reference != null && reference.length > 0) {
            double[] i = new double[reference.length];
            for (int k = 0; k < i.length; k++) {
                i[k] = k + 1;
            }
            series.add(new FigureSpec.Series(referenceName, i, reference, FigureSpec.Axis.LEFT,
                    FigureSpec.Look.LINE_AND_POINTS, 5, true, "the singular values of a random graph with the same "
                    + "rounded degrees, for comparison"));
        }
        List<Double> sv = r.singularValues();
        if (selected >= 1 && selected <= sv.size()) {
            series.add(new FigureSpec.Series("selected σ_" + selected + " = " + Figures.num(sv.get(selected - 1),
                    sv.get(0)), new double[] {selected}, new double[] {sv.get(selected - 1)}, FigureSpec.Axis.LEFT,
                    FigureSpec.Look.POINTS, 4, false, "the singular value whose singular vectors colour the "
                    + "vertices (u_i on the left, v_i on the right)"));
        }
        return new FigureSpec(base.title(), base.xLabel(), base.leftLabel(), base.rightLabel(), false, false, series,
                base.markers());
    }

    /**
     * The gaps along the steps: Delta_R, Delta_S (unweighted) and the weighted Delta_S, the zero line, the
     * current step, and test accuracy on a right axis when known.
     *
     * @param current the step on screen now
     * @param lostAt  the step at which the graph stopped being Ramanujan, or null
     */
    public static FigureSpec gaps(List<Step> steps, int current, Integer lostAt, String title) {
        double[] x = steps(steps);
        boolean accuracy = steps.stream().anyMatch(s -> s.accuracy() != null);
        FigureSpec.Builder b = FigureSpec.builder(title)
                .axes(STEP_AXIS, "Ramanujan gap", accuracy ? "test accuracy (%)" : null)
                .series("Δ_R", x, values(steps, Step::deltaR), FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS,
                        2, false).note(Figures.DR_NOTE)
                .series("Δ_S", x, values(steps, Step::deltaS), FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS,
                        1, false).note(Figures.DS_NOTE)
                .series("Δ_S (weighted)", x, values(steps, Step::deltaSWeighted), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE, 3, true).note(Figures.DS_WEIGHTED_NOTE)
                .horizontal(0, FigureSpec.Axis.LEFT, "", -1, false).note(Figures.ZERO_NOTE);
        if (accuracy) {
            b.series("accuracy", x, values(steps, s -> s.accuracy() == null ? null : 100 * s.accuracy()),
                    FigureSpec.Axis.RIGHT, FigureSpec.Look.LINE_AND_POINTS, 0, false).note(Figures.ACCURACY_NOTE);
        }
        if (lostAt != null) {
            b.vertical(lostAt, "not Ramanujan from step " + lostAt, 2).note("the first step at which the gap the "
                    + "call-out watches (Δ_R unweighted, Δ_S weighted) is 0 or below");
        }
        now(b, current);
        return b.build();
    }

    /** The Cheeger constant along the steps: lower bound, sweep cut and, on small graphs, the exact value. */
    public static FigureSpec cheeger(List<Step> steps, int current, Representation rep, String title) {
        double[] x = steps(steps);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(STEP_AXIS, "h(G)", null)
                .series("lower bound", x, values(steps, Step::cheegerLower), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 4, false).note(Figures.CHEEGER_LOWER_NOTE)
                .series("sweep cut (upper bound)", x, values(steps, Step::sweepCut), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 5, false).note(Figures.SWEEP_CUT_NOTE);
        b.horizontal(0, FigureSpec.Axis.LEFT, "", -1, false).note("h(G) = 0: the graph is disconnected");
        if (steps.stream().anyMatch(s -> s.cheegerExact() != null)) {
            b.series("exact h(G)" + (rep == Representation.WEIGHTED ? " (weighted)" : ""), x,
                    values(steps, Step::cheegerExact), FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 6, true)
                    .note(Figures.EXACT_NOTE);
        }
        now(b, current);
        return b.build();
    }

    private static void now(FigureSpec.Builder b, int current) {
        b.marker(new FigureSpec.Marker(current, true, FigureSpec.Axis.LEFT, "now", -1, false))
                .note("the step on screen now");
    }

    /**
     * The degree histogram: how many left and right vertices have each degree (edge counts), isolated vertices
     * at degree 0, with the average degrees as vertical lines. The two sides' bars sit 0.17 left and right of
     * each integer degree so that both stay visible; the CSV carries those offset x values.
     *
     * @param leftDegrees  degree of every left vertex (not modified)
     * @param rightDegrees degree of every right vertex (not modified)
     * @param dL           d_L over the non-isolated vertices, or null
     * @param dR           d_R, or null
     */
    public static FigureSpec degreeHistogram(int[] leftDegrees, int[] rightDegrees, Double dL, Double dR,
                                             String title) {
        int max = 0;
        for (int d : leftDegrees) {
            max = Math.max(max, d);
        }
        for (int d : rightDegrees) {
            max = Math.max(max, d);
        }
        FigureSpec.Builder b = FigureSpec.builder(title).axes("degree (edges at a vertex)", "vertices", null)
                .series("left vertices (rows)", histogramX(max, -HISTOGRAM_OFFSET), counts(leftDegrees, max),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.STEMS, 0, false)
                .note("how many left vertices (rows of the matrix) have each degree")
                .series("right vertices (columns)", histogramX(max, HISTOGRAM_OFFSET), counts(rightDegrees, max),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.STEMS, 1, false)
                .note("how many right vertices (columns of the matrix) have each degree");
        if (dL != null) {
            b.vertical(dL, "d_L = " + Figures.num(dL), 0).note("the average degree of the non-isolated left vertices");
        }
        if (dR != null) {
            b.vertical(dR, "d_R = " + Figures.num(dR), 1).note("the average degree of the non-isolated right vertices");
        }
        return b.build();
    }

    /**
     * Two saved states' spectra overlaid, each with its Ramanujan bound (Delta_R's in the unweighted
     * representation, Delta_S's in the weighted one) as a dashed line of the same colour.
     */
    public static FigureSpec comparison(LayerAnalysisResult a, String nameA, LayerAnalysisResult b, String nameB,
                                        String title) {
        FigureSpec.Builder f = FigureSpec.builder(title).axes("index i", "singular value σ_i", null);
        addCompared(f, a, nameA, 0);
        addCompared(f, b, nameB, 1);
        return f.build();
    }

    private static void addCompared(FigureSpec.Builder f, LayerAnalysisResult r, String name, int colour) {
        List<Double> sv = r.singularValues();
        double[] i = new double[sv.size()];
        double[] s = new double[sv.size()];
        for (int k = 0; k < i.length; k++) {
            i[k] = k + 1;
            s[k] = sv.get(k);
        }
        f.series(name, i, s, FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, colour, colour == 1)
                .note("the singular values of snapshot " + name);
        boolean unweighted = r.representation() == Representation.UNWEIGHTED;
        Double gap = unweighted ? r.deltaR() : r.deltaS();
        if (gap != null && r.muHat() != null) {
            double bound = gap + r.muHat();
            f.horizontal(bound, FigureSpec.Axis.LEFT, name + ": " + (unweighted ? "√(d_L−1)+√(d_R−1)" : "2√(μ_0−1)")
                    + " = " + Figures.num(bound), colour, true).note("the Ramanujan bound of snapshot " + name);
        }
    }

    private static double[] histogramX(int max, double offset) {
        double[] x = new double[max + 1];
        for (int d = 0; d <= max; d++) {
            x[d] = d + offset;
        }
        return x;
    }

    private static double[] counts(int[] degrees, int max) {
        double[] c = new double[max + 1];
        for (int d : degrees) {
            c[d]++;
        }
        return c;
    }

    private static double[] steps(List<Step> steps) {
        double[] x = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps.get(i).step();
        }
        return x;
    }

    private static double[] values(List<Step> steps, Function<Step, Double> f) {
        double[] y = new double[steps.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = f.apply(steps.get(i));
            y[i] = v == null ? Double.NaN : v;
        }
        return y;
    }
}
