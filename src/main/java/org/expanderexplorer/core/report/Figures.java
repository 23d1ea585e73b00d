package org.expanderexplorer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.ZeroCrossing;

/**
 * The figures of the application as {@link FigureSpec}s, built from results only: the paper's sweep figure, and
 * the window's spectrum, gaps, Cheeger and accuracy panels. The CLI and the window call the same methods, so a
 * figure exported from either looks the same.
 *
 * <p>Colour indices: 0 accuracy, 1 Delta_S, 2 Delta_R, 3 weighted gap, 4 Cheeger lower, 5 Cheeger upper (sweep
 * cut), 6 exact Cheeger.
 */
public final class Figures {

    public static final String Q_AXIS = "edges kept q (%)";
    private static final String DS = "Δ_S";
    private static final String DR = "Δ_R";

    private Figures() {
    }

    /**
     * The paper's figure: accuracy (left axis) and the gaps (right axis) against q from 100 % down, dashed
     * vertical lines at the first zero crossings.
     *
     * @param title e.g. "smnist-lstm128 on mnist-test: ih, unweighted"
     */
    public static FigureSpec sweep(SweepResult result, GraphId graph, Representation rep, String title) {
        List<SweepPoint> pts = result.points();
        SweepPoint.Key key = new SweepPoint.Key(graph, rep);
        SweepResult.Crossings c = result.crossings().get(key);
        return sweep(title, rep, qs(pts), accuracy(pts), values(pts, key, LayerAnalysisResult::deltaS),
                rep == Representation.UNWEIGHTED ? values(pts, key, LayerAnalysisResult::deltaR) : null,
                c == null ? null : c.deltaS(), c == null ? null : c.deltaR());
    }

    /**
     * The paper's figure from plain series (e.g. re-read from a sweep's CSV); the same drawing as
     * {@link #sweep(SweepResult, GraphId, Representation, String)}.
     *
     * @param rep             which representation (the weighted figure shows Delta_S only)
     * @param q               grid, from 100 % down; not modified
     * @param accuracyPercent accuracy in percent per grid point, NaN where not measured, or null; not modified
     * @param deltaS          Delta_S per grid point, NaN where undefined; not modified
     * @param deltaR          Delta_R per grid point (unweighted only), or null; not modified
     * @param crossS          first zero crossing of Delta_S, or null
     * @param crossR          first zero crossing of Delta_R, or null
     */
    public static FigureSpec sweep(String title, Representation rep, double[] q, double[] accuracyPercent,
                                   double[] deltaS, double[] deltaR, ZeroCrossing crossS, ZeroCrossing crossR) {
        boolean hasAccuracy = false;
        if (accuracyPercent != null) {
            for (double a : accuracyPercent) {
                hasAccuracy |= !Double.isNaN(a);
            }
        }
        FigureSpec.Builder b = FigureSpec.builder(title)
                .axes(Q_AXIS, hasAccuracy ? "test accuracy (%)" : "", "Ramanujan gap")
                .xDescending(true);
        if (hasAccuracy) {
            b.series("accuracy", q, accuracyPercent, FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 0,
                    false).note(ACCURACY_NOTE);
        }
        b.series(DS + (rep == Representation.WEIGHTED ? " (weighted)" : ""), q, deltaS, FigureSpec.Axis.RIGHT,
                FigureSpec.Look.LINE_AND_POINTS, 1, false).note(rep == Representation.WEIGHTED ? DS_WEIGHTED_NOTE
                : DS_NOTE);
        if (rep == Representation.UNWEIGHTED && deltaR != null) {
            b.series(DR, q, deltaR, FigureSpec.Axis.RIGHT, FigureSpec.Look.LINE_AND_POINTS, 2, false).note(DR_NOTE);
        }
        b.horizontal(0, FigureSpec.Axis.RIGHT, "", -1, false).note(ZERO_NOTE);
        // each crossing keeps its own line and label; MarkerLabels leaves out a label with no free room, and the
        // legend names both either way
        crossingMarker(b, crossS, DS, 1);
        crossingMarker(b, rep == Representation.UNWEIGHTED ? crossR : null, DR, 2);
        return b.build();
    }

    private static double at(ZeroCrossing c) {
        return c.interpolated() != null ? c.interpolated() : c.gridQ();
    }

    private static void crossingMarker(FigureSpec.Builder b, ZeroCrossing c, String name, int colour) {
        if (c == null) {
            return;
        }
        double at = at(c);
        b.vertical(at, name + " = 0 at q = " + pct(at), colour).note("the first q, going down, at which " + name
                + " is 0 or below (or undefined): the graph stops being Ramanujan there"
                + (c.interpolated() != null ? "; interpolated between the two grid points around the crossing"
                : ""));
    }

    /**
     * The spectrum panel: the singular values sigma_i of the graph's biadjacency against i, with the two
     * Ramanujan bounds as horizontal lines and mu_hat marked.
     */
    public static FigureSpec spectrum(LayerAnalysisResult r, String title) {
        List<Double> sv = r.singularValues();
        double[] i = new double[sv.size()];
        double[] s = new double[sv.size()];
        for (int k = 0; k < sv.size(); k++) {
            i[k] = k + 1;
            s[k] = sv.get(k);
        }
        double scale = sv.isEmpty() ? 0 : Math.abs(sv.get(0));
        FigureSpec.Builder b = FigureSpec.builder(title).axes("index i", "singular value σ_i", null)
                .series("σ_i", i, s, FigureSpec.Axis.LEFT, FigureSpec.Look.STEMS, 0, false)
                .note("the singular values σ_1 ≥ σ_2 ≥ ... of the biadjacency matrix M (of |W| when weighted); "
                        + "σ_1 is μ_0");
        if (r.muHat() != null && sv.size() > 1) {
            b.series("μ̂ = σ_2 = " + num(r.muHat(), scale), new double[] {2}, new double[] {r.muHat()},
                    FigureSpec.Axis.LEFT, FigureSpec.Look.POINTS, 1, false)
                    .note("the largest non-trivial singular value; the graph is Ramanujan while μ̂ stays below the "
                            + "bound");
        }
        if (r.representation() == Representation.UNWEIGHTED && r.deltaR() != null) {
            double bound = r.deltaR() + r.muHat();
            b.horizontal(bound, FigureSpec.Axis.LEFT, "√(d_L−1)+√(d_R−1) = " + num(bound, scale), 2, true)
                    .note("the biregular bipartite Ramanujan bound with the average degrees d_L and d_R; Δ_R is "
                            + "its height above μ̂");
        }
        if (r.deltaS() != null) {
            double bound = r.deltaS() + r.muHat();
            b.horizontal(bound, FigureSpec.Axis.LEFT, "2√(μ_0−1) = " + num(bound, scale), 1, true)
                    .note("the d-regular Ramanujan bound with d estimated by μ_0; Δ_S is its height above μ̂");
        }
        return b.build();
    }

    /**
     * The gaps panel: Delta_S and Delta_R (unweighted) and the weighted Delta_S against q, the zero line, the
     * first crossings, and the current q.
     */
    public static FigureSpec gaps(List<SweepPoint> pts, GraphId graph, double currentQ, String title) {
        return gaps(pts, graph, currentQ, false, title);
    }

    /** The gaps panel with a logarithmic q axis when {@code logQ} (the slider's log mode). */
    public static FigureSpec gaps(List<SweepPoint> pts, GraphId graph, double currentQ, boolean logQ, String title) {
        double[] q = qs(pts);
        SweepPoint.Key u = new SweepPoint.Key(graph, Representation.UNWEIGHTED);
        SweepPoint.Key w = new SweepPoint.Key(graph, Representation.WEIGHTED);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "gap", null).xDescending(true).xLog(logQ)
                .series(DS, q, values(pts, u, LayerAnalysisResult::deltaS), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 1, false).note(DS_NOTE)
                .series(DR, q, values(pts, u, LayerAnalysisResult::deltaR), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 2, false).note(DR_NOTE)
                .series(DS + " (weighted)", q, values(pts, w, LayerAnalysisResult::deltaS), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE, 3, true).note(DS_WEIGHTED_NOTE)
                .horizontal(0, FigureSpec.Axis.LEFT, "", -1, false).note(ZERO_NOTE);
        List<Double> grid = grid(pts);
        ZeroCrossing dr = ZeroCrossing.first(grid, boxed(values(pts, u, LayerAnalysisResult::deltaR)));
        crossingMarker(b, dr, DR, 2);
        currentQ(b, currentQ);
        return b.build();
    }

    private static void currentQ(FigureSpec.Builder b, double q) {
        b.marker(new FigureSpec.Marker(q, true, FigureSpec.Axis.LEFT, "q = " + pct(q), -1, false))
                .note("the q set by the slider now");
    }

    /** The Cheeger panel: lower bound, sweep-cut upper bound and (on small graphs) the exact constant against q. */
    public static FigureSpec cheeger(List<SweepPoint> pts, GraphId graph, Representation rep, double currentQ,
                                     String title) {
        return cheeger(pts, graph, rep, currentQ, false, title);
    }

    /** The Cheeger panel with a logarithmic q axis when {@code logQ}. */
    public static FigureSpec cheeger(List<SweepPoint> pts, GraphId graph, Representation rep, double currentQ,
                                     boolean logQ, String title) {
        double[] q = qs(pts);
        SweepPoint.Key k = new SweepPoint.Key(graph, rep);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "edge expansion h(G)", null).xDescending(true)
                .xLog(logQ)
                .series("lower bound max(λ_2/2, (d_min−μ̂)/2)", q, values(pts, k, LayerAnalysisResult::cheegerLower),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 4, false).note(CHEEGER_LOWER_NOTE)
                .series("sweep cut (upper bound)", q, values(pts, k, LayerAnalysisResult::sweepCutRatio),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 5, false).note(SWEEP_CUT_NOTE);
        double[] exact = values(pts, k, LayerAnalysisResult::cheegerExact);
        boolean anyExact = false;
        for (double v : exact) {
            anyExact |= !Double.isNaN(v);
        }
        if (anyExact) {
            b.series("exact h(G)", q, exact, FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 6, true)
                    .note(EXACT_NOTE);
        }
        currentQ(b, currentQ);
        return b.build();
    }

    /**
     * The accuracy panel: accuracy against q, the dense accuracy as a reference line, the stopping rule's q, and
     * the current point.
     *
     * @param dense      dense accuracy in [0, 1], or null
     * @param current    accuracy at the current q in [0, 1], or null
     * @param stoppingQ  the stopping rule's recommended q, or null
     */
    public static FigureSpec accuracy(List<SweepPoint> pts, Double dense, double currentQ, Double current,
                                      Double stoppingQ, String title) {
        return accuracy(pts, dense, currentQ, current, stoppingQ, false, title);
    }

    /** The accuracy panel with a logarithmic q axis when {@code logQ}. */
    public static FigureSpec accuracy(List<SweepPoint> pts, Double dense, double currentQ, Double current,
                                      Double stoppingQ, boolean logQ, String title) {
        double[] q = qs(pts);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "test accuracy (%)", null).xDescending(true)
                .xLog(logQ)
                .series("accuracy (test subset)", q, accuracy(pts), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 0, false)
                .note("test accuracy of the pruned network along the curve, on a fixed 1,000-sequence subset");
        if (current != null) {
            b.series("now", new double[] {currentQ}, new double[] {100 * current}, FigureSpec.Axis.LEFT,
                    FigureSpec.Look.POINTS, 1, false)
                    .note("test accuracy at the slider's q (the full test set once the slider is released)");
        }
        if (dense != null) {
            b.horizontal(100 * dense, FigureSpec.Axis.LEFT, "dense " + String.format(Locale.ROOT, "%.2f %%",
                    100 * dense), -1, true).note("test accuracy of the unpruned network");
        }
        if (stoppingQ != null) {
            b.vertical(stoppingQ, "stopping rule: q = " + pct(stoppingQ), 2).note(STOP_NOTE);
        }
        return b.build();
    }

    static double[] qs(List<SweepPoint> pts) {
        double[] q = new double[pts.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = pts.get(i).keepPercent();
        }
        return q;
    }

    static List<Double> grid(List<SweepPoint> pts) {
        List<Double> g = new ArrayList<>();
        for (SweepPoint p : pts) {
            g.add(p.keepPercent());
        }
        return g;
    }

    static double[] accuracy(List<SweepPoint> pts) {
        double[] a = new double[pts.size()];
        for (int i = 0; i < a.length; i++) {
            Double v = pts.get(i).accuracy();
            a[i] = v == null ? Double.NaN : 100 * v;
        }
        return a;
    }

    static double[] values(List<SweepPoint> pts, SweepPoint.Key key, Function<LayerAnalysisResult, Double> f) {
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) {
            LayerAnalysisResult r = pts.get(i).results().get(key);
            Double v = r == null ? null : f.apply(r);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(Double.isNaN(d) ? null : d);
        }
        return out;
    }

    static String pct(double q) {
        return String.format(Locale.ROOT, q >= 10 ? "%.1f %%" : "%.2f %%", q);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * {@link #num(double)}, but 0 for a value below a billionth of {@code scale} (a singular value of 2.5e-13 next
     * to one of 3 is a zero computed in floating point, not a number to print).
     */
    static String num(double v, double scale) {
        return Math.abs(v) < ZERO * Math.abs(scale) ? "0" : num(v);
    }

    /** Values below this fraction of their figure's scale are shown as 0. */
    static final double ZERO = 1e-9;

    static final String ACCURACY_NOTE = "test accuracy of the pruned network at each q (left axis)";
    static final String DS_NOTE = "Δ_S = 2√(μ_0 − 1) − μ̂ of the unweighted graph: the d-regular Ramanujan bound "
            + "with d estimated by μ_0, minus μ̂; Ramanujan while above 0";
    static final String DS_WEIGHTED_NOTE = "Δ_S of the weighted graph |W|: 2√(μ_0 − 1) − μ̂ with the singular "
            + "values of |W|; Ramanujan while above 0";
    static final String DR_NOTE = "Δ_R = √(d_L − 1) + √(d_R − 1) − μ̂ of the unweighted graph: the biregular "
            + "bipartite Ramanujan bound with the average degrees, minus μ̂; Ramanujan while above 0";
    static final String ZERO_NOTE = "gap = 0: a gap above this line means the graph is Ramanujan (a good expander)";
    static final String CHEEGER_LOWER_NOTE = "the larger of the two lower bounds on the edge expansion: λ_2/2 "
            + "(Fiedler value) and (d_min − μ̂)/2";
    static final String SWEEP_CUT_NOTE = "the expansion ratio of the best set found by sweeping the Fiedler vector:"
            + " an upper bound on h(G)";
    static final String EXACT_NOTE = "the exact Cheeger constant h(G), by enumerating every vertex set (small "
            + "graphs only)";
    static final String STOP_NOTE = "the q the stopping rule recommends: the last grid q, going down, before a "
            + "monitored gap (Δ_R of the unweighted graph, Δ_S of the weighted one) falls to 0 or below. Pruning "
            + "further loses the expander property";
}
