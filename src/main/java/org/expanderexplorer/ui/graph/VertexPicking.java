package org.expanderexplorer.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.expanderexplorer.core.drawing.GraphDrawing;

/**
 * Picking vertices on the graph canvas: a click near a vertex picks it, Shift+drag draws a box and picks what it
 * holds; Ctrl (or Shift on a click) adds to the set. Active only while a receiver is set, so the canvas pans as
 * before elsewhere (the classroom).
 */
final class VertexPicking {

    private final ObjectProperty<Consumer<PickedVertices>> receiver = new SimpleObjectProperty<>();
    private final Supplier<GraphDrawing> drawing;
    private final DoubleUnaryOperator sx;
    private final DoubleUnaryOperator sy;
    private boolean boxing;
    private double x0;
    private double y0;
    private double x1;
    private double y1;

    VertexPicking(Supplier<GraphDrawing> drawing, DoubleUnaryOperator sx, DoubleUnaryOperator sy) {
        this.drawing = drawing;
        this.sx = sx;
        this.sy = sy;
    }

    ObjectProperty<Consumer<PickedVertices>> receiverProperty() {
        return receiver;
    }

    /** A press starts a box when Shift is held and picking is on. */
    void pressed(MouseEvent e) {
        boxing = e.isShiftDown() && receiver.get() != null;
        x0 = x1 = e.getX();
        y0 = y1 = e.getY();
    }

    /** True when the drag belongs to the box (the canvas must not pan). */
    boolean dragged(MouseEvent e) {
        if (boxing) {
            x1 = e.getX();
            y1 = e.getY();
        }
        return boxing;
    }

    /** True when a box was closed (and its vertices picked). */
    boolean released(MouseEvent e) {
        if (!boxing) {
            return false;
        }
        boxing = false;
        GraphDrawing d = drawing.get();
        List<Integer> inside = new ArrayList<>();
        for (int v = 0; d != null && v < d.vertexCount(); v++) {
            double x = sx.applyAsDouble(d.x()[v]);
            double y = sy.applyAsDouble(d.y()[v]);
            if (x >= Math.min(x0, e.getX()) && x <= Math.max(x0, e.getX()) && y >= Math.min(y0, e.getY())
                    && y <= Math.max(y0, e.getY())) {
                inside.add(v);
            }
        }
        receiver.get().accept(new PickedVertices(inside.stream().mapToInt(Integer::intValue).toArray(),
                e.isControlDown() || e.isShortcutDown()));
        return true;
    }

    /** Picks the vertex within 10 pixels of a click; false when there is none or picking is off. */
    boolean clicked(double mx, double my, boolean add) {
        Consumer<PickedVertices> r = receiver.get();
        GraphDrawing d = drawing.get();
        int best = -1;
        double bestDist = 10 * 10;
        for (int v = 0; r != null && d != null && v < d.vertexCount(); v++) {
            double dx = sx.applyAsDouble(d.x()[v]) - mx;
            double dy = sy.applyAsDouble(d.y()[v]) - my;
            if (dx * dx + dy * dy < bestDist) {
                bestDist = dx * dx + dy * dy;
                best = v;
            }
        }
        if (best < 0) {
            return false;
        }
        r.accept(new PickedVertices(new int[] {best}, add));
        return true;
    }

    /** The box being drawn, dashed, on the canvas overlay. */
    void drawBox(GraphicsContext g) {
        if (!boxing) {
            return;
        }
        g.setStroke(Color.web("#d94801"));
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        g.setLineDashes(null);
    }
}
