package org.expanderexplorer.ui.classroom;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.expanderexplorer.ui.common.Widgets;

/** The gallery dialog: a family of teaching graphs and its parameters. */
public final class TeachingGraphDialog extends Dialog<GraphChoice> {

    private final ComboBox<GraphChoice.Kind> kind = new ComboBox<>();
    private final Spinner<Integer> left = spinner(1, GraphChoice.MAX_SIDE, 3);
    private final Spinner<Integer> right = spinner(1, GraphChoice.MAX_SIDE, 4);
    private final Spinner<Integer> dl = spinner(1, GraphChoice.MAX_SIDE, 3);
    private final Spinner<Integer> dr = spinner(1, GraphChoice.MAX_SIDE, 3);
    private final Spinner<Integer> vertices = new Spinner<>(4, 2 * GraphChoice.MAX_SIDE, 12, 2);
    private final ComboBox<Integer> q = new ComboBox<>();
    private final Spinner<Double> p = new Spinner<>(0.0, 1.0, 0.4, 0.05);
    private final Spinner<Integer> seed = spinner(1, 9999, 1);
    private final GridPane grid = Widgets.form();

    /**
     * @param owner      the window
     * @param stylesheet the application stylesheet
     * @param rootClasses the window root's theme and scale classes, so the dialog looks the same
     */
    public TeachingGraphDialog(Window owner, String stylesheet, List<String> rootClasses) {
        Widgets.dress(this, owner, "Teaching graph", "Open a graph of the spectral engine. Small graphs (up to 24 "
                + "vertices) show the exact Cheeger constant.", List.of(stylesheet), rootClasses);
        kind.getItems().setAll(GraphChoice.Kind.values());
        kind.setValue(GraphChoice.Kind.HEAWOOD);
        q.getItems().setAll(2, 3, 4, 5, 7, 8, 9, 11, 13);
        q.setValue(2);
        vertices.setEditable(true);
        p.setEditable(true);
        kind.valueProperty().addListener((o, a, b) -> layoutFields());
        layoutFields();
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        setResultConverter(b -> b == ButtonType.OK ? choice() : null);
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        return s;
    }

    private void layoutFields() {
        grid.getChildren().clear();
        grid.addRow(0, new Label("graph"), kind);
        int row = 1;
        switch (kind.getValue()) {
            case COMPLETE -> {
                grid.addRow(row++, new Label("a (left)"), left);
                grid.addRow(row, new Label("b (right)"), right);
            }
            case CYCLE -> grid.addRow(row, new Label("vertices n (even)"), vertices);
            case HEAWOOD -> grid.add(new Label("7 points and 7 lines of the Fano plane, no parameters"), 0, row, 2, 1);
            case PROJECTIVE_PLANE -> grid.addRow(row, new Label("q (prime power)"), q);
            case BIREGULAR -> {
                grid.addRow(row++, new Label("left"), left);
                grid.addRow(row++, new Label("right"), right);
                grid.addRow(row++, new Label("d_L"), dl);
                grid.addRow(row++, new Label("d_R (left · d_L = right · d_R)"), dr);
                grid.addRow(row, new Label("seed"), seed);
            }
            case RANDOM -> {
                grid.addRow(row++, new Label("left"), left);
                grid.addRow(row++, new Label("right"), right);
                grid.addRow(row++, new Label("edge probability p"), p);
                grid.addRow(row, new Label("seed"), seed);
            }
        }
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** The choice the fields describe (checked when the graph is built). */
    GraphChoice choice() {
        return switch (kind.getValue()) {
            case COMPLETE -> GraphChoice.complete(left.getValue(), right.getValue());
            case CYCLE -> GraphChoice.cycle(vertices.getValue());
            case HEAWOOD -> GraphChoice.heawood();
            case PROJECTIVE_PLANE -> GraphChoice.projectivePlane(q.getValue());
            case BIREGULAR -> GraphChoice.biregular(left.getValue(), right.getValue(), dl.getValue(), dr.getValue(),
                    seed.getValue());
            case RANDOM -> GraphChoice.random(left.getValue(), right.getValue(), p.getValue(), seed.getValue());
        };
    }
}
