package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The analysed steps of the current path of edits and what they say about the Ramanujan property: the step at
 * which it was last lost, whether the shown state has it, whether the last step just lost it, and the call-out.
 * Part of {@link ClassroomViewModel}, which exposes the properties.
 */
final class RamanujanTrace {

    final ReadOnlyObjectWrapper<List<TracePoint>> trace = new ReadOnlyObjectWrapper<>(List.of());
    final ReadOnlyObjectWrapper<Integer> lostAt = new ReadOnlyObjectWrapper<>();
    final ReadOnlyObjectWrapper<Boolean> ramanujan = new ReadOnlyObjectWrapper<>();
    final ReadOnlyBooleanWrapper justLost = new ReadOnlyBooleanWrapper();
    final ReadOnlyStringWrapper callout = new ReadOnlyStringWrapper("");

    void clear() {
        trace.set(List.of());
    }

    /** Records {@code g} as step {@code k}, dropping the steps at and after k of an abandoned path. */
    void add(int k, GraphState g) {
        List<TracePoint> t = new ArrayList<>();
        for (TracePoint p : trace.get()) {
            if (p.step() < k) {
                t.add(p);
            }
        }
        t.add(TracePoint.of(k, g));
        trace.set(List.copyOf(t));
    }

    /**
     * Re-reads the trace for the shown state.
     *
     * @param g          the shown state
     * @param weighted   the weighted view (Delta_S of |W| decides) or not (Delta_R decides)
     * @param step       the current step
     * @param lastAction the action that led here, or null
     */
    void update(GraphState g, boolean weighted, int step, String lastAction) {
        Integer lost = null;
        boolean positive = false;
        for (TracePoint p : trace.get()) {
            Double gap = p.gap(weighted);
            if (gap != null && gap > 0) {
                positive = true;
                lost = null;
            } else if (positive && lost == null) {
                lost = p.step();
            }
        }
        Double gap = g.gap(weighted);
        boolean isRamanujan = gap != null && gap > 0;
        lostAt.set(lost);
        ramanujan.set(isRamanujan);
        justLost.set(!isRamanujan && lost != null && lost == step);
        callout.set(Callouts.text(g, weighted, step, lost, lastAction));
    }
}
