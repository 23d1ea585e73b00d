package org.expanderexplorer.ui.chart;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.expanderexplorer.core.report.FigureSize;
import org.expanderexplorer.ui.common.Widgets;

/** Asks for a figure's printed size, resolution and format ({@link FigureExportViewModel}). */
final class FigureExportDialog extends Dialog<FigureExportViewModel.Choice> {

    /**
     * @param owner       the window
     * @param stylesheets the window's stylesheets
     * @param rootClasses the window root's theme and scale classes, so the dialog looks like the window
     */
    FigureExportDialog(Window owner, FigureExportViewModel vm, List<String> stylesheets, List<String> rootClasses) {
        Widgets.dress(this, owner, "Export figure", "Size and resolution of the exported figure. The text is sized "
                + "for print up to two journal columns, and grows with wider figures.", stylesheets, rootClasses);
        ComboBox<FigureExportViewModel.Preset> preset = new ComboBox<>();
        preset.getItems().setAll(FigureExportViewModel.Preset.values());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        TextField width = field(vm.widthProperty());
        TextField height = field(vm.heightProperty());
        ComboBox<FigureSize.Unit> unit = new ComboBox<>();
        unit.getItems().setAll(FigureSize.Unit.values());
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        unit.setConverter(Widgets.showing(FigureSize.Unit::symbol));
        TextField dpi = field(vm.dpiProperty());
        ToggleGroup formats = new ToggleGroup();
        RadioButton png = new RadioButton("PNG");
        RadioButton svg = new RadioButton("SVG (text in points)");
        png.setToggleGroup(formats);
        svg.setToggleGroup(formats);
        png.setSelected(vm.formatProperty().get() == FigureExportViewModel.Format.PNG);
        svg.setSelected(!png.isSelected());
        formats.selectedToggleProperty().addListener((o, a, b) -> vm.formatProperty().set(b == svg
                ? FigureExportViewModel.Format.SVG : FigureExportViewModel.Format.PNG));
        CheckBox title = new CheckBox("title in the figure (journals put it in the caption)");
        title.selectedProperty().bindBidirectional(vm.titleProperty());
        CheckBox theme = new CheckBox("keep the window's theme (dark or high contrast)");
        theme.selectedProperty().bindBidirectional(vm.windowThemeProperty());
        Label summary = Widgets.wrapping(vm.summaryProperty());
        GridPane grid = Widgets.form();
        grid.addRow(0, new Label("size"), preset);
        grid.addRow(1, new Label("width x height"), new HBox(6, width, new Label("x"), height, unit));
        grid.addRow(2, new Label("resolution (dpi)"), dpi);
        grid.addRow(3, new Label("format"), new HBox(12, png, svg));
        grid.add(title, 1, 4);
        grid.add(theme, 1, 5);
        grid.add(summary, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.sizeProperty().isNull());
        setResultConverter(b -> b == ButtonType.OK ? vm.choice() : null);
    }

    private static TextField field(javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setPrefColumnCount(5);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
