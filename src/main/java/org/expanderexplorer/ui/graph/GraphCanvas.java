package org.expanderexplorer.ui.graph;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.GraphRenderer;
import org.expanderexplorer.core.drawing.SpreadOverlay;
import org.expanderexplorer.ui.chart.FxImages;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The graph view: a {@link GraphDrawing} rasterised off the UI thread by {@link GraphRenderer} (latest wins), shown
 * as an image, with a light overlay canvas for the hovered vertex's edges. Scroll zooms at the cursor, dragging
 * pans (the current image moves at once; a sharp one follows), double-click or {@link #fit()} fits.
 */
public final class GraphCanvas extends Pane {

    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<GraphDrawing> drawing = new SimpleObjectProperty<>(GraphDrawing.empty());
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final BooleanProperty draft = new SimpleBooleanProperty();
    private final ObjectProperty<boolean[]> highlight = new SimpleObjectProperty<>();
    // classroom options: presentation scale, high contrast, the small-graph look, vertex colours, edge clicks
    private final DoubleProperty strokeScale = new SimpleDoubleProperty(1);
    private final BooleanProperty contrast = new SimpleBooleanProperty();
    private final BooleanProperty teaching = new SimpleBooleanProperty();
    private final ObjectProperty<double[]> vertexValues = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<GraphDrawing.EdgeHit>> onEdgeClicked = new SimpleObjectProperty<>();
    // the spread panel: a spread painted over the drawing, and vertices picked by click or Shift+drag box
    private final ObjectProperty<SpreadOverlay> spread = new SimpleObjectProperty<>();
    private final VertexPicking picking = new VertexPicking(() -> drawing.get(), this::sx, this::sy);
    private final LatestWins<GraphRenderer.View, Image> renderer;
    private final Tooltip tip = new Tooltip();
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private GraphRenderer.View drawnView;
    private double pressX;
    private double pressY;
    private int hovered = -1;
    private boolean fitted;
    /** The user zoomed or panned since the last fit: a resize then keeps the view instead of refitting. */
    private boolean userMoved;

    public GraphCanvas(UiExecutor executor) {
        getChildren().addAll(image, overlay);
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
        overlay.setMouseTransparent(true);
        renderer = new LatestWins<>(executor, v -> FxImages.of(GraphRenderer.render(drawingFor(v), v)), (v, img) -> {
            drawnView = v;
            image.setImage(img);
            image.setFitWidth(v.width());
            image.setFitHeight(v.height());
            alignImage();
        }, e -> { });
        widthProperty().addListener((o, a, b) -> refit());
        heightProperty().addListener((o, a, b) -> refit());
        drawing.addListener((o, a, b) -> {
            hovered = -1;
            if (a == null || b == null || a.vertexCount() != b.vertexCount() || !fitted) {
                fit();
            } else {
                requestRender();
            }
        });
        dark.addListener((o, a, b) -> requestRender());
        draft.addListener((o, a, b) -> {
            if (!b) {
                requestRender();
            }
        });
        highlight.addListener((o, a, b) -> requestRender());
        spread.addListener((o, a, b) -> requestRender());
        contrast.addListener((o, a, b) -> requestRender());
        vertexValues.addListener((o, a, b) -> requestRender());
        strokeScale.addListener((o, a, b) -> fit());
        teaching.addListener((o, a, b) -> fit());
        setOnScroll(e -> {
            double f = Math.pow(1.0015, e.getDeltaY());
            offsetX = e.getX() - (e.getX() - offsetX) * f;
            offsetY = e.getY() - (e.getY() - offsetY) * f;
            scale *= f;
            userMoved = true;
            moved();
        });
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            picking.pressed(e);
        });
        setOnMouseReleased(e -> {
            if (picking.released(e)) {
                drawOverlay();
            }
        });
        setOnMouseDragged(e -> {
            if (picking.dragged(e)) {
                drawOverlay();
                return;
            }
            offsetX += e.getX() - pressX;
            offsetY += e.getY() - pressY;
            pressX = e.getX();
            pressY = e.getY();
            userMoved = true;
            moved();
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            } else if (e.getClickCount() == 1 && e.isStillSincePress()) {
                if (!picking.clicked(e.getX(), e.getY(), e.isControlDown() || e.isShortcutDown() || e.isShiftDown())) {
                    clickEdge(e.getX(), e.getY());
                }
            }
        });
        setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        setOnMouseExited(e -> {
            hovered = -1;
            tip.hide();
            drawOverlay();
        });
        setMinSize(100, 100);
    }

    /** The drawing the next render uses (set on the UI thread before the request, read by the worker). */
    private volatile GraphDrawing current;

    private GraphDrawing drawingFor(GraphRenderer.View v) {
        return current;
    }

    public ObjectProperty<GraphDrawing> drawingProperty() {
        return drawing;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Draw quick drafts (no anti-aliasing) while true, e.g. while the slider is dragged; exact again when false. */
    public BooleanProperty draftProperty() {
        return draft;
    }

    /** Vertices to highlight (e.g. a sweep-cut set), or null. */
    public ObjectProperty<boolean[]> highlightProperty() {
        return highlight;
    }

    /** Line and dot scale of the drawing (1, 1.5, 2 for the classroom's presentation scales). */
    public DoubleProperty strokeScaleProperty() {
        return strokeScale;
    }

    /** High-contrast colours. */
    public BooleanProperty contrastProperty() {
        return contrast;
    }

    /** The small-graph teaching look: labels, bigger dots, visible ghosts, cut edges of the highlighted set. */
    public BooleanProperty teachingProperty() {
        return teaching;
    }

    /** A value in [-1, 1] per drawing vertex to colour it by, or null. */
    public ObjectProperty<double[]> vertexValuesProperty() {
        return vertexValues;
    }

    /** Receives the edge nearest to a single click (within a few pixels), when set. */
    public ObjectProperty<Consumer<GraphDrawing.EdgeHit>> onEdgeClickedProperty() {
        return onEdgeClicked;
    }

    /** A spread painted over the drawing, or null. */
    public ObjectProperty<SpreadOverlay> spreadProperty() {
        return spread;
    }

    /** Receives vertices picked by a click or a Shift+drag box, when set. */
    public ObjectProperty<Consumer<PickedVertices>> onVerticesPickedProperty() {
        return picking.receiverProperty();
    }

    /** Where drawing vertex {@code v} is on the canvas (for tests that click it). */
    public javafx.geometry.Point2D vertexOnCanvas(int v) {
        GraphDrawing d = drawing.get();
        return new javafx.geometry.Point2D(sx(d.x()[v]), sy(d.y()[v]));
    }

    private void clickEdge(double mx, double my) {
        Consumer<GraphDrawing.EdgeHit> handler = onEdgeClicked.get();
        GraphDrawing d = drawing.get();
        if (handler == null || d == null || scale <= 0) {
            return;
        }
        double tolerance = 10 * Math.max(1, strokeScale.get()) / scale;
        GraphDrawing.EdgeHit hit = d.nearestEdge((mx - offsetX) / scale, (my - offsetY) / scale, tolerance);
        if (hit != null) {
            handler.accept(hit);
        }
    }

    /** Where a layout point is on the canvas (for tests that click an edge). */
    public javafx.geometry.Point2D toCanvas(double layoutX, double layoutY) {
        return new javafx.geometry.Point2D(sx(layoutX), sy(layoutY));
    }

    private void refit() {
        if (!fitted || !userMoved) {
            fit();
        } else {
            requestRender();
        }
    }

    /** Scales and centres the drawing to the view. */
    public void fit() {
        GraphDrawing d = drawing.get();
        double w = getWidth();
        double h = getHeight();
        if (d == null || d.vertexCount() == 0 || w <= 0 || h <= 0) {
            requestRender();
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < d.vertexCount(); v++) {
            minX = Math.min(minX, d.x()[v]);
            maxX = Math.max(maxX, d.x()[v]);
            minY = Math.min(minY, d.y()[v]);
            maxY = Math.max(maxY, d.y()[v]);
        }
        double margin = 36;
        // teaching look: room for the vertex labels beside the columns
        double marginX = teaching.get() ? 24 + 32 * strokeScale.get() : margin;
        double sx = (w - 2 * marginX) / Math.max(1e-9, maxX - minX);
        double sy = (h - 2 * margin - 20) / Math.max(1e-9, maxY - minY);
        scale = Math.min(sx, sy);
        if (!Double.isFinite(scale) || scale <= 0) {
            scale = 1;
        }
        offsetX = w / 2 - scale * (minX + maxX) / 2;
        offsetY = (h + 20) / 2 - scale * (minY + maxY) / 2;
        fitted = true;
        userMoved = false;
        moved();
    }

    private void moved() {
        alignImage();
        drawOverlay();
        requestRender();
    }

    /** Shows the last image where the current pan and zoom put it, until the sharp one arrives. */
    private void alignImage() {
        GraphRenderer.View v = drawnView;
        if (v == null) {
            return;
        }
        double f = scale / v.scale();
        image.setFitWidth(v.width() * f);
        image.setFitHeight(v.height() * f);
        image.relocate(offsetX - v.offsetX() * f, offsetY - v.offsetY() * f);
    }

    private void requestRender() {
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w < 10 || h < 10) {
            return;
        }
        current = drawing.get();
        double px = Screen.getPrimary() == null ? 1 : Math.max(1, Screen.getPrimary().getOutputScaleX());
        renderer.request(new GraphRenderer.View(w, h, px, scale, offsetX, offsetY, dark.get(), highlight.get(),
                new GraphRenderer.Look(strokeScale.get(), contrast.get(), teaching.get(), vertexValues.get()),
                draft.get(), spread.get()));
        drawOverlay();
    }

    private double sx(double x) {
        return offsetX + scale * x;
    }

    private double sy(double y) {
        return offsetY + scale * y;
    }

    private void hover(double mx, double my, double screenX, double screenY) {
        GraphDrawing d = drawing.get();
        int best = -1;
        double bestDist = 12 * 12;
        for (int v = 0; v < d.vertexCount(); v++) {
            double dx = sx(d.x()[v]) - mx;
            double dy = sy(d.y()[v]) - my;
            double dist = dx * dx + dy * dy;
            if (dist < bestDist) {
                bestDist = dist;
                best = v;
            }
        }
        if (best != hovered) {
            hovered = best;
            if (best >= 0) {
                tip.setText(d.labels()[best] + "   degree " + d.degree()[best]
                        + (d.isolated()[best] ? "   (isolated by pruning)" : ""));
                if (tip.isShowing()) {
                    tip.setAnchorX(screenX + 14); // moving a shown tooltip is far cheaper than showing it again
                    tip.setAnchorY(screenY + 10);
                } else {
                    tip.show(this, screenX + 14, screenY + 10);
                }
            } else {
                tip.hide();
            }
            drawOverlay();
        }
    }

    /** The hovered vertex's edges: at most a few hundred lines, cheap enough for the UI thread. */
    private void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        picking.drawBox(g);
        GraphDrawing d = drawing.get();
        if (hovered < 0 || d == null || hovered >= d.vertexCount()) {
            return;
        }
        g.setStroke(Color.web("#ff7f0e"));
        g.setLineWidth(Math.max(1.0, Math.min(3, scale * 0.24)));
        g.beginPath();
        for (int e = 0; e < d.edgeFrom().length; e++) {
            if (d.edgeFrom()[e] == hovered || d.edgeTo()[e] == hovered) {
                g.moveTo(sx(d.x()[d.edgeFrom()[e]]), sy(d.y()[d.edgeFrom()[e]]));
                g.lineTo(sx(d.x()[d.edgeTo()[e]]), sy(d.y()[d.edgeTo()[e]]));
            }
        }
        g.stroke();
        double r = 5;
        g.setFill(Color.web("#ff7f0e"));
        g.fillOval(sx(d.x()[hovered]) - r, sy(d.y()[hovered]) - r, 2 * r, 2 * r);
    }

    /** True while an image is being rendered. */
    public boolean isRendering() {
        return renderer.isBusy();
    }
}
