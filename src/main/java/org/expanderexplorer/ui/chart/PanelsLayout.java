package org.expanderexplorer.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import org.expanderexplorer.core.report.ChartChrome;
import org.expanderexplorer.core.report.FigureStyle;

/**
 * The centre of the window, the graph and the chart panels, arranged so that every plot shown keeps at least
 * {@link #MIN_PLOT} pixels each way, whatever the window size and the presentation scale (docs/decisions/0015):
 *
 * <ul>
 *   <li>side by side: the graph, and the charts in a column beside it; as many charts stacked as fit, the rest
 *       as tabs in the last place of the column (all of them as tabs when not even two fit);</li>
 *   <li>tabs: when the graph and a chart column do not fit side by side, the graph and each chart get a tab of
 *       their own.</li>
 * </ul>
 *
 * The arrangement depends only on the space and the style's scale (chart sizes come from {@link ChartChrome}, an
 * upper bound that does not look at the data), never on what the charts show, so it does not change while the
 * slider moves. It is re-chosen in each layout pass and rebuilt only when it changes; the selected tab survives.
 */
public final class PanelsLayout extends Region {

    /** The smallest plot, each way, in logical pixels. */
    public static final double MIN_PLOT = 150;
    /** Width of a split pane's divider (the stylesheet's padding and modena's divider). */
    static final double DIVIDER = 8;

    /** The two arrangements. */
    public enum Mode { SIDE_BY_SIDE, TABS }

    /**
     * An arrangement.
     *
     * @param mode    side by side or tabs
     * @param stacked side by side: charts stacked in the column, the last place holding the others as tabs when
     *                fewer than all fit (1: every chart a tab)
     * @param column  side by side: the chart column's width the arrangement was chosen for
     */
    public record Arrangement(Mode mode, int stacked, double column) {
        /** The same arrangement, whatever the column width. */
        boolean sameAs(Arrangement o) {
            return o != null && o.mode == mode && o.stacked == stacked;
        }
    }

    private final Region graph;
    private final Region canvas;
    private final String graphName;
    private final List<ChartPanel> charts;
    private final List<String> names;
    private final ObservableValue<FigureStyle> style;
    private final double graphShare;
    private Arrangement current;
    private SplitPane centreSplit;
    private final List<TabPane> tabPanes = new ArrayList<>();

    /**
     * @param graph      the graph's pane (canvas with its bars)
     * @param canvas     the canvas inside it, which must keep the minimum plot size
     * @param graphName  the graph's tab name
     * @param charts     the chart panels, in order
     * @param names      their tab names
     * @param style      the figure style (its scale sizes the charts)
     * @param graphShare the graph's share of the width side by side, before the user moves the divider
     */
    public PanelsLayout(Region graph, Region canvas, String graphName, List<ChartPanel> charts, List<String> names,
                        ObservableValue<FigureStyle> style, double graphShare) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.canvas = Objects.requireNonNull(canvas, "canvas");
        this.graphName = graphName;
        this.charts = List.copyOf(charts);
        this.names = List.copyOf(names);
        if (names.size() != charts.size()) {
            throw new IllegalArgumentException(charts.size() + " charts, " + names.size() + " names");
        }
        this.style = style;
        this.graphShare = graphShare;
        style.addListener((o, a, b) -> requestLayout());
    }

    /** The arrangement on screen now (null before the first layout). */
    public Arrangement arrangement() {
        return current;
    }

    /** Height of a tab pane's header row at the scale of {@code style}. */
    static double tabHeader(FigureStyle style) {
        return 13 * style.scale() * 2.2 + 10;
    }

    /**
     * The arrangement for a centre of {@code width} x {@code height}.
     *
     * @param graphMinWidth  the graph pane's smallest width
     * @param graphExtra     the graph pane's height beyond its canvas (bars, captions)
     * @param columnWidth    the chart column's width side by side, or NaN for the width the layout would give it
     */
    static Arrangement choose(double width, double height, double graphMinWidth, double graphExtra,
                              double columnWidth, FigureStyle style, int charts, double graphShare) {
        double chartMinWidth = ChartChrome.minWidth(style, MIN_PLOT);
        double graphMin = Math.max(graphMinWidth, MIN_PLOT);
        if (width < graphMin + chartMinWidth + DIVIDER || height < graphExtra + MIN_PLOT) {
            return new Arrangement(Mode.TABS, 0, 0);
        }
        double column = Double.isNaN(columnWidth) ? intendedColumn(width, graphMin, chartMinWidth, graphShare)
                : Math.max(chartMinWidth, columnWidth);
        double chart = ChartChrome.minHeight(style, column, MIN_PLOT);
        double header = tabHeader(style);
        for (int k = charts; k >= 1; k--) {
            boolean tabs = k < charts;
            double needed = (k - 1) * (chart + DIVIDER) + chart + (tabs ? header : 0);
            if (needed <= height) {
                return new Arrangement(Mode.SIDE_BY_SIDE, k, column);
            }
        }
        return new Arrangement(Mode.TABS, 0, 0);
    }

    private static double intendedColumn(double width, double graphMin, double chartMin, double graphShare) {
        double column = (1 - graphShare) * width - DIVIDER;
        return Math.max(chartMin, Math.min(column, width - graphMin - DIVIDER));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double graphExtra = Math.max(0, graph.prefHeight(w) - canvas.prefHeight(w));
        double column = Double.NaN;
        if (current != null && current.mode() == Mode.SIDE_BY_SIDE && centreSplit != null
                && centreSplit.getWidth() > 0) {
            column = (1 - centreSplit.getDividerPositions()[0]) * centreSplit.getWidth() - DIVIDER;
        }
        FigureStyle s = style.getValue();
        Arrangement next = choose(w, h, graph.minWidth(-1), graphExtra, column, s, charts.size(), graphShare);
        if (!next.sameAs(current)) {
            rebuild(next, w, s);
        }
        current = next;
        // side by side the split panes keep each chart at the size whose plot is readable at this column width
        setChartMins(next.mode() == Mode.TABS ? 0 : ChartChrome.minWidth(s, MIN_PLOT),
                next.mode() == Mode.TABS ? 0 : ChartChrome.minHeight(s, next.column(), MIN_PLOT));
        for (Node n : getChildren()) {
            n.resizeRelocate(0, 0, w, h);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    private String selectedName() {
        for (TabPane t : tabPanes) {
            Tab sel = t.getSelectionModel().getSelectedItem();
            if (sel != null && t.getScene() != null) {
                return sel.getText();
            }
        }
        return null;
    }

    private void rebuild(Arrangement a, double width, FigureStyle s) {
        String selected = selectedName();
        // take every panel out of its old container first: a node may sit in one place only
        for (TabPane t : tabPanes) {
            t.getTabs().forEach(tab -> tab.setContent(null));
            t.getTabs().clear();
        }
        tabPanes.clear();
        if (centreSplit != null) {
            centreSplit.getItems().clear();
        }
        getChildren().clear();
        double chartMinWidth = ChartChrome.minWidth(s, MIN_PLOT);
        Node content;
        if (a.mode() == Mode.TABS) {
            TabPane all = tabs(selected);
            all.getTabs().add(tab(graphName, graph));
            for (int i = 0; i < charts.size(); i++) {
                all.getTabs().add(tab(names.get(i), charts.get(i)));
            }
            select(all, selected);
            centreSplit = null;
            content = all;
        } else {
            SplitPane column = new SplitPane();
            column.setOrientation(Orientation.VERTICAL);
            int k = a.stacked();
            for (int i = 0; i < k - 1 || (k == charts.size() && i < k); i++) {
                column.getItems().add(charts.get(i));
            }
            if (k < charts.size()) {
                TabPane rest = tabs(selected);
                for (int i = k - 1; i < charts.size(); i++) {
                    rest.getTabs().add(tab(names.get(i), charts.get(i)));
                }
                select(rest, selected);
                column.getItems().add(rest);
            }
            double[] positions = new double[column.getItems().size() - 1];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = (i + 1.0) / column.getItems().size();
            }
            centreSplit = new SplitPane(graph, column);
            double graphShareNow = 1 - (intendedColumn(width, Math.max(graph.minWidth(-1), MIN_PLOT), chartMinWidth,
                    graphShare) + DIVIDER) / Math.max(1, width);
            centreSplit.setDividerPositions(graphShareNow);
            column.setDividerPositions(positions);
            // a split pane whose items just changed resets its dividers in its first layout: set them again after
            SplitPane split = centreSplit;
            Platform.runLater(() -> {
                split.setDividerPositions(graphShareNow);
                column.setDividerPositions(positions);
            });
            content = centreSplit;
        }
        SplitPane.setResizableWithParent(graph, true);
        current = a;
        getChildren().add(content);
        content.applyCss();
    }

    /** Side by side the split panes keep the charts at their smallest readable size when a divider is moved. */
    private void setChartMins(double w, double h) {
        for (ChartPanel c : charts) {
            c.setMinSize(Math.max(ChartPanel.SMALLEST, w), Math.max(ChartPanel.SMALLEST, h));
        }
        graph.setMinWidth(w == 0 ? Region.USE_COMPUTED_SIZE : MIN_PLOT);
    }

    private TabPane tabs(String selected) {
        TabPane t = new TabPane();
        t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabPanes.add(t);
        return t;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        return t;
    }

    private static void select(TabPane t, String name) {
        for (Tab tab : t.getTabs()) {
            if (tab.getText().equals(name)) {
                t.getSelectionModel().select(tab);
            }
        }
    }
}
