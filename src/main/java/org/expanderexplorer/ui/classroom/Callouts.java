package org.expanderexplorer.ui.classroom;

import java.util.Locale;

/** The call-out line about the Ramanujan property of the shown state. */
final class Callouts {

    private Callouts() {
    }

    /**
     * @param g          the shown state
     * @param weighted   weighted view (Delta_S of |W| decides) or not (Delta_R decides)
     * @param step       the current step
     * @param lost       the step at which the graph last stopped being Ramanujan, or null
     * @param lastAction the action that led to this step, or null
     */
    static String text(GraphState g, boolean weighted, int step, Integer lost, String lastAction) {
        Double gap = g.gap(weighted);
        String name = gapName(weighted);
        String formula = weighted ? "2√(μ_0−1) − μ̂" : "√(d_L−1) + √(d_R−1) − μ̂";
        if (gap != null && gap > 0) {
            return "Ramanujan: " + name + " = " + fmt(gap) + " > 0.";
        }
        String value = gap == null ? name + " is undefined (" + (weighted ? "μ_0 < 1" : "an average degree is below 1")
                + ")" : name + " = " + formula + " = " + fmt(gap) + " ≤ 0";
        if (lost != null && lost == step && step > 0) {
            // the action without its details ("removed L7–R10"), to keep the call-out short
            String action = lastAction == null ? "" : " (" + lastAction.split(" \\(")[0] + ")";
            return "Step " + step + action + ": " + value + ". No longer Ramanujan!";
        }
        if (lost != null) {
            return "Not Ramanujan since step " + lost + ": " + value + ".";
        }
        return "Not Ramanujan: " + value + ".";
    }

    /** The view's name of the deciding gap. */
    static String gapName(boolean weightedView) {
        return weightedView ? "Δ_S (weighted)" : "Δ_R";
    }

    /**
     * A number as the classroom shows it (three decimals). It lives here, in the leaf that writes the call-outs,
     * so that the call-outs need nothing of the ViewModel that owns them.
     */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
