package org.expanderexplorer.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;

/** The screen a window is on, and sizes of secondary windows that fit on it. */
public final class Screens {

    private Screens() {
    }

    /** The visual bounds of the screen showing most of {@code w}, or of the primary screen. */
    public static Rectangle2D visualBoundsOf(Window w) {
        if (w != null && w.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /** {@code width} x {@code height}, made at most {@code share} of each side of {@code screen}. */
    public static double[] fit(Rectangle2D screen, double width, double height, double share) {
        return new double[] {Math.min(width, Math.floor(screen.getWidth() * share)),
            Math.min(height, Math.floor(screen.getHeight() * share))};
    }
}
