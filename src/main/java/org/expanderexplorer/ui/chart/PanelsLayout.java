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
 * slider moves. It is re-chosen in each layout pass and rebuilt only when it changes; the tab the user chose last
 * stays selected.
 */
public final class PanelsLayout extends Region {

    /** The smallest plot, each way, in logical pixels. */
    public static final double MIN_PLOT = 150;
    /** Width of a split pane's divider (the stylesheet's padding and modena's divider). */
    static final double DIVIDER = PanelArrangement.DIVIDER;

    private final Region graph;
    private final Region canvas;
    private final String graphName;
    private final List<ChartPanel> charts;
    private final List<String> names;
    private final ObservableValue<FigureStyle> style;
    private final double graphShare;
    private PanelArrangement current;
    private SplitPane centreSplit;
    private SplitPane chartColumn;
    private final List<TabPane> tabPanes = new ArrayList<>();
    /** The tab the user chose last (kept across rearrangements), or null. */
    private String chosen;
    private boolean building;

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
    public PanelArrangement arrangement() {
        return current;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double graphExtra = Math.max(0, graph.prefHeight(w) - canvas.prefHeight(w));
        double column = Double.NaN;
        if (current != null && current.mode() == PanelArrangement.Mode.SIDE_BY_SIDE && centreSplit != null
                && centreSplit.getWidth() > 0) {
            column = (1 - centreSplit.getDividerPositions()[0]) * centreSplit.getWidth() - DIVIDER;
        }
        FigureStyle s = style.getValue();
        PanelArrangement next = PanelArrangement.choose(w, h, graph.minWidth(-1), graphExtra, column, s,
                charts.size(), graphShare);
        if (!next.sameAs(current)) {
            rebuild(next, w, s);
        }
        current = next;
        if (next.mode() == PanelArrangement.Mode.SIDE_BY_SIDE) {
            keepMinimums(w, s);
        }
        // side by side the split panes keep each chart at the size whose plot is readable at this column width
        boolean tabs = next.mode() == PanelArrangement.Mode.TABS;
        setChartMins(tabs ? 0 : ChartChrome.minWidth(s, MIN_PLOT),
                tabs ? 0 : ChartChrome.minHeight(s, next.column(), MIN_PLOT));
        for (Node n : getChildren()) {
            n.resizeRelocate(0, 0, w, h);
        }
    }

    // the window gives this region whatever is left beside the side panels and above the numbers: it asks for
    // nothing, and arranges its panels for the space it gets
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private void rebuild(PanelArrangement a, double width, FigureStyle s) {
        building = true;
        String selected = chosen;
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
        if (a.mode() == PanelArrangement.Mode.TABS) {
            TabPane all = tabs();
            all.getTabs().add(tab(graphName, graph));
            for (int i = 0; i < charts.size(); i++) {
                all.getTabs().add(tab(names.get(i), charts.get(i)));
            }
            select(all, selected);
            centreSplit = null;
            chartColumn = null;
            content = all;
        } else {
            SplitPane column = new SplitPane();
            column.setOrientation(Orientation.VERTICAL);
            chartColumn = column;
            int k = a.stacked();
            for (int i = 0; i < k - 1 || (k == charts.size() && i < k); i++) {
                column.getItems().add(charts.get(i));
            }
            if (k < charts.size()) {
                TabPane rest = tabs();
                for (int i = k - 1; i < charts.size(); i++) {
                    rest.getTabs().add(tab(names.get(i), charts.get(i)));
                }
                select(rest, selected);
                column.getItems().add(rest);
            }
            double[] positions = a.columnPositions(s, charts.size());
            centreSplit = new SplitPane(graph, column);
            double intended = PanelArrangement.intendedColumn(width,
                    PanelArrangement.graphMinWidth(graph.minWidth(-1), s), chartMinWidth, graphShare);
            double graphShareNow = 1 - (intended + DIVIDER) / Math.max(1, width);
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
        current = a;
        getChildren().add(content);
        content.applyCss();
        building = false;
    }

    /**
     * Keeps the divider between the graph and the charts where both keep their minimum width: after the window
     * or the scale changed, or the user dragged it too far (a split pane does not hold a tab pane's content to
     * its minimum by itself). Otherwise the user's position stays.
     */
    private void keepMinimums(double width, FigureStyle s) {
        if (centreSplit == null || width <= 0) {
            return;
        }
        double chartMin = ChartChrome.minWidth(s, MIN_PLOT);
        double graphMin = PanelArrangement.graphMinWidth(graph.minWidth(-1), s);
        double column = (1 - centreSplit.getDividerPositions()[0]) * width - DIVIDER;
        double kept = Math.max(chartMin, Math.min(column, width - graphMin - DIVIDER));
        if (Math.abs(kept - column) > 1) {
            centreSplit.setDividerPositions(1 - (kept + DIVIDER) / width);
        }
        if (chartColumn != null) {
            for (Node n : chartColumn.getItems()) {
                double min = current.placeHeight(s, n instanceof TabPane);
                if (n instanceof Region r && r.getHeight() > 0 && r.getHeight() < min - 1) {
                    chartColumn.setDividerPositions(current.columnPositions(s, charts.size()));
                    return;
                }
            }
        }
    }

    /** Side by side the split panes keep the charts at their smallest readable size when a divider is moved. */
    private void setChartMins(double w, double h) {
        for (ChartPanel c : charts) {
            c.setMinSize(Math.max(ChartPanel.SMALLEST, w), Math.max(ChartPanel.SMALLEST, h));
        }
        graph.setMinWidth(w == 0 ? Region.USE_COMPUTED_SIZE : MIN_PLOT);
    }

    private TabPane tabs() {
        TabPane t = new TabPane();
        t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!building && b != null) {
                chosen = b.getText();
            }
        });
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
