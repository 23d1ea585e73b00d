package org.expanderexplorer.ui.classroom;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.common.Screens;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;
import org.expanderexplorer.ui.task.UiExecutor;

/** Two snapshots side by side: their spectra overlaid, and the numbers in two columns. */
public final class CompareDialog extends Stage {

    private final ChartPanel chart;
    private final GridPane table = new GridPane();

    public CompareDialog(Window owner, SnapshotsViewModel.Comparison c, ObservableValue<FigureStyle> style,
                         UiExecutor executor, String stylesheet, List<String> rootClasses) {
        initOwner(owner);
        setTitle("Compare " + c.a().name() + " and " + c.b().name());
        chart = new ChartPanel(new SimpleObjectProperty<>(c.spectra()), style, executor, s -> { });
        chart.setPrefSize(640, 380);
        table.getStyleClass().add(StyleClasses.COMPARE_TABLE);
        table.addRow(0, bold(""), bold(c.a().name()), bold(c.b().name()));
        int r = 1;
        for (SnapshotsViewModel.Row row : c.rows()) {
            Label a = Widgets.styled(row.a(), StyleClasses.METRIC_VALUE);
            Label b = Widgets.styled(row.b(), StyleClasses.METRIC_VALUE);
            table.addRow(r++, new Label(row.quantity()), a, b);
        }
        SplitPane root = new SplitPane(chart, new ScrollPane(table));
        root.setDividerPositions(0.58);
        // at most 90 % of the owner's screen (a 1024 x 768 projector is narrower than the comparison likes)
        double[] size = Screens.fit(Screens.visualBoundsOf(owner), 1180, 600, 0.9);
        Scene scene = new Scene(root, size[0], size[1]);
        scene.getStylesheets().add(stylesheet);
        root.getStyleClass().addAll(rootClasses);
        setScene(scene);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    public ChartPanel chart() {
        return chart;
    }
}
