package org.expanderexplorer.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The side panels of the window (the explorer's model and pruning controls, the classroom's controls, the
 * explanation): each scrolls vertically when the window is too short for it, wraps its text to its width, and
 * takes at most a share of the window's width, so at a large presentation scale on a small screen the graph and
 * the charts keep their room (docs/decisions/0015).
 */
public final class SidePanels {

    /** The largest share of the window's width a side panel takes when it is the only one. */
    public static final double MAX_SHARE = 0.32;
    /**
     * The largest share of each of two side panels shown at once (the classroom's controls and the explanation):
     * at 200 % on a 1024 x 768 projector two panels of 32 % left the graph 370 px, too narrow for its toolbar.
     */
    public static final double PAIR_SHARE = 0.25;

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

    /**
     * Limits {@code side}, a side panel of {@code root}, to {@link #MAX_SHARE} of the root's width, or to
     * {@link #PAIR_SHARE} while the root shows a panel on its left and on its right (its content wraps to fit).
     */
    public static <T extends Region> T capped(T side, BorderPane root) {
        side.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.floor(root.getWidth()
                        * (root.getLeft() != null && root.getRight() != null ? PAIR_SHARE : MAX_SHARE)),
                root.widthProperty(), root.leftProperty(), root.rightProperty()));
        side.setMinWidth(0);
        return side;
    }
}
