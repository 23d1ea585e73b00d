package org.expanderexplorer.ui.chart;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * One chart panel: shows a {@link FigureSpec} drawn by JFreeChart, with a tooltip over every legend entry, data
 * point and reference line, and offers, on right-click, export at a chosen printed size and resolution, as shown
 * (PNG 1x, 2x, 4x, SVG), the data as CSV (long, or wide for spreadsheets, each with a header block saying what it
 * shows), and copying the image ({@link ChartExports}).
 *
 * <p>The chart is rendered OFF the JavaFX thread into an image at the panel's size and the screen's pixel density
 * (latest wins: while the slider moves, only the newest figure is drawn), and the UI thread only swaps the image.
 * Drawing a JFreeChart takes tens of milliseconds; on the UI thread four of them would stall the window while the
 * slider is dragged. Exports use the same renderer, so they look like the screen.
 */
public final class ChartPanel extends Region {

    private final ImageView view = new ImageView();
    private final ObservableValue<FigureSpec> spec;
    private final ObservableValue<FigureStyle> style;
    private final UiExecutor executor;
    private final Consumer<String> status;
    private final LatestWins<RenderRequest, Rendered> renderer;
    private final ChartHover hover;
    private final ChartExports exports;
    private FigureSpec shown;

    /** The smallest size of a panel (the window's layout asks for more where it can: {@link PanelsLayout}). */
    static final double SMALLEST = 90;

    private record RenderRequest(FigureSpec spec, FigureStyle style, int width, int height, double scale) {
    }

    private record Rendered(Image image, Charts.Rendering info) {
    }

    /**
     * @param spec     the figure to show (may be null: nothing yet)
     * @param style    theme and scale
     * @param executor where rendering and exports run (off the UI thread)
     * @param status   receives one-line status or error messages
     */
    public ChartPanel(ObservableValue<FigureSpec> spec, ObservableValue<FigureStyle> style, UiExecutor executor,
                      Consumer<String> status) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.style = Objects.requireNonNull(style, "style");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.status = Objects.requireNonNull(status, "status");
        getStyleClass().add(StyleClasses.CHART_PANEL);
        getChildren().add(view);
        view.setPreserveRatio(false);
        view.setSmooth(true);
        setMinSize(SMALLEST, SMALLEST);
        setPrefSize(500, 220);
        this.hover = new ChartHover(this);
        this.exports = new ChartExports(this, spec, style, executor, status);
        this.renderer = new LatestWins<>(executor, ChartPanel::render, (r, done) -> {
            shown = r.spec();
            hover.setHovers(done.info().hovers());
            view.setImage(done.image());
            layoutImage();
        }, e -> status.accept("Could not draw a chart: " + e.getMessage()));
        spec.addListener((o, a, b) -> requestRender());
        style.addListener((o, a, b) -> requestRender());
        widthProperty().addListener((o, a, b) -> requestRender());
        heightProperty().addListener((o, a, b) -> requestRender());
        ContextMenu menu = exports.menu();
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    private static Rendered render(RenderRequest r) {
        FigureSpec s = r.spec() == null ? placeholder() : r.spec();
        Charts.Rendering done = Charts.render(Charts.build(s, r.style()), r.width(), r.height(), r.scale());
        return new Rendered(FxImages.of(done.image()), done);
    }

    private void requestRender() {
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (w < 50 || h < 50) {
            return;
        }
        double scale = Screen.getPrimary() == null ? 1 : Math.max(1, Screen.getPrimary().getOutputScaleX());
        renderer.request(new RenderRequest(spec.getValue(), style.getValue(), w, h, scale));
    }

    @Override
    protected void layoutChildren() {
        layoutImage();
    }

    private void layoutImage() {
        view.setFitWidth(Math.floor(getWidth()));
        view.setFitHeight(Math.floor(getHeight()));
        view.relocate(0, 0);
    }

    /** The figure currently shown, or null before the first result. */
    public FigureSpec shownSpec() {
        return spec.getValue();
    }

    /** The figure whose image is on screen now (it trails {@link #shownSpec()} while a render is in flight). */
    public FigureSpec drawnSpec() {
        return shown;
    }

    /** True while a render is running or waiting. */
    public boolean isRendering() {
        return renderer.isBusy();
    }

    /** A hint shown when the mouse rests where no line or point is (e.g. what a click does). */
    public void setHint(String text) {
        hover.setHint(text);
    }

    /**
     * What produced the figure, for the header block of its CSV (model, data set, graph, representation, method,
     * q, seed, ...), asked for at the moment of export.
     */
    public void setProvenance(java.util.function.Supplier<java.util.Map<String, ?>> provenance) {
        exports.setProvenance(provenance);
    }

    /** Writes the shown figure to {@code file} (format from its name) in the background, at the panel's size. */
    public void exportTo(Path file, double scale) {
        exports.exportAsShown(file, scale);
    }

    /** What an empty panel shows. */
    private static FigureSpec placeholder() {
        return FigureSpec.builder("(no data yet)").axes("", "", null).build();
    }
}
