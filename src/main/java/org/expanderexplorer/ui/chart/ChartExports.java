package org.expanderexplorer.ui.chart;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureCsv;
import org.expanderexplorer.core.report.FigureFiles;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * A chart panel's menu and its exports: a figure at a chosen printed size and resolution
 * ({@link FigureExportDialog}), the figure as shown (PNG at 1x, 2x, 4x, SVG), its data as CSV (long, or wide for
 * spreadsheets, with a header block from the panel's provenance), and copying the image. Files are written off the
 * UI thread, each atomically.
 */
final class ChartExports {

    /** The panel the menu belongs to (a plain region here, so that the panel and its parts form no cycle). */
    private final Region panel;
    private final ObservableValue<FigureSpec> spec;
    private final ObservableValue<FigureStyle> style;
    private final UiExecutor executor;
    private final Consumer<String> status;
    private Supplier<Map<String, ?>> provenance = Map::of;

    ChartExports(Region panel, ObservableValue<FigureSpec> spec, ObservableValue<FigureStyle> style,
                 UiExecutor executor, Consumer<String> status) {
        this.panel = panel;
        this.spec = spec;
        this.style = style;
        this.executor = executor;
        this.status = status;
    }

    void setProvenance(Supplier<Map<String, ?>> p) {
        provenance = p == null ? Map::of : p;
    }

    ContextMenu menu() {
        MenuItem sized = item("Export figure (size, resolution, PNG or SVG)...", this::exportSized);
        Menu shown = new Menu("Export as shown");
        for (int scale : new int[] {1, 2, 4}) {
            shown.getItems().add(item("PNG (" + scale + "x)...", () -> choose("png", f -> exportAsShown(f, scale))));
        }
        shown.getItems().add(item("SVG...", () -> choose("svg", f -> exportAsShown(f, 1))));
        MenuItem longCsv = item("Export data: CSV, one row per point...",
                () -> choose("csv", f -> exportCsv(f, FigureCsv.Layout.LONG)));
        MenuItem wideCsv = item("Export data: CSV for spreadsheets, one column per line...",
                () -> choose("csv", f -> exportCsv(f, FigureCsv.Layout.WIDE)));
        MenuItem copy = item("Copy image", this::copyImage);
        return new ContextMenu(sized, shown, new SeparatorMenuItem(), longCsv, wideCsv, new SeparatorMenuItem(), copy);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(false);
        m.setOnAction(e -> action.run());
        return m;
    }

    private Window window() {
        return panel.getScene() == null ? null : panel.getScene().getWindow();
    }

    private void choose(String format, Consumer<Path> then) {
        FigureSpec s = spec.getValue();
        if (s == null) {
            status.accept("Nothing to export yet.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + format.toUpperCase());
        fc.setInitialFileName(fileName(s.title()) + "." + format);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(), "*." + format));
        File f = fc.showSaveDialog(window());
        if (f != null) {
            then.accept(f.toPath());
        }
    }

    private void exportSized() {
        if (spec.getValue() == null) {
            status.accept("Nothing to export yet.");
            return;
        }
        List<String> sheets = panel.getScene() == null ? List.of() : panel.getScene().getStylesheets();
        List<String> classes = new ArrayList<>();
        if (panel.getScene() != null) {
            for (String c : panel.getScene().getRoot().getStyleClass()) {
                if (c.startsWith("theme-") || c.startsWith("scale-")) {
                    classes.add(c);
                }
            }
        }
        new FigureExportDialog(window(), new FigureExportViewModel(), sheets, classes).showAndWait().ifPresent(c ->
                choose(c.format().name().toLowerCase(java.util.Locale.ROOT), f -> exportSized(f, c)));
    }

    /** Writes the shown figure at a printed size, in the light theme unless the choice keeps the window's. */
    void exportSized(Path file, FigureExportViewModel.Choice c) {
        FigureSpec s = c.title() ? spec.getValue() : spec.getValue().withoutTitle();
        FigureStyle st = c.windowTheme() ? style.getValue() : FigureStyle.LIGHT;
        executor.submit(() -> {
            FigureFiles.write(file, s, st, c.size());
            return file;
        }, p -> status.accept("Wrote " + p + " (" + c.size() + ")"), e -> status.accept("Export failed: "
                + e.getMessage()));
    }

    /** Writes the shown figure as on screen (format from the name; CSV as the long table with its header). */
    void exportAsShown(Path file, double scale) {
        FigureSpec s = spec.getValue();
        FigureStyle st = style.getValue();
        int w = logicalWidth();
        int h = logicalHeight();
        Map<String, ?> header = provenance.get();
        executor.submit(() -> {
            if (FigureFiles.formatOf(file).equals("csv")) {
                FigureFiles.writeCsv(file, s, header, FigureCsv.Layout.LONG);
            } else {
                FigureFiles.write(file, s, st, w, h, scale);
            }
            return file;
        }, p -> status.accept("Wrote " + p), e -> status.accept("Export failed: " + e.getMessage()));
    }

    /** Writes the figure's data as CSV with the provenance header block. */
    void exportCsv(Path file, FigureCsv.Layout layout) {
        FigureSpec s = spec.getValue();
        Map<String, ?> header = provenance.get();
        executor.submit(() -> {
            FigureFiles.writeCsv(file, s, header, layout);
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

    /** The panel's current size in whole logical pixels, at least 200 x 150 (an export's size "as shown"). */
    private int logicalWidth() {
        return Math.max(200, (int) Math.round(panel.getWidth()));
    }

    private int logicalHeight() {
        return Math.max(150, (int) Math.round(panel.getHeight()));
    }

    static String fileName(String title) {
        String n = title.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? "figure" : n;
    }
}
