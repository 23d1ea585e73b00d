package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.classroom.ClassroomMode;
import org.expanderexplorer.ui.classroom.ClassroomViewModel;
import org.expanderexplorer.ui.classroom.LinkedViewsViewModel;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Classroom mode in the real window, headless, on small graphs and the classroom model: clicks an edge and
 * undoes it, clicks the spectrum, plays step mode until the graph stops being Ramanujan, and writes screenshots
 * at 200 % (and of step mode) to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
// TestFX launches the toolkit once and shares one primary stage: window test classes must not run concurrently
@ResourceLock("javafx-toolkit")
class ClassroomWindowTest {

    private MainWindow window;
    private ExplorerViewModel explorer;
    private ClassroomMode classroom;
    private ClassroomViewModel cvm;

    @Start
    void start(Stage s) {
        window = ExplorerApp.createWindow(s, new FxExecutor(2));
        explorer = window.viewModel();
        s.setWidth(1600);
        s.setHeight(1000);
        s.show();
        classroom = window.classroom();
        cvm = classroom.view().viewModel();
        classroom.activeProperty().set(true); // opens the Heawood graph
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(cvm::isCurrent));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() ->
                classroom.view().panels().stream().noneMatch(ChartPanel::isRendering)
                        && !classroom.view().graph().canvas().isRendering()));
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path screenshot(FxRobot robot, String name) throws Exception {
        Path f = new WindowDriver(window, robot).screenshot(name);
        assertThat(ImageIO.read(f.toFile()).getWidth()).isGreaterThan(1000);
        return f;
    }

    @Test
    void classroomAt200PercentWithTheExplanationPanel(FxRobot robot) throws Exception {
        awaitIdle();
        robot.interact(() -> {
            classroom.scaleProperty().set(2);
            classroom.explanationShownProperty().set(true);
            classroom.view().linked().selectSingular(2);
        });
        awaitIdle();
        assertThat(window.scene().getRoot().getStyleClass()).contains(StyleClasses.SCALE_200);
        assertThat(classroom.view().panels().get(0).drawnSpec()).isNotNull();
        assertThat(classroom.explanation().lines()).contains("Δ_R = √(3−1) + √(3−1) − 1.414 = 1.414 > 0: Ramanujan");
        assertThat(classroom.view().numbers().text("deltaR")).isEqualTo("1.414");
        screenshot(robot, "classroom-200-side-panel.png");
        // as presented: the lecturer's side panel hidden (Ctrl+J), the room goes to the graph and the charts
        robot.interact(() -> classroom.controlsShownProperty().set(false));
        awaitIdle();
        screenshot(robot, "classroom-200.png");
        // the gallery dialog at the same scale
        var dialog = fx(() -> new org.expanderexplorer.ui.classroom.TeachingGraphDialog(window.scene().getWindow(),
                MainWindow.class.getResource(StyleClasses.STYLESHEET).toExternalForm(),
                java.util.List.of(StyleClasses.SCALE_200)));
        robot.interact(dialog::show);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = dialog.getDialogPane().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png",
                Path.of("target", "screenshots", "classroom-gallery.png").toFile());
        robot.interact(dialog::close);
    }

    @Test
    void clickingAnEdgeRemovesItAndUndoRestoresTheSameMask(FxRobot robot) throws Exception {
        awaitIdle();
        PruningMask full = fx(() -> cvm.maskProperty().get());
        GraphDrawing d = fx(() -> cvm.stateProperty().get().drawing());
        // a point a third of the way along the first kept edge, on screen
        int a = d.edgeFrom()[0];
        int b = d.edgeTo()[0];
        Point2D onScreen = fx(() -> {
            var canvas = classroom.view().graph().canvas();
            Point2D p = canvas.toCanvas(d.x()[a] + (d.x()[b] - d.x()[a]) / 3, d.y()[a] + (d.y()[b] - d.y()[a]) / 3);
            return canvas.localToScreen(p);
        });
        robot.clickOn(onScreen);
        awaitIdle();
        PruningMask after = fx(() -> cvm.maskProperty().get());
        assertThat(after.keptCount()).isEqualTo(full.keptCount() - 1);
        assertThat(after.isKept(a, b - 7)).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        awaitIdle();
        assertThat(fx(() -> cvm.maskProperty().get())).isEqualTo(full);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        awaitIdle();
        assertThat(fx(() -> cvm.maskProperty().get())).isEqualTo(after);
    }

    @Test
    void clickingTheSpectrumColoursBySingularVectors(FxRobot robot) throws Exception {
        awaitIdle();
        ChartPanel spectrum = classroom.view().panels().get(0);
        FigureSpec spec = fx(spectrum::shownSpec);
        int w = fx(() -> (int) Math.floor(spectrum.getWidth()));
        int h = fx(() -> (int) Math.floor(spectrum.getHeight()));
        var style = fx(() -> org.expanderexplorer.core.report.FigureStyle.LIGHT);
        double x = org.expanderexplorer.ui.classroom.ClassroomPanelsTestAccess.columnOf(3, spec, style, w, h);
        double cx = x;
        Point2D p = fx(() -> spectrum.localToScreen(cx, h / 2.0));
        robot.clickOn(p);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() ->
                classroom.view().linked().singularIndexProperty().get() == 3));
        assertThat(fx(() -> classroom.view().linked().colouringProperty().get()))
                .isEqualTo(LinkedViewsViewModel.Colouring.SINGULAR);
        assertThat(fx(() -> classroom.view().graph().canvas().vertexValuesProperty().get())).isNotNull();
    }

    @Test
    void stepModeOnTheClassroomModelPausesWhenItStopsBeingRamanujan(FxRobot robot) throws Exception {
        robot.interact(() -> {
            cvm.openClassroomModel(GraphId.IH);
            classroom.scaleProperty().set(1.5);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> cvm.sourceProperty().get() != null
                && cvm.sourceProperty().get().model() != null));
        awaitIdle();
        assertThat(fx(() -> cvm.stateProperty().get().accuracy())).isNotNull();
        var snapshots = classroom.view().snapshots();
        var dense = fx(() -> snapshots.save("dense"));
        robot.interact(() -> {
            classroom.contrastProperty().set(true);
            classroom.view().steps().speedProperty().set(40);
            classroom.view().steps().playingProperty().set(true);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() ->
                !classroom.view().steps().playingProperty().get()));
        awaitIdle();
        assertThat(fx(() -> cvm.justLostProperty().get())).isTrue();
        assertThat(classroom.view().graph().calloutText()).contains("No longer Ramanujan");
        assertThat(window.scene().getRoot().getStyleClass()).contains(StyleClasses.THEME_CONTRAST);
        screenshot(robot, "classroom-step.png");
        // the two states side by side
        var lost = fx(() -> snapshots.save("lost"));
        var dialog = fx(() -> classroom.view().showComparison(snapshots.compare(dense, lost)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> dialog.chart().drawnSpec() != null
                && !dialog.chart().isRendering()));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = dialog.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png",
                Path.of("target", "screenshots", "classroom-compare.png").toFile());
        robot.interact(dialog::close);
    }

    @Test
    void theExplorerAt150PercentExplainsTheRealNetwork(FxRobot robot) throws Exception {
        robot.interact(() -> {
            classroom.activeProperty().set(false);
            classroom.scaleProperty().set(1.5);
            classroom.explanationShownProperty().set(true);
            window.openSample("digits8-rnn12.zip");
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> explorer.snapshotProperty().get() != null
                && explorer.finishedCurveProperty().get() != null && !explorer.isBusy()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() ->
                window.panels().stream().noneMatch(ChartPanel::isRendering)
                        && !window.graphView().canvas().isRendering()));
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.scene().getRoot().getStyleClass()).contains(StyleClasses.SCALE_150);
        assertThat(fx(() -> window.panels().get(0).drawnSpec())).isNotNull();
        assertThat(classroom.explanation().lines()).anyMatch(l -> l.startsWith("digits8-rnn12 ih at q = 100.0 %: "
                + "|L'| = 8, |R'| = 12, |E| = 96"));
        screenshot(robot, "explorer-classroom-150.png");
    }
}
