package org.expanderexplorer.ui.classroom;

import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;

/** Test helpers shared with the window test. */
public final class ClassroomPanelsTestAccess {

    private ClassroomPanelsTestAccess() {
    }

    /** The x (pixels) at which a chart drawn at width x height shows {@code value}. */
    public static double columnOf(double value, FigureSpec spec, FigureStyle style, int width, int height) {
        return ClassroomPanelsTest.columnOf(value, spec, style, width, height);
    }
}
