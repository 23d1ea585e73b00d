package org.expanderexplorer.ui.common;

/** Every style-class name of the application stylesheet {@code explorer.css}, in one place. */
public final class StyleClasses {

    public static final String STYLESHEET = "/org/expanderexplorer/ui/explorer.css";

    public static final String THEME_DARK = "theme-dark";
    public static final String THEME_CONTRAST = "theme-contrast";
    public static final String SIDE_PANEL = "side-panel";
    public static final String SIDE_SCROLL = "side-scroll";
    public static final String SECTION_TITLE = "section-title";
    public static final String MODEL_SUMMARY = "model-summary";
    public static final String Q_SLIDER = "q-slider";
    public static final String Q_VALUE = "q-value";
    public static final String CHART_PANEL = "chart-panel";
    public static final String GRAPH_VIEW = "graph-view";
    public static final String GRAPH_CAPTION = "graph-caption";
    public static final String SPREAD_VIEW = "spread-view";
    public static final String SPREAD_SHOWN = "spread-shown";
    public static final String SPREAD_PENDING = "spread-pending";
    public static final String MATRIX_VIEW = "matrix-view";
    public static final String NUMBERS_STRIP = "numbers-strip";
    public static final String METRIC_NAME = "metric-name";
    public static final String METRIC_VALUE = "metric-value";
    public static final String BAD = "bad";
    public static final String GOOD = "good";
    public static final String STATUS_TEXT = "status-text";
    public static final String ERROR_TEXT = "error-text";
    public static final String EXPLANATION = "explanation";
    public static final String FORMULA = "formula";

    // classroom mode
    public static final String SCALE_150 = "scale-150";
    public static final String SCALE_200 = "scale-200";
    public static final String CALLOUT = "callout";
    public static final String CLASSROOM_TOOLBAR = "classroom-toolbar";
    public static final String CLASSROOM_CONTROLS = "classroom-controls";
    public static final String EXPLANATION_TITLE = "explanation-title";
    public static final String EXPLANATION_PLUGGED = "explanation-plugged";
    public static final String COMPARE_TABLE = "compare-table";

    private StyleClasses() {
    }
}
