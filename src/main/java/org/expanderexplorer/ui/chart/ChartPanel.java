package org.expanderexplorer.ui.chart;

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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureFiles;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.StyleClasses;
import org.expanderexplorer.ui.task.UiExecutor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * One chart panel: draws a {@link FigureSpec} with JFreeChart's JavaFX viewer and offers, on right-click, export
 * as PNG (1x, 2x, 4x), SVG and CSV and copying the image. The spec and the style come from observables (its
 * ViewModel and the window's theme), so what is exported is exactly what is shown.
 */
public final class ChartPanel extends StackPane {

    private final ChartViewer viewer;
    private final ObservableValue<FigureSpec> spec;
    private final ObservableValue<FigureStyle> style;
    private final UiExecutor executor;
    private final Consumer<String> status;

    /**
     * @param spec     the figure to show (may be null: nothing yet)
     * @param style    theme and scale
     * @param executor where exports run (off the UI thread)
     * @param status   receives one-line status or error messages
     */
    public ChartPanel(ObservableValue<FigureSpec> spec, ObservableValue<FigureStyle> style, UiExecutor executor,
                      Consumer<String> status) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.style = Objects.requireNonNull(style, "style");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.status = Objects.requireNonNull(status, "status");
        getStyleClass().add(StyleClasses.CHART_PANEL);
        this.viewer = new ChartViewer(Charts.build(placeholder(), style.getValue()), false);
        getChildren().add(viewer);
        setMinSize(120, 90);
        spec.addListener((o, a, b) -> redraw());
        style.addListener((o, a, b) -> redraw());
        ContextMenu menu = menu();
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        redraw();
    }

    /** The figure currently shown, or null before the first result. */
    public FigureSpec shownSpec() {
        return spec.getValue();
    }

    /** The chart currently shown, or null. */
    public JFreeChart chart() {
        return viewer.getChart();
    }

    private void redraw() {
        FigureSpec s = spec.getValue();
        viewer.setChart(Charts.build(s == null ? placeholder() : s, style.getValue()));
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

    /** What an empty panel shows (JFreeChart's viewer needs a chart). */
    private static FigureSpec placeholder() {
        return FigureSpec.builder("(computing...)").axes("", "", null).build();
    }

    static String fileName(String title) {
        String n = title.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? "figure" : n;
    }
}
