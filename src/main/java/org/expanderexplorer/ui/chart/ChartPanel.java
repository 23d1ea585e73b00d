package org.expanderexplorer.ui.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureFiles;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * One chart panel: shows a {@link FigureSpec} drawn by JFreeChart, and offers, on right-click, export as PNG
 * (1x, 2x, 4x), SVG and CSV and copying the image.
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
    private final LatestWins<RenderRequest, Image> renderer;
    private FigureSpec shown;

    private record RenderRequest(FigureSpec spec, FigureStyle style, int width, int height, double scale) {
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
        setMinSize(120, 90);
        setPrefSize(500, 220);
        this.renderer = new LatestWins<>(executor, ChartPanel::render, (r, img) -> {
            shown = r.spec();
            view.setImage(img);
            layoutImage();
        }, e -> status.accept("Could not draw a chart: " + e.getMessage()));
        spec.addListener((o, a, b) -> requestRender());
        style.addListener((o, a, b) -> requestRender());
        widthProperty().addListener((o, a, b) -> requestRender());
        heightProperty().addListener((o, a, b) -> requestRender());
        ContextMenu menu = menu();
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    private static Image render(RenderRequest r) {
        FigureSpec s = r.spec() == null ? placeholder() : r.spec();
        BufferedImage img = Charts.image(Charts.build(s, r.style()), r.width(), r.height(), r.scale());
        return FxImages.of(img);
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

    private ContextMenu menu() {
        ContextMenu m = new ContextMenu();
        for (int scale : new int[] {1, 2, 4}) {
            MenuItem png = new MenuItem("Export PNG (" + scale + "x)...");
            png.setOnAction(e -> export("png", scale));
            m.getItems().add(png);
        }
        MenuItem svg = new MenuItem("Export SVG...");
        svg.setOnAction(e -> export("svg", 1));
        MenuItem csv = new MenuItem("Export data (CSV)...");
        csv.setOnAction(e -> export("csv", 1));
        MenuItem copy = new MenuItem("Copy image");
        copy.setOnAction(e -> copyImage());
        m.getItems().addAll(svg, csv, new SeparatorMenuItem(), copy);
        return m;
    }

    private int logicalWidth() {
        return Math.max(200, (int) Math.round(getWidth()));
    }

    private int logicalHeight() {
        return Math.max(150, (int) Math.round(getHeight()));
    }

    private void export(String format, int scale) {
        FigureSpec s = spec.getValue();
        if (s == null) {
            status.accept("Nothing to export yet.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + format.toUpperCase());
        fc.setInitialFileName(fileName(s.title()) + "." + format);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(), "*." + format));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath(), scale);
        }
    }

    /** Writes the shown figure to {@code file} (format from its name) in the background, at the panel's size. */
    public void exportTo(Path file, double scale) {
        FigureSpec s = spec.getValue();
        FigureStyle st = style.getValue();
        int w = logicalWidth();
        int h = logicalHeight();
        executor.submit(() -> {
            FigureFiles.write(file, s, st, w, h, scale);
            return file;
        }, p -> status.accept("Wrote " + p), e -> status.accept("Export failed: " + e.getMessage()));
    }

    private void copyImage() {
        FigureSpec s = spec.getValue();
        if (s == null) {
            return;
        }
        FigureStyle st = style.getValue();
        int w = logicalWidth();
        int h = logicalHeight();
        executor.submit(() -> Charts.png(Charts.build(s, st), w, h, 2), png -> {
            ClipboardContent c = new ClipboardContent();
            c.putImage(new Image(new ByteArrayInputStream(png)));
            Clipboard.getSystemClipboard().setContent(c);
            status.accept("Copied the figure to the clipboard.");
        }, e -> status.accept("Copy failed: " + e.getMessage()));
    }

    /** What an empty panel shows. */
    private static FigureSpec placeholder() {
        return FigureSpec.builder("(no data yet)").axes("", "", null).build();
    }

    static String fileName(String title) {
        String n = title.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? "figure" : n;
    }
}
