package org.expanderexplorer.ui.explorer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.expanderexplorer.ui.chart.FxImages;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The matrix view beside the graph: the heat map scaled to the panel without smoothing (one cell per entry, or
 * aggregated blocks past the panel's pixels, as the caption says), a Fiedler-order switch and a colour legend.
 */
public final class MatrixPanelView extends BorderPane {

    private final ImageView image = new ImageView();

    public MatrixPanelView(MatrixViewModel vm) {
        getStyleClass().add(StyleClasses.MATRIX_VIEW);
        CheckBox fiedler = new CheckBox("Fiedler order");
        fiedler.setTooltip(new Tooltip("Order rows and columns by the Fiedler vector of the shown graph: the two sides "
                + "of the sweep cut go to opposite corners, clusters show as blocks."));
        fiedler.selectedProperty().bindBidirectional(vm.fiedlerOrderProperty());
        Label title = new Label("Matrix");
        title.getStyleClass().add(StyleClasses.SECTION_TITLE);
        FlowPane top = new FlowPane(8, 3, title, fiedler, swatch(0, "kept"), swatch(1, "pruned"),
                swatch(2, "isolated"));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);
        Pane holder = new Pane(image);
        holder.setMinSize(60, 60);
        image.setSmooth(false);
        image.setPreserveRatio(false);
        // the view asks for as many cells as it has pixels (at most), so an entry is never smaller than a pixel
        holder.widthProperty().addListener((o, a, b) -> resize(vm, holder));
        holder.heightProperty().addListener((o, a, b) -> resize(vm, holder));
        setCenter(holder);
        Label caption = Widgets.wrapping(vm.captionProperty());
        caption.getStyleClass().add(StyleClasses.GRAPH_CAPTION);
        setBottom(caption);
        vm.pictureProperty().addListener((o, a, p) -> {
            image.setImage(p == null ? null : FxImages.of(p.image()));
            fit(holder);
        });
    }

    private void resize(MatrixViewModel vm, Pane holder) {
        vm.setResolution((int) holder.getHeight(), (int) holder.getWidth());
        fit(holder);
    }

    private void fit(Pane holder) {
        if (image.getImage() == null) {
            return;
        }
        // cells stay square-ish only where the panel allows; a 28 x 128 layer is stretched to the panel's shape
        image.setFitWidth(Math.max(1, holder.getWidth() - 4));
        image.setFitHeight(Math.max(1, holder.getHeight() - 4));
        image.relocate(2, 2);
    }

    private static HBox swatch(int kind, String text) {
        Rectangle r = new Rectangle(10, 10, Color.web(MatrixViewModel.legendColours().get(kind)));
        HBox b = new HBox(3, r, new Label(text));
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** The heat map's image view (for tests). */
    public ImageView image() {
        return image;
    }
}
