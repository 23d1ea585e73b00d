package org.expanderexplorer.ui;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: on the screen it was last on (or the primary screen), inside that screen's visual bounds
 * (the screen less its panels and docks), never larger than them, never off them, and at least the window's
 * minimum size where the screen allows it. Pure geometry, so it is tested without a screen; {@link ExplorerApp}
 * applies it to the stage before showing it, which is also what keeps the window on screen without a window
 * manager (nothing else would move it).
 *
 * <p>First start: a screen up to {@link #FILL_WIDTH} x {@link #FILL_HEIGHT} (a classroom projector, a laptop) is
 * filled; a larger one gets a centred window of {@link #SHARE} of it.
 */
public final class WindowPlacement {

    /** Screens up to this size are filled on first start. */
    static final double FILL_WIDTH = 1600;
    static final double FILL_HEIGHT = 1000;
    /** Share of each side of a larger screen on first start. */
    static final double SHARE = 0.85;
    /** The window's minimum size (smaller screens get their whole visual bounds). */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    /** A saved window counts as on a screen when this much of it (each way) lies on that screen. */
    private static final double ON_SCREEN = 120;

    /**
     * The window's bounds (outer, with any decorations) and state.
     *
     * @param maximized maximise after placing (it was maximised when last closed)
     */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
        public Rectangle2D rectangle() {
            return new Rectangle2D(x, y, width, height);
        }
    }

    private WindowPlacement() {
    }

    /**
     * @param screens the screens' visual bounds, the primary first; not empty
     * @param saved   the bounds the window had when last closed, or null
     */
    public static Bounds place(List<Rectangle2D> screens, Bounds saved) {
        Objects.requireNonNull(screens, "screens");
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screen");
        }
        Rectangle2D screen = saved == null ? null : screenOf(screens, saved);
        if (screen == null) {
            Rectangle2D p = screens.get(0);
            if (p.getWidth() <= FILL_WIDTH || p.getHeight() <= FILL_HEIGHT) {
                return new Bounds(p.getMinX(), p.getMinY(), p.getWidth(), p.getHeight(), false);
            }
            double w = Math.max(MIN_WIDTH, Math.round(p.getWidth() * SHARE));
            double h = Math.max(MIN_HEIGHT, Math.round(p.getHeight() * SHARE));
            return new Bounds(p.getMinX() + Math.floor((p.getWidth() - w) / 2),
                    p.getMinY() + Math.floor((p.getHeight() - h) / 2), w, h, false);
        }
        double w = clamp(saved.width(), Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth());
        double h = clamp(saved.height(), Math.min(MIN_HEIGHT, screen.getHeight()), screen.getHeight());
        double x = clamp(saved.x(), screen.getMinX(), screen.getMaxX() - w);
        double y = clamp(saved.y(), screen.getMinY(), screen.getMaxY() - h);
        return new Bounds(x, y, w, h, saved.maximized());
    }

    /** The screen holding most of the saved window, if a fair part of it lies on one. */
    private static Rectangle2D screenOf(List<Rectangle2D> screens, Bounds saved) {
        Rectangle2D best = null;
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double w = Math.min(s.getMaxX(), saved.x() + saved.width()) - Math.max(s.getMinX(), saved.x());
            double h = Math.min(s.getMaxY(), saved.y() + saved.height()) - Math.max(s.getMinY(), saved.y());
            if (w >= Math.min(ON_SCREEN, saved.width()) && h >= Math.min(ON_SCREEN, saved.height())
                    && w * h > bestArea) {
                best = s;
                bestArea = w * h;
            }
        }
        return best;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
