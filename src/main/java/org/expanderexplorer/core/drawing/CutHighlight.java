package org.expanderexplorer.core.drawing;

import java.util.HashSet;
import java.util.Set;

/**
 * Maps the sweep-cut set of the selected layer graph (labels L3, R17 by original matrix index) onto the drawing:
 * for a plain matrix directly; for the unfolded view, onto the first step of the window (left vertices are
 * x_1 for ih and h_0 for hh, right vertices are h_1's units, gate pre-activations folded onto their unit).
 */
public final class CutHighlight {

    private CutHighlight() {
    }

    public static boolean[] of(Snapshot s) {
        if (s == null) {
            return null;
        }
        Set<String> wanted = new HashSet<>();
        var kind = s.request().graph().kind();
        int hidden = s.request().subject().isLayer() ? s.request().subject().hiddenToHidden().rows() : 0;
        int inputs = s.request().subject().inputToHidden().rows();
        for (String label : s.shown().sweepCutSet()) {
            int idx = Integer.parseInt(label.substring(1));
            boolean left = label.charAt(0) == 'L';
            switch (kind) {
                case MATRIX -> wanted.add(label);
                case IH -> wanted.add(left ? "x1[" + idx + "]" : "h1[" + idx % hidden + "]");
                case HH -> wanted.add(left ? "h0[" + idx + "]" : "h1[" + idx % hidden + "]");
                default -> wanted.add(left ? (idx < inputs ? "x1[" + idx + "]" : "h0[" + (idx - inputs) + "]")
                        : "h1[" + idx % hidden + "]");
            }
        }
        GraphDrawing d = s.drawing();
        boolean[] hl = new boolean[d.vertexCount()];
        for (int v = 0; v < hl.length; v++) {
            hl[v] = wanted.contains(d.labels()[v]);
        }
        return hl;
    }
}
