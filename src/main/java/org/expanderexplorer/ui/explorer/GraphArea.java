package org.expanderexplorer.ui.explorer;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.expanderexplorer.ui.chart.PanelsLayout;
import org.expanderexplorer.ui.graph.GraphCanvas;

/**
 * The centre of the explorer: the node-link graph and, beside it, the matrix view; under both the spread strip.
 * Wires the canvas to the spread: vertices picked on it become the set, and the spread is painted over it.
 */
public final class GraphArea extends BorderPane {

    private final Node graph;
    private final SpreadView spread;
    private final MatrixPanelView matrix;

    /**
     * @param graph   the graph view (its toolbar, canvas and caption)
     * @param canvas  its canvas
     * @param spreadVm the spread panel's state
     * @param matrixVm the matrix panel's state
     */
    public GraphArea(Node graph, GraphCanvas canvas, SpreadViewModel spreadVm, MatrixViewModel matrixVm) {
        this.graph = graph;
        this.spread = new SpreadView(spreadVm);
        this.matrix = new MatrixPanelView(matrixVm);
        SplitPane split = new SplitPane(graph, matrix);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(matrix, false);
        setCenter(split);
        setBottom(spread);
        canvas.spreadProperty().bind(spreadVm.overlayProperty());
        canvas.onVerticesPickedProperty().set(p -> spreadVm.select(p.vertices(), p.add()));
        matrixVm.darkProperty().bind(canvas.darkProperty());
    }

    /**
     * Folds the spread strip away while keeping it would leave the graph's canvas less than
     * {@link PanelsLayout#MIN_PLOT} high (a 1280 x 720 projector at 150 %, docs/decisions/0015); it comes back when the
     * window is taller or the scale smaller.
     */
    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double chrome = 0; // the graph view's tool bar and caption
        if (graph instanceof BorderPane b) {
            // at the graph's own width (beside the matrix view), where its tool bar and caption wrap
            double gw = b.getWidth() > 0 ? b.getWidth() : w;
            chrome = (b.getTop() == null ? 0 : b.getTop().prefHeight(gw)) + (b.getBottom() == null ? 0
                    : b.getBottom().prefHeight(gw));
        }
        boolean room = getHeight() - spread.prefHeight(w) >= PanelsLayout.MIN_PLOT + chrome;
        if (spread.isManaged() != room) {
            spread.setManaged(room);
            spread.setVisible(room);
        }
        super.layoutChildren();
    }

    // The window arranges its panels by the graph's needs (PanelsLayout): the area asks for what the graph asks
    // for, and the matrix view and the spread strip share whatever space the graph gets.
    @Override
    protected double computeMinWidth(double height) {
        return graph.minWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return graph.prefHeight(width);
    }

    public SpreadView spreadView() {
        return spread;
    }

    public MatrixPanelView matrixView() {
        return matrix;
    }
}
