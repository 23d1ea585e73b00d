package org.expanderexplorer.ui.common;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * The side panels of the window (the explorer's model and pruning controls, the classroom's controls, the
 * explanation): each scrolls vertically when the window is too short for it, wraps its text to its width, and
 * takes at most a share of the window's width, so at a large presentation scale on a small screen the graph and
 * the charts keep their room (docs/decisions/0015).
 */
public final class SidePanels {

    /** The largest share of the window's width a side panel takes. */
    public static final double MAX_SHARE = 0.28;

    private SidePanels() {
    }

    /** {@code content} in a vertical scroll pane that fits it to the pane's width. */
    public static ScrollPane scrolling(Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add(StyleClasses.SIDE_SCROLL);
        return s;
    }

    /** Limits {@code side} to {@link #MAX_SHARE} of {@code windowWidth} (its content wraps to fit). */
    public static <T extends Region> T capped(T side, ObservableDoubleValue windowWidth) {
        side.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.floor(windowWidth.get() * MAX_SHARE), windowWidth));
        side.setMinWidth(0);
        return side;
    }
}
