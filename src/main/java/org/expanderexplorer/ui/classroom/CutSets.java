package org.expanderexplorer.ui.classroom;

import java.util.List;
import java.util.Locale;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * The Cheeger set shown on the graph: an optimal set of the exact constant when the graph is small enough to
 * enumerate (at most 24 vertices), the sweep cut's set otherwise. Labels L3 / R5 name rows and columns, which
 * are the drawing's vertices 3 and rows + 5.
 */
final class CutSets {

    private CutSets() {
    }

    /** The set as flags per drawing vertex, or null when nothing is to be shown. */
    static boolean[] highlight(GraphState g, boolean weighted, boolean show) {
        if (g == null || !show) {
            return null;
        }
        List<String> labels = labels(g.shown(weighted));
        if (labels.isEmpty()) {
            return null;
        }
        int rows = g.source().dense().rows();
        boolean[] hl = new boolean[g.drawing().vertexCount()];
        for (String l : labels) {
            int idx = Integer.parseInt(l.substring(1));
            hl[l.charAt(0) == 'L' ? idx : rows + idx] = true;
        }
        return hl;
    }

    /** True when the shown set is an optimal one (exact), false for the sweep cut. */
    static boolean exact(LayerAnalysisResult r) {
        return r.cheegerExact() != null && !r.cheegerExactSet().isEmpty();
    }

    static List<String> labels(LayerAnalysisResult r) {
        return exact(r) ? r.cheegerExactSet() : r.sweepCutSet();
    }

    /** One sentence for the caption. */
    static String describe(GraphState g, boolean weighted) {
        LayerAnalysisResult r = g.shown(weighted);
        List<String> s = labels(r);
        if (s.isEmpty()) {
            return "";
        }
        double ratio = exact(r) ? r.cheegerExact() : r.sweepCutRatio();
        double cut = ratio * s.size();
        String cutText = weighted ? String.format(Locale.ROOT, "cut weight %.3f", cut)
                : String.format(Locale.ROOT, "%d cut edges", Math.round(cut));
        return (exact(r) ? "Orange: optimal Cheeger set S" : "Orange: sweep-cut set S")
                + String.format(Locale.ROOT, ", |S| = %d, %s, ", s.size(), cutText)
                + (exact(r) ? "h(G) = " : "ratio ") + String.format(Locale.ROOT, "%.3f", ratio)
                + (exact(r) ? "." : " ≥ h(G).");
    }
}
