package org.expanderexplorer.ui.chart;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.expanderexplorer.core.report.Charts;

/**
 * The tooltips of a chart panel: the legend entries, data points and reference lines of the image on screen, as
 * recorded when it was drawn ({@link Charts.Rendering#hovers()}), each with its text (a line's tooltip says what
 * the line means). Where several overlap the smallest wins, so a point on a line shows the point. The tooltip
 * follows the mouse instead of being shown anew, and shows the panel's hint (if any) over empty plot.
 */
final class ChartHover {

    private static final Duration DELAY = Duration.millis(350);

    private final Region panel;
    private final Tooltip tip = new Tooltip();
    private final PauseTransition wait = new PauseTransition(DELAY);
    private List<Charts.Hover> hovers = List.of();
    private String hint;
    private double screenX;
    private double screenY;

    ChartHover(Region panel) {
        this.panel = panel;
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        wait.setOnFinished(e -> show());
        panel.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        panel.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
        panel.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> hide());
    }

    void setHovers(List<Charts.Hover> h) {
        hovers = h;
    }

    void setHint(String text) {
        hint = text;
    }

    /** The text at a point of the panel: the smallest hover area holding it, else the hint, else null. */
    private String textAt(double x, double y) {
        Charts.Hover best = null;
        double bestArea = Double.POSITIVE_INFINITY;
        for (Charts.Hover h : hovers) {
            if (h.area().contains(x, y)) {
                var b = h.area().getBounds2D();
                double area = b.getWidth() * b.getHeight();
                if (area < bestArea) {
                    best = h;
                    bestArea = area;
                }
            }
        }
        return best != null ? best.text() : hint;
    }

    private void moved(MouseEvent e) {
        String text = textAt(e.getX(), e.getY());
        screenX = e.getScreenX() + 14;
        screenY = e.getScreenY() + 18;
        if (text == null) {
            hide();
            return;
        }
        tip.setText(text);
        if (tip.isShowing()) {
            tip.setAnchorX(screenX);
            tip.setAnchorY(screenY);
        } else {
            wait.playFromStart();
        }
    }

    private void show() {
        if (panel.getScene() != null && panel.getScene().getWindow() != null && panel.isHover()) {
            tip.show(panel, screenX, screenY);
        }
    }

    private void hide() {
        wait.stop();
        tip.hide();
    }
}
