package org.expanderexplorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manual check, not part of the suite (the name does not end in Test): the times a user waits in the real
 * window (headless) with the sample LSTM. From the moment the sample is opened: until the first analysis is
 * shown, until the accuracy of the full test set at q = 100 % is shown, and until the curves over q are complete
 * ("Curves over q ready"); then, for q = 50, 20, 10 and 5 %, from the release of the slider until the full test
 * set's accuracy at that q is shown. Prints the figures and writes them to target/opening-times.txt, with the load
 * average before and after. Run with {@code mvn -B test -Dtest=OpeningTimesCheck}; docs/performance.md has the
 * measured figures.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningTimesCheck {

    private ExplorerViewModel vm;
    private MainWindow window;
    private long opened;

    @Start
    void start(Stage s) {
        window = ExplorerApp.createWindow(s, new FxExecutor(ExplorerApp.WORKERS));
        vm = window.viewModel();
        s.setWidth(1440);
        s.setHeight(900);
        s.show();
        opened = System.nanoTime();
        window.openSample(OpenedDocument.DEFAULT_SAMPLE);
    }

    @Test
    void printsTheTimesAUserWaits() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + load());
        long[] shown = new long[3];
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> {
            long now = System.nanoTime();
            if (shown[0] == 0 && vm.snapshotProperty().get() != null) {
                shown[0] = now;
            }
            if (shown[1] == 0 && vm.accuracyIsFullProperty().get() && vm.accuracyProperty().get() != null) {
                shown[1] = now;
            }
            if (shown[2] == 0 && vm.finishedCurveProperty().get() != null) {
                shown[2] = now;
            }
            return shown[0] != 0 && shown[1] != 0 && shown[2] != 0;
        });
        lines.add(String.format(Locale.ROOT, "first analysis shown   %7.0f ms after opening", (shown[0] - opened) / 1e6));
        lines.add(String.format(Locale.ROOT, "dense accuracy (10000) %7.0f ms after opening (%.2f %%)",
                (shown[1] - opened) / 1e6, 100 * vm.accuracyProperty().get()));
        lines.add(String.format(Locale.ROOT, "curves over q ready    %7.0f ms after opening (%s)",
                (shown[2] - opened) / 1e6, vm.statusProperty().get()));
        for (double q : new double[] {50, 20, 10, 5}) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.isBusy());
            Double before = vm.accuracyProperty().get();
            long[] released = new long[1];
            WaitForAsyncUtils.asyncFx(() -> {
                vm.draggingProperty().set(true);
                vm.keepPercentProperty().set(q);
                released[0] = System.nanoTime();
                vm.draggingProperty().set(false);
            }).get();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.accuracyIsFullProperty().get()
                    && vm.accuracyProperty().get() != null && !vm.accuracyProperty().get().equals(before)
                    && !vm.isBusy());
            long done = System.nanoTime();
            lines.add(String.format(Locale.ROOT, "release at q = %4.1f %%  %7.0f ms to the full test set's accuracy "
                    + "(%.2f %%)", q, (done - released[0]) / 1e6, 100 * vm.accuracyProperty().get()));
        }
        lines.add("load average after: " + load());
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "opening-times.txt"), lines);
        Platform.runLater(() -> { });
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "(unknown)";
        }
    }
}
