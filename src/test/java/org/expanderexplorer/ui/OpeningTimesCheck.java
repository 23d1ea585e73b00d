package org.expanderexplorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
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
        window = WindowDriver.show(s, null, 1440, 900);
        vm = window.viewModel();
        opened = System.nanoTime();
        window.openSample(OpenedDocument.DEFAULT_SAMPLE);
    }

    @Test
    void printsTheTimesAUserWaits() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + load());
        lines.addAll(waitForOpening("cold start, " + OpenedDocument.DEFAULT_SAMPLE, null));
        // the same model opened again in the running window (after another one), as a user opens one model after
        // another: the JVM is warm, the data set is read again
        for (String sample : new String[] {"smnist-rnn128.zip", OpenedDocument.DEFAULT_SAMPLE}) {
            Subject before = vm.subjectProperty().get();
            WaitForAsyncUtils.asyncFx(() -> {
                opened = System.nanoTime();
                window.openSample(sample);
            }).get();
            lines.addAll(waitForOpening("opened in the running window, " + sample, before));
        }
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
            long[] shown = new long[1];
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                boolean full = vm.accuracyIsFullProperty().get() && vm.accuracyProperty().get() != null
                        && !vm.accuracyProperty().get().equals(before);
                if (full && shown[0] == 0) {
                    shown[0] = System.nanoTime();
                }
                return full && !vm.isBusy();
            });
            long done = System.nanoTime();
            lines.add(String.format(Locale.ROOT, "release at q = %4.1f %%  %7.0f ms to the full test set's accuracy "
                    + "(%.2f %%), %7.0f ms until all work is done", q, (shown[0] - released[0]) / 1e6,
                    100 * vm.accuracyProperty().get(), (done - released[0]) / 1e6));
        }
        lines.add("load average after: " + load());
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "opening-times.txt"), lines);
        Platform.runLater(() -> { });
    }

    /** Waits until the document opened at {@link #opened} shows its analysis, dense accuracy and curves. */
    private List<String> waitForOpening(String what, Subject before) throws Exception {
        long[] shown = new long[3];
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> {
            long now = System.nanoTime();
            var shownSubject = vm.subjectProperty().get();
            if (shown[0] == 0 && shownSubject != null && shownSubject != before && vm.snapshotProperty().get() != null
                    && vm.snapshotProperty().get().request().subject() == shownSubject) {
                shown[0] = now;
            }
            if (shown[0] != 0 && shown[1] == 0 && vm.accuracyIsFullProperty().get()
                    && vm.accuracyProperty().get() != null) {
                shown[1] = now;
            }
            if (shown[0] != 0 && shown[2] == 0 && vm.finishedCurveProperty().get() != null) {
                shown[2] = now;
            }
            return shown[0] != 0 && shown[1] != 0 && shown[2] != 0;
        });
        List<String> lines = new ArrayList<>();
        lines.add(what + ":");
        lines.add(String.format(Locale.ROOT, "  first analysis shown   %7.0f ms after opening", (shown[0] - opened) / 1e6));
        lines.add(String.format(Locale.ROOT, "  dense accuracy (full)  %7.0f ms after opening (%.2f %%)",
                (shown[1] - opened) / 1e6, 100 * vm.accuracyProperty().get()));
        lines.add(String.format(Locale.ROOT, "  curves over q ready    %7.0f ms after opening (%s)",
                (shown[2] - opened) / 1e6, vm.statusProperty().get()));
        return lines;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "(unknown)";
        }
    }
}
