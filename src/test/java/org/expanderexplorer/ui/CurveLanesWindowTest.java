package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
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
 * The curves over q that the window shows, measured by its pool with more than one lane (decision 31), are those
 * of the serial sweep: for the sample RNN with magnitude pruning, then, after the user picks the ramanujan method,
 * for a sweep that ends at its reach; and opening a second model replaces them by that model's.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
class CurveLanesWindowTest {

    private MainWindow window;
    private ExplorerViewModel vm;

    @Start
    void start(Stage s) {
        window = ExplorerApp.createWindow(s, new FxExecutor(ExplorerApp.WORKERS));
        vm = window.viewModel();
        s.setWidth(1280);
        s.setHeight(800);
        s.show();
        window.openSample("smnist-rnn128.zip");
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private SweepResult awaitCurves(SweepResult before) throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> vm.finishedCurveProperty().get() != null
                && vm.finishedCurveProperty().get() != before && !vm.isBusy()));
        return fx(() -> vm.finishedCurveProperty().get());
    }

    /** The window's curves against the serial sweep of the same subject, settings and graph. */
    private void assertSerial(SweepResult shown) throws Exception {
        SweepResult serial = fx(() -> {
            var s = vm.subjectProperty().get();
            var settings = vm.settings();
            var graph = vm.graphProperty().get();
            return (Callable<SweepResult>) () -> SliderAnalysis.curve(s, settings, graph, null, null);
        }).call();
        assertThat(shown.points()).hasSameSizeAs(serial.points());
        assertThat(shown.reach()).isEqualTo(serial.reach());
        for (int i = 0; i < serial.points().size(); i++) {
            SweepPoint a = shown.points().get(i);
            SweepPoint e = serial.points().get(i);
            assertThat(a.keepPercent()).as("q of point %d", i).isEqualTo(e.keepPercent());
            assertThat(a.accuracy()).as("accuracy at q = %s", e.keepPercent()).isEqualTo(e.accuracy());
            for (SweepPoint.Key k : e.results().keySet()) {
                assertThat(a.results().get(k).deltaS()).as("Delta_S of %s at q = %s", k, e.keepPercent())
                        .isEqualTo(e.results().get(k).deltaS());
            }
        }
    }

    @Test
    void theCurvesShownAreTheSerialSweepsForEachMethodAndModel(FxRobot robot) throws Exception {
        SweepResult magnitude = awaitCurves(null);
        assertThat(magnitude.points()).hasSize(SliderAnalysis.CURVE_GRID.keepPercents().size());
        assertThat(magnitude.points().get(0).result(fx(() -> vm.graphProperty().get()), Representation.UNWEIGHTED))
                .isNotNull();
        assertSerial(magnitude);

        robot.interact(() -> vm.methodProperty().set(PruningMethod.RAMANUJAN));
        SweepResult ramanujan = awaitCurves(magnitude);
        // the ramanujan method cannot go below its reach with every gap positive: the curve ends there
        assertThat(ramanujan.reach()).isNotNull();
        assertThat(ramanujan.points()).hasSizeLessThan(magnitude.points().size());
        assertSerial(ramanujan);

        robot.interact(() -> window.openSample("digits8-rnn12.zip"));
        SweepResult second = awaitCurves(ramanujan);
        assertThat(fx(() -> vm.subjectProperty().get().name())).contains("digits8");
        assertSerial(second);
        List<Double> grid = SliderAnalysis.CURVE_GRID.keepPercents();
        assertThat(second.points().get(0).keepPercent()).isEqualTo(grid.get(0));
    }
}
