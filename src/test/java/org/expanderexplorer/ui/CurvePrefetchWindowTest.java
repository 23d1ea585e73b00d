package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.ui.WindowDriver.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.ui.document.DocumentLoader;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.CurvePrefetch;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A launch as the application does it (decision 33): the sample is read while the window is built and its curves
 * are measured from then on; the window, once it shows the sample, shows those curves (measured once, not again)
 * and the status line reports them; changing the method then measures new curves in the window, and a second
 * model its own.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
class CurvePrefetchWindowTest {

    private MainWindow window;
    private ExplorerViewModel vm;
    private CompletableFuture<OpenedDocument> reading;
    private final CompletableFuture<CurvePrefetch> prefetch = new CompletableFuture<>();

    @Start
    void start(Stage s) {
        // what ExplorerApp.init does, with the sample RNN: read, then measure the curves, on a thread of its own
        reading = CompletableFuture.supplyAsync(() -> {
            OpenedDocument d = DocumentLoader.openSample("smnist-rnn128.zip");
            prefetch.complete(CurvePrefetch.start(d.subject(), ExplorerViewModel.FIRST_SETTINGS,
                    d.subject().defaultGraph()));
            return d;
        });
        window = WindowDriver.show(s, null, 1280, 800);
        vm = window.viewModel();
        vm.offerCurves(prefetch);
        window.openSample("smnist-rnn128.zip", reading);
    }

    @Test
    void theLaunchsCurvesAreShownOnceAndLaterOnesAreMeasuredInTheWindow(FxRobot robot) throws Exception {
        WindowDriver driver = new WindowDriver(window, robot);
        driver.awaitIdle();
        CurvePrefetch early = prefetch.get(60, TimeUnit.SECONDS);
        SweepResult shown = fx(() -> vm.finishedCurveProperty().get());
        assertThat(early.abandoned()).isFalse();
        assertThat(shown).isSameAs(early.result());
        assertThat(fx(() -> vm.curveProperty().get())).isEqualTo(early.result().points());
        assertThat(shown.points()).hasSize(SliderAnalysis.CURVE_GRID.keepPercents().size());
        StatusView status = robot.lookup(n -> n instanceof StatusView).query();
        assertThat(fx(() -> ((Label) status.getRightItems().get(0)).getText()))
                .startsWith("curves over q: 21 points in");
        // the serial sweep of what the window shows gives the same accuracies
        var subject = fx(() -> vm.subjectProperty().get());
        assertThat(subject).isSameAs(reading.get().subject());
        SweepResult serial = SliderAnalysis.curve(subject, fx(vm::settings), fx(() -> vm.graphProperty().get()),
                null, null);
        for (int i = 0; i < serial.points().size(); i++) {
            assertThat(shown.points().get(i).accuracy()).as("accuracy at q = %s", serial.points().get(i)
                    .keepPercent()).isEqualTo(serial.points().get(i).accuracy());
        }

        // another method: measured by the window now
        robot.interact(() -> vm.methodProperty().set(PruningMethod.RANDOM));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> vm.finishedCurveProperty().get() != null
                && vm.finishedCurveProperty().get() != shown && !vm.isBusy()));
        SweepResult random = fx(() -> vm.finishedCurveProperty().get());
        assertThat(random.config().settings().method()).isEqualTo(PruningMethod.RANDOM);
        assertThat(random.points()).hasSize(serial.points().size());

        // and a second model its own, with the method the user chose
        robot.interact(() -> window.openSample("digits8-rnn12.zip"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> vm.subjectProperty().get() != subject
                && vm.finishedCurveProperty().get() != null && vm.finishedCurveProperty().get() != random
                && !vm.isBusy()));
        assertThat(fx(() -> vm.subjectProperty().get().name())).contains("digits8");
        assertThat(fx(() -> vm.finishedCurveProperty().get().config().settings().method()))
                .isEqualTo(PruningMethod.RANDOM);
    }
}
