package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestDrawings.vertex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.GraphArea;
import org.expanderexplorer.ui.graph.GraphCanvas;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lecturer shows what expansion means (headless, the real window at 1280 x 720): with the sample LSTM pruned to
 * q = 10 % they click an input at step 1, step through time and read |N_t(S)| per step, which must equal the spread
 * computed from the pruned matrices; then they drag q down and the counts follow. Screenshots of the spread and of
 * the matrix view, light and at the classroom's 200 %, go to target/screenshots (and, with
 * -Dscreenshots.update=true, to assets/screenshots).
 */
class SpreadJourneyTest extends JourneyTest {

    SpreadJourneyTest() {
        super(OpenedDocument.DEFAULT_SAMPLE, 1280, 720);
    }


    /**
     * A button of the spread strip, looked up on the UI thread: a query from the test thread walks the scene while
     * the strip's table is being refilled there, and can trip over it.
     */
    private javafx.scene.Node button(String id) throws Exception {
        return WindowDriver.fx(() -> window.scene().lookup("#" + id));
    }

    private String text(FxRobot robot, String id) throws Exception {
        return WindowDriver.fx(() -> ((Label) window.scene().lookup("#" + id)).getText());
    }

    /** The spread of x1[0] computed afresh from the pruned matrices the window shows. */
    private static Spread.Result expected(Snapshot s) {
        return new Spread(s.state().ih(), s.state().hh(), List.of(new UnfoldedVertex(Role.X, 1, 0)),
                s.request().window()).result();
    }

    @Test
    void clickAnInputStepThroughTimeAndWatchPruningStopTheSpread(FxRobot robot) throws Exception {
        WindowDriver d = driver(robot);
        robot.interact(() -> window.viewModel().keepPercentProperty().set(10));
        d.awaitIdle();
        GraphArea area = WindowDriver.fx(() -> window.graphArea());
        GraphCanvas canvas = WindowDriver.fx(() -> window.graphView().canvas());
        GraphDrawing drawing = WindowDriver.fx(() -> window.viewModel().snapshotProperty().get().drawing());
        int x0 = vertex(drawing, "x1[0]");
        Point2D p = WindowDriver.fx(() -> canvas.localToScreen(canvas.vertexOnCanvas(x0)));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !text(robot, "spread-full").isEmpty());
        assertThat(text(robot, "spread-set")).isEqualTo("|S| = 1: x1[0]");
        Spread.Result r = expected(WindowDriver.fx(() -> window.viewModel().snapshotProperty().get()));
        int steps = r.steps().size();
        for (int t = 1; t <= steps; t++) {
            robot.clickOn(button("spread-step"));
            int shown = t;
            // the step is painted off the UI thread: wait until the strip marks it as walked
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WindowDriver.fx(() -> area.spreadView()
                    .lookup("#spread-count-" + shown).getStyleClass().contains(StyleClasses.SPREAD_SHOWN)));
            assertThat(text(robot, "spread-count-" + t)).isEqualTo(String.valueOf(r.steps().get(t - 1).count()));
            assertThat(WindowDriver.fx(() -> canvas.spreadProperty().get().edgeFrom().length)).isPositive();
        }
        assertThat(r.steps().get(steps - 1).count()).isPositive();
        String full = text(robot, "spread-full");
        assertThat(full).startsWith("all 128 hidden units reached");
        d.awaitIdle();
        save(d, "spread-light.png");

        // prune much harder: the same set's spread is recomputed from the new masks and shrinks
        d.dragSlider(0.0, 8, () -> { }, () -> { });
        d.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        Snapshot low = WindowDriver.fx(() -> window.viewModel().snapshotProperty().get());
        Spread.Result lr = expected(low);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> text(robot, "spread-count-" + steps)
                .equals(String.valueOf(lr.steps().get(steps - 1).count())));
        for (int t = 1; t <= steps; t++) {
            assertThat(text(robot, "spread-count-" + t)).isEqualTo(String.valueOf(lr.steps().get(t - 1).count()));
        }
        assertThat(lr.steps().get(steps - 1).count()).isLessThan(r.steps().get(steps - 1).count());

        // the worst set of the recurrent unit graph at 10 %, with the matrix view in Fiedler order beside it
        robot.interact(() -> {
            window.viewModel().keepPercentProperty().set(10);
            window.viewModel().graphProperty().set(org.expanderexplorer.core.subject.GraphId.HH_UNITS);
        });
        d.awaitIdle();
        robot.clickOn(button("spread-worst"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> text(robot, "spread-set").startsWith("|S| = "));
        robot.clickOn(button("spread-step"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WindowDriver.fx(() -> area.spreadView()
                .lookup("#spread-count-1").getStyleClass().contains(StyleClasses.SPREAD_SHOWN)));
        d.awaitIdle();
        save(d, "spread-worst-set-light.png");
        robot.interact(() -> window.viewModel().graphProperty().set(
                org.expanderexplorer.core.subject.GraphId.IH_UNITS));
        robot.clickOn(button("spread-clear"));
        robot.clickOn(p);
        robot.clickOn(button("spread-step"));
        robot.clickOn(button("spread-step"));

        // the classroom's 200 % on a projector of twice the pixels: the same layout, type and strokes doubled
        robot.interact(() -> window.viewModel().keepPercentProperty().set(10));
        robot.interact(() -> {
            window.classroom().scaleProperty().set(2);
            stage.setWidth(2560);
            stage.setHeight(1440);
        });
        d.awaitIdle();
        save(d, "spread-classroom-200.png");
    }

    private void save(WindowDriver d, String name) throws Exception {
        Path shot = d.screenshot(name);
        if (Boolean.getBoolean("screenshots.update")) {
            Files.copy(shot, Path.of("assets", "screenshots", name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
