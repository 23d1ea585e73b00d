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
                    false);
        }
        b.series(DS + (rep == Representation.WEIGHTED ? " (weighted)" : ""), q, deltaS, FigureSpec.Axis.RIGHT,
                FigureSpec.Look.LINE_AND_POINTS, 1, false);
        if (rep == Representation.UNWEIGHTED && deltaR != null) {
            b.series(DR, q, deltaR, FigureSpec.Axis.RIGHT, FigureSpec.Look.LINE_AND_POINTS, 2, false);
        }
        b.horizontal(0, FigureSpec.Axis.RIGHT, "gap = 0", -1, false);
        ZeroCrossing r = rep == Representation.UNWEIGHTED ? crossR : null;
        double mid = (min(q) + max(q)) / 2;
        if (crossS != null && r != null && Math.abs(at(crossS) - at(r)) < CLOSE * (max(q) - min(q))
                && (at(crossS) < mid) == (at(r) < mid)) {
            // two labels this close would run into each other: one line carries both. Labels of lines in the low-q
            // half extend towards high q, so the text goes on the lower q line, and the other way round.
            String text = DR + " = 0 at q = " + pct(at(r)) + ", " + DS + " = 0 at " + pct(at(crossS));
            boolean onR = at(r) < mid ? at(r) <= at(crossS) : at(r) >= at(crossS);
            b.vertical(at(crossS), onR ? "" : text, 1);
            b.vertical(at(r), onR ? text : "", 2);
        } else {
            crossingMarker(b, crossS, DS, 1);
            crossingMarker(b, r, DR, 2);
        }
        return b.build();
    }

    /** Crossing lines closer than this fraction of the q range share one label (a label is about 0.3 wide). */
    private static final double CLOSE = 0.32;

    private static double at(ZeroCrossing c) {
        return c.interpolated() != null ? c.interpolated() : c.gridQ();
    }

    private static double min(double[] q) {
        double lo = Double.POSITIVE_INFINITY;
        for (double v : q) {
            lo = Math.min(lo, v);
        }
        return q.length == 0 ? 0 : lo;
    }

    private static double max(double[] q) {
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : q) {
            hi = Math.max(hi, v);
        }
        return q.length == 0 ? 1 : hi;
    }

    private static void crossingMarker(FigureSpec.Builder b, ZeroCrossing c, String name, int colour) {
        if (c == null) {
            return;
        }
        double at = c.interpolated() != null ? c.interpolated() : c.gridQ();
        b.vertical(at, name + " = 0 at q = " + pct(at), colour);
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
        FigureSpec.Builder b = FigureSpec.builder(title).axes("index i", "singular value σ_i", null)
                .series("σ_i", i, s, FigureSpec.Axis.LEFT, FigureSpec.Look.STEMS, 0, false);
        if (r.muHat() != null && sv.size() > 1) {
            b.series("μ̂ = σ_2 = " + num(r.muHat()), new double[] {2}, new double[] {r.muHat()}, FigureSpec.Axis.LEFT,
                    FigureSpec.Look.POINTS, 1, false);
        }
        if (r.representation() == Representation.UNWEIGHTED && r.deltaR() != null) {
            double bound = r.deltaR() + r.muHat();
            b.horizontal(bound, FigureSpec.Axis.LEFT, "√(d_L−1)+√(d_R−1) = " + num(bound), 2, true);
        }
        if (r.deltaS() != null) {
            double bound = r.deltaS() + r.muHat();
            b.horizontal(bound, FigureSpec.Axis.LEFT, "2√(μ_0−1) = " + num(bound), 1, true);
        }
        return b.build();
    }

    /**
     * The gaps panel: Delta_S and Delta_R (unweighted) and the weighted Delta_S against q, the zero line, the
     * first crossings, and the current q.
     */
    public static FigureSpec gaps(List<SweepPoint> pts, GraphId graph, double currentQ, String title) {
        double[] q = qs(pts);
        SweepPoint.Key u = new SweepPoint.Key(graph, Representation.UNWEIGHTED);
        SweepPoint.Key w = new SweepPoint.Key(graph, Representation.WEIGHTED);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "gap", null).xDescending(true)
                .series(DS, q, values(pts, u, LayerAnalysisResult::deltaS), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 1, false)
                .series(DR, q, values(pts, u, LayerAnalysisResult::deltaR), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 2, false)
                .series(DS + " (weighted)", q, values(pts, w, LayerAnalysisResult::deltaS), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE, 3, true)
                .horizontal(0, FigureSpec.Axis.LEFT, "", -1, false);
        List<Double> grid = grid(pts);
        ZeroCrossing dr = ZeroCrossing.first(grid, boxed(values(pts, u, LayerAnalysisResult::deltaR)));
        crossingMarker(b, dr, DR, 2);
        b.marker(new FigureSpec.Marker(currentQ, true, FigureSpec.Axis.LEFT, "q = " + pct(currentQ), -1, false));
        return b.build();
    }

    /** The Cheeger panel: lower bound, sweep-cut upper bound and (on small graphs) the exact constant against q. */
    public static FigureSpec cheeger(List<SweepPoint> pts, GraphId graph, Representation rep, double currentQ,
                                     String title) {
        double[] q = qs(pts);
        SweepPoint.Key k = new SweepPoint.Key(graph, rep);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "edge expansion h(G)", null).xDescending(true)
                .series("lower bound max(λ_2/2, (d_min−μ̂)/2)", q, values(pts, k, LayerAnalysisResult::cheegerLower),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 4, false)
                .series("sweep cut (upper bound)", q, values(pts, k, LayerAnalysisResult::sweepCutRatio),
                        FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 5, false);
        double[] exact = values(pts, k, LayerAnalysisResult::cheegerExact);
        boolean anyExact = false;
        for (double v : exact) {
            anyExact |= !Double.isNaN(v);
        }
        if (anyExact) {
            b.series("exact h(G)", q, exact, FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 6, true);
        }
        b.marker(new FigureSpec.Marker(currentQ, true, FigureSpec.Axis.LEFT, "q = " + pct(currentQ), -1, false));
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
        double[] q = qs(pts);
        FigureSpec.Builder b = FigureSpec.builder(title).axes(Q_AXIS, "test accuracy (%)", null).xDescending(true)
                .series("accuracy (test subset)", q, accuracy(pts), FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 0, false);
        if (current != null) {
            b.series("current", new double[] {currentQ}, new double[] {100 * current}, FigureSpec.Axis.LEFT,
                    FigureSpec.Look.POINTS, 1, false);
        }
        if (dense != null) {
            b.horizontal(100 * dense, FigureSpec.Axis.LEFT, "dense " + String.format(Locale.ROOT, "%.2f %%",
                    100 * dense), -1, true);
        }
        if (stoppingQ != null) {
            b.vertical(stoppingQ, "stop at q = " + pct(stoppingQ), 2);
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
}
