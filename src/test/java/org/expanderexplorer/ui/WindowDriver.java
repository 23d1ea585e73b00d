package org.expanderexplorer.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window in the window tests: waits for the background work, clicks menus, drags the slider. */
final class WindowDriver {

    final MainWindow window;
    final ExplorerViewModel vm;
    final FxRobot robot;

    WindowDriver(MainWindow window, FxRobot robot) {
        this.window = window;
        this.vm = window.viewModel();
        this.robot = robot;
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS); // generous: a shared machine can be slow
    }

    /**
     * Waits until nothing is being opened or computed and every panel shows its newest figure: the snapshot, the
     * curves over q, the dense accuracy (for a model with data), and the chart and graph images.
     */
    void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> fx(() -> !window.documents().loadingProperty().get()
                && vm.snapshotProperty().get() != null
                && vm.snapshotProperty().get().request().subject() == vm.subjectProperty().get()
                && vm.finishedCurveProperty().get() != null
                && (vm.subjectProperty().get().probe() == null || vm.denseAccuracyProperty().get() != null
                && vm.accuracyProperty().get() != null)
                && !vm.isBusy()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() ->
                window.panels().stream().noneMatch(ChartPanel::isRendering)
                        && !window.graphView().canvas().isRendering()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The figures the four panels show now. */
    List<FigureSpec> specs() throws Exception {
        return fx(() -> {
            List<FigureSpec> out = new ArrayList<>();
            for (ChartPanel p : window.panels()) {
                out.add(p.shownSpec());
            }
            return out;
        });
    }

    /** The window's menu bar. */
    static MenuBar menuBar(MainWindow window) {
        return (MenuBar) window.scene().getRoot().lookupAll(".menu-bar").stream().filter(n -> n instanceof MenuBar)
                .findFirst().orElseThrow();
    }

    /** Chooses a menu item as a user does: opens the menu on the menu bar, then clicks the item. */
    void menu(String menu, String item) throws Exception {
        MenuBar bar = fx(() -> menuBar(window));
        MenuItem target = fx(() -> {
            for (Menu m : bar.getMenus()) {
                if (m.getText().equals(menu)) {
                    return m.getItems().stream().filter(i -> item.equals(i.getText())).findFirst().orElseThrow(
                            () -> new AssertionError("no item '" + item + "' in menu " + menu));
                }
            }
            throw new AssertionError("no menu " + menu);
        });
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        if (fx(() -> target.isDisable())) {
            throw new AssertionError("menu item '" + item + "' is disabled");
        }
        // straight down from the menu's title, then to the item: a diagonal path would cross the neighbouring
        // menus on the bar, and hovering one of them switches to it
        Node title = robot.lookup(menu).query();
        Node entry = robot.lookup(item).query();
        Bounds tb = fx(() -> title.localToScreen(title.getBoundsInLocal()));
        Bounds eb = fx(() -> entry.localToScreen(entry.getBoundsInLocal()));
        robot.moveTo(new javafx.geometry.Point2D(tb.getMinX() + 8, eb.getCenterY()));
        robot.clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses the slider's thumb, drags it to {@code fraction} of its track in {@code steps} moves, releases. */
    void dragSlider(double fraction, int steps, Runnable onPress, Runnable onRelease) throws Exception {
        var slider = window.controls().slider();
        Node thumb = fx(() -> slider.lookup(".thumb"));
        Bounds b = fx(() -> slider.localToScreen(slider.getBoundsInLocal()));
        Bounds t = fx(() -> thumb.localToScreen(thumb.getBoundsInLocal()));
        robot.moveTo(thumb).press(MouseButton.PRIMARY);
        robot.interact(onPress);
        double y = t.getCenterY();
        double startX = t.getCenterX();
        double endX = b.getMinX() + fraction * b.getWidth();
        for (int i = 1; i <= steps; i++) {
            robot.moveTo(startX + (endX - startX) * i / steps, y);
            Thread.sleep(25);
        }
        robot.release(MouseButton.PRIMARY);
        robot.interact(onRelease);
    }

    /** Writes a screenshot of the window to target/screenshots/NAME. */
    Path screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = window.scene().snapshot(null));
        BufferedImage bi = SwingFXUtils.fromFXImage(img[0], null);
        Path f = dir.resolve(name);
        ImageIO.write(bi, "png", f.toFile());
        return f;
    }
}
