package org.expanderexplorer.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.Figures;
import org.expanderexplorer.core.report.SweepTable;

/**
 * The paper's figure over several seeds: the mean of the accuracy (left axis) and of the gaps (right axis) against
 * q, each with a band from the smallest to the largest value over the seeds, and the first zero crossings of the
 * mean curves. Drawn by {@link Figures#sweep(String, Representation, double[], double[], double[], double[],
 * org.expanderexplorer.core.sweep.ZeroCrossing, org.expanderexplorer.core.sweep.ZeroCrossing)} with the means, so it
 * looks like a single sweep's figure with bands behind.
 *
 * <p>Why min-max and not mean +- one standard deviation: with three seeds a standard deviation is a poor estimate,
 * and the band then shows every seed's curve inside it (docs/decisions/0030).
 */
public final class SeedFigures {

    private SeedFigures() {
    }

    /** The figure of one graph in one representation. */
    public static FigureSpec sweep(SeedSummary summary, String graph, boolean weighted, String title) {
        List<Double> grid = summary.grid();
        double[] q = new double[grid.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = grid.get(i);
        }
        List<Spread> acc = summary.curve(graph, weighted, SweepTable.Row::accuracy);
        List<Spread> ds = summary.curve(graph, weighted, SweepTable.Row::deltaS);
        List<Spread> dr = weighted ? null : summary.curve(graph, weighted, SweepTable.Row::deltaR);
        Representation rep = weighted ? Representation.WEIGHTED : Representation.UNWEIGHTED;
        FigureSpec base = Figures.sweep(title, rep, q, values(acc, Spread::mean, 100), values(ds, Spread::mean, 1),
                dr == null ? null : values(dr, Spread::mean, 1),
                summary.meanCrossing(graph, weighted, SeedSummary.Gap.DELTA_S),
                weighted ? null : summary.meanCrossing(graph, weighted, SeedSummary.Gap.DELTA_R));
        int n = summary.seeds().size();
        List<FigureSpec.Series> series = new ArrayList<>();
        for (FigureSpec.Series s : base.series()) {
            series.add(new FigureSpec.Series(s.name() + " (mean)", s.x(), s.y(), s.axis(), s.look(),
                    s.colour(), s.dashed()));
        }
        List<FigureSpec.Band> bands = new ArrayList<>();
        if (hasAny(acc)) {
            bands.add(band("accuracy, min-max of " + n + " seeds", q, acc, 100, FigureSpec.Axis.LEFT, 0));
        }
        bands.add(band("Δ_S, min-max of " + n + " seeds", q, ds, 1, FigureSpec.Axis.RIGHT, 1));
        if (dr != null) {
            bands.add(band("Δ_R, min-max of " + n + " seeds", q, dr, 1, FigureSpec.Axis.RIGHT, 2));
        }
        return new FigureSpec(base.title(), base.xLabel(), base.leftLabel(), base.rightLabel(), base.xDescending(),
                base.xLog(), series, base.markers(), bands);
    }

    private static boolean hasAny(List<Spread> curve) {
        return curve.stream().anyMatch(s -> s.n() > 0);
    }

    private static FigureSpec.Band band(String name, double[] q, List<Spread> curve, double scale,
                                        FigureSpec.Axis axis, int colour) {
        return new FigureSpec.Band(name, q, values(curve, Spread::min, scale), values(curve, Spread::max, scale), axis,
                colour);
    }

    private static double[] values(List<Spread> curve, Function<Spread, Double> part, double scale) {
        double[] out = new double[curve.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = part.apply(curve.get(i));
            out[i] = v == null ? Double.NaN : scale * v;
        }
        return out;
    }
}
