package org.expanderexplorer.ui.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The cells of a numbers strip: each metric is a name over a value, with a tooltip giving its definition, added
 * to the strip's pane in order; values are looked up by key. Shared by the explorer's and the classroom's strips,
 * whose panes lay the cells out differently (one row, or wrapping).
 */
public final class MetricCells {

    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Pane pane;
    private double tooltipWidth;
    private boolean undefinedGapIsBad;

    /** Cells added to {@code pane}'s children. */
    public MetricCells(Pane pane) {
        this.pane = pane;
    }

    /** Wraps the tooltips of the cells added from now on at this width (default: no wrapping); returns this. */
    public MetricCells wrapTooltipsAt(double width) {
        this.tooltipWidth = width;
        return this;
    }

    /** Shows an undefined gap as bad (default: uncoloured); returns this. */
    public MetricCells undefinedGapIsBad() {
        this.undefinedGapIsBad = true;
        return this;
    }

    /** Adds a cell showing "–" until set. */
    public void add(String key, String name, String tooltip) {
        Label n = new Label(name);
        n.getStyleClass().add(StyleClasses.METRIC_NAME);
        Label v = new Label("–");
        v.getStyleClass().add(StyleClasses.METRIC_VALUE);
        VBox box = new VBox(n, v);
        Tooltip t = new Tooltip(tooltip);
        t.setShowDelay(Duration.millis(300));
        if (tooltipWidth > 0) {
            t.setWrapText(true);
            t.setMaxWidth(tooltipWidth);
        }
        Tooltip.install(box, t);
        values.put(key, v);
        pane.getChildren().add(box);
    }

    /** The shown text of one metric. */
    public String text(String key) {
        return values.get(key).getText();
    }

    /** Shows {@code text} as the value of one metric. */
    public void set(String key, String text) {
        values.get(key).setText(text);
    }

    /** Shows a Ramanujan gap: good while positive, bad otherwise; undefined as set by {@link #undefinedGapIsBad}. */
    public void gap(String key, Double v) {
        Label l = values.get(key);
        l.setText(num(v));
        l.getStyleClass().removeAll(StyleClasses.BAD, StyleClasses.GOOD);
        if (v != null) {
            l.getStyleClass().add(v > 0 ? StyleClasses.GOOD : StyleClasses.BAD);
        } else if (undefinedGapIsBad) {
            l.getStyleClass().add(StyleClasses.BAD);
        }
    }

    /** Formats a value for the strip: 3 significant digits, "undef." for undefined. */
    public static String num(Double v) {
        if (v == null) {
            return "undef.";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a != 0 && (a < 0.01 || a >= 1e5) ? "%.3e" : "%.3f", v);
    }

    /**
     * {@link #num(Double)}, but 0 for a value below a billionth of {@code scale}: μ̂ of a complete graph computes as
     * 2.5e-13 next to μ_0 = 120, a zero in floating point, not a number to show.
     */
    public static String num(Double v, Double scale) {
        return v != null && scale != null && Math.abs(v) < 1e-9 * Math.abs(scale) ? num(0.0) : num(v);
    }

    /** Formats a count with thousands separators, e.g. "12,345". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Formats an accuracy (a fraction) as a percentage with 2 decimals, "–" when not measured. */
    public static String accuracy(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }
}
