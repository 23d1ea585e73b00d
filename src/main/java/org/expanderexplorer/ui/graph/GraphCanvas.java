package org.expanderexplorer.ui.graph;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link GraphDrawing} on one Canvas: edges batched into a few opacity buckets (one path each), vertices
 * as dots, isolated vertices ringed in red, the hovered vertex's edges highlighted with its name and degree.
 * Scroll zooms at the cursor, dragging pans, double-click (or {@link #fit()}) fits the drawing.
 */
public final class GraphCanvas extends Pane {

    private static final Color[] GATE_COLOURS = {Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"),
        Color.web("#ff7f0e")};
    private static final int BUCKETS = 6;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<GraphDrawing> drawing = new SimpleObjectProperty<>(GraphDrawing.empty());
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ObjectProperty<boolean[]> highlight = new SimpleObjectProperty<>();
    private final Tooltip tip = new Tooltip();
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double pressX;
    private double pressY;
    private int hovered = -1;
    private boolean fitted;

    public GraphCanvas() {
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        widthProperty().addListener((o, a, b) -> refit());
        heightProperty().addListener((o, a, b) -> refit());
        drawing.addListener((o, a, b) -> {
            if (a == null || b == null || a.vertexCount() != b.vertexCount() || !fitted) {
                fit();
            } else {
                redraw();
            }
        });
        dark.addListener((o, a, b) -> redraw());
        highlight.addListener((o, a, b) -> redraw());
        setOnScroll(e -> {
            double f = Math.pow(1.0015, e.getDeltaY());
            offsetX = e.getX() - (e.getX() - offsetX) * f;
            offsetY = e.getY() - (e.getY() - offsetY) * f;
            scale *= f;
            redraw();
        });
        setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
        });
        setOnMouseDragged(e -> {
            offsetX += e.getX() - pressX;
            offsetY += e.getY() - pressY;
            pressX = e.getX();
            pressY = e.getY();
            redraw();
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
        setOnMouseMoved(e -> hover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        setOnMouseExited(e -> {
            hovered = -1;
            tip.hide();
            redraw();
        });
        setMinSize(100, 100);
    }

    public ObjectProperty<GraphDrawing> drawingProperty() {
        return drawing;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Vertices to highlight (e.g. a sweep-cut set), or null. */
    public ObjectProperty<boolean[]> highlightProperty() {
        return highlight;
    }

    private void refit() {
        if (!fitted) {
            fit();
        } else {
            redraw();
        }
    }

    /** Scales and centres the drawing to the canvas. */
    public void fit() {
        GraphDrawing d = drawing.get();
        double w = getWidth();
        double h = getHeight();
        if (d == null || d.vertexCount() == 0 || w <= 0 || h <= 0) {
            redraw();
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
        double sx = (w - 2 * margin) / Math.max(1e-9, maxX - minX);
        double sy = (h - 2 * margin - 20) / Math.max(1e-9, maxY - minY);
        scale = Math.min(sx, sy);
        if (!Double.isFinite(scale) || scale <= 0) {
            scale = 1;
        }
        offsetX = w / 2 - scale * (minX + maxX) / 2;
        offsetY = (h + 20) / 2 - scale * (minY + maxY) / 2;
        fitted = true;
        redraw();
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
                        + (d.isolated()[best] ? "   (isolated)" : ""));
                tip.show(this, screenX + 14, screenY + 10);
            } else {
                tip.hide();
            }
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean isDark = dark.get();
        Color bg = isDark ? Color.web("#23252b") : Color.WHITE;
        Color fg = isDark ? Color.web("#e6e6e6") : Color.web("#222222");
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        GraphDrawing d = drawing.get();
        if (d == null || d.vertexCount() == 0) {
            return;
        }
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(fg.deriveColor(0, 1, 1, 0.7));
        for (int c = 0; c < d.columns().length; c++) {
            g.fillText(d.columnTitles()[c], sx(d.columns()[c]), 6);
        }
        double lw = Math.max(0.4, Math.min(1.5, scale * 0.12));
        // ghosts of pruned edges: one faint path
        if (d.ghostFrom().length > 0) {
            g.setStroke(fg.deriveColor(0, 1, 1, 0.06));
            g.setLineWidth(lw);
            g.beginPath();
            for (int e = 0; e < d.ghostFrom().length; e++) {
                g.moveTo(sx(d.x()[d.ghostFrom()[e]]), sy(d.y()[d.ghostFrom()[e]]));
                g.lineTo(sx(d.x()[d.ghostTo()[e]]), sy(d.y()[d.ghostTo()[e]]));
            }
            g.stroke();
        }
        Color edge = d.gate() >= 0 ? GATE_COLOURS[d.gate()] : (isDark ? Color.web("#6fb7ff") : Color.web("#1f4e79"));
        double density = Math.min(1.0, 3000.0 / Math.max(1, d.edgeFrom().length));
        for (int b = 0; b < BUCKETS; b++) {
            double lo = (double) b / BUCKETS;
            double hi = (double) (b + 1) / BUCKETS;
            double alpha = (0.12 + 0.75 * hi) * (0.35 + 0.65 * density);
            g.setStroke(edge.deriveColor(0, 1, 1, Math.min(1, alpha)));
            g.setLineWidth(lw);
            g.beginPath();
            for (int e = 0; e < d.edgeFrom().length; e++) {
                float s = d.edgeStrength()[e];
                if (s > lo && s <= hi || b == 0 && s <= 0) {
                    g.moveTo(sx(d.x()[d.edgeFrom()[e]]), sy(d.y()[d.edgeFrom()[e]]));
                    g.lineTo(sx(d.x()[d.edgeTo()[e]]), sy(d.y()[d.edgeTo()[e]]));
                }
            }
            g.stroke();
        }
        if (hovered >= 0) {
            g.setStroke(Color.web("#ff7f0e"));
            g.setLineWidth(lw * 2);
            g.beginPath();
            for (int e = 0; e < d.edgeFrom().length; e++) {
                if (d.edgeFrom()[e] == hovered || d.edgeTo()[e] == hovered) {
                    g.moveTo(sx(d.x()[d.edgeFrom()[e]]), sy(d.y()[d.edgeFrom()[e]]));
                    g.lineTo(sx(d.x()[d.edgeTo()[e]]), sy(d.y()[d.edgeTo()[e]]));
                }
            }
            g.stroke();
        }
        double r = Math.max(1.5, Math.min(5, scale * 0.35));
        boolean[] hl = highlight.get();
        Color input = isDark ? Color.web("#c9a0ff") : Color.web("#6a3d9a");
        Color hidden = isDark ? Color.web("#e6e6e6") : Color.web("#333333");
        for (int v = 0; v < d.vertexCount(); v++) {
            double x = sx(d.x()[v]);
            double y = sy(d.y()[v]);
            if (x < -r || y < -r || x > w + r || y > h + r) {
                continue;
            }
            boolean isInput = d.kind()[v] == GraphDrawing.INPUT || d.kind()[v] == GraphDrawing.LEFT;
            g.setFill(isInput ? input : hidden);
            if (hl != null && v < hl.length && hl[v]) {
                g.setFill(Color.web("#ff7f0e"));
                g.fillOval(x - r * 1.6, y - r * 1.6, r * 3.2, r * 3.2);
            } else {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
            if (d.isolated()[v]) {
                g.setStroke(Color.web("#e53935"));
                g.setLineWidth(1.5);
                g.strokeOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
            }
        }
    }
}
