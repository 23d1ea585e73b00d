package org.expanderexplorer.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;

/**
 * A finished sweep: its points, the first zero crossing of each gap per graph and representation, and the
 * stopping rule's answer.
 *
 * @param config     what was computed
 * @param points     one per q, from 100 % down
 * @param crossings  per monitored graph and representation, the first crossing of each gap
 * @param stopping   the stopping rule over all monitored graphs (unweighted Delta_R, else Delta_S), or null
 *                   when no gap crossed zero on the grid
 * @param millis     total time
 * @param reach      where a ramanujan sweep stopped because no block could lose another edge with its gap
 *                   positive, or null when it did not stop (and for the other methods)
 */
public record SweepResult(SweepConfig config, List<SweepPoint> points, Map<SweepPoint.Key, Crossings> crossings,
                          Stopping stopping, long millis, Reach reach) {

    /**
     * The end of a ramanujan sweep: q values below {@code lowestReachableQ} cannot be reached with every monitored
     * gap positive, so the sweep measured the lowest reachable q (its last point, unless the point before was
     * already there) and left out the rest of the grid.
     *
     * @param askedQ           the first grid q that could not be reached
     * @param lowestReachableQ the lowest reachable q
     * @param skipped          grid points left out (the asked one included)
     */
    public record Reach(double askedQ, double lowestReachableQ, int skipped) {
    }

    /** First zero crossings of the gaps of one graph in one representation (null where a gap never crossed). */
    public record Crossings(ZeroCrossing deltaR, ZeroCrossing deltaS) {
    }

    /**
     * The stopping rule: the first q, going down, at which a monitored gap becomes &lt;= 0.
     *
     * @param atQ         the grid q of that first crossing
     * @param recommended the last grid q before it (all monitored gaps still positive), or null
     * @param graph       the graph that crossed first
     * @param gap         which gap ("deltaR" or "deltaS")
     */
    public record Stopping(double atQ, Double recommended, SweepPoint.Key graph, String gap) {
    }

    public SweepResult {
        points = List.copyOf(points);
        crossings = Map.copyOf(crossings);
    }

    static SweepResult of(SweepConfig config, List<SweepPoint> points, long millis, Reach reach) {
        List<Double> qs = new ArrayList<>();
        for (SweepPoint p : points) {
            qs.add(p.keepPercent());
        }
        Map<SweepPoint.Key, Crossings> crossings = new LinkedHashMap<>();
        Stopping stop = null;
        for (GraphId g : config.graphs()) {
            for (Representation rep : Representation.values()) {
                if (!config.representations().contains(rep)) {
                    continue;
                }
                SweepPoint.Key key = new SweepPoint.Key(g, rep);
                ZeroCrossing dr = rep == Representation.UNWEIGHTED
                        ? ZeroCrossing.first(qs, series(points, key, LayerAnalysisResult::deltaR)) : null;
                ZeroCrossing ds = ZeroCrossing.first(qs, series(points, key, LayerAnalysisResult::deltaS));
                crossings.put(key, new Crossings(dr, ds));
                // the paper's unweighted figures monitor Delta_R; the weighted ones Delta_S
                ZeroCrossing monitored = rep == Representation.UNWEIGHTED ? dr : ds;
                if (monitored != null && (stop == null || monitored.gridQ() > stop.atQ())) {
                    stop = new Stopping(monitored.gridQ(), monitored.lastPositiveQ(), key,
                            rep == Representation.UNWEIGHTED ? "deltaR" : "deltaS");
                }
            }
        }
        return new SweepResult(config, points, crossings, stop, millis, reach);
    }

    /** The values of one quantity of one graph across the grid (null where undefined or not monitored). */
    public static List<Double> series(List<SweepPoint> points, SweepPoint.Key key,
                                      Function<LayerAnalysisResult, Double> quantity) {
        List<Double> out = new ArrayList<>();
        for (SweepPoint p : points) {
            LayerAnalysisResult r = p.results().get(key);
            out.add(r == null ? null : quantity.apply(r));
        }
        return out;
    }

    /** The grid q values. */
    public List<Double> grid() {
        List<Double> qs = new ArrayList<>();
        for (SweepPoint p : points) {
            qs.add(p.keepPercent());
        }
        return qs;
    }
}
