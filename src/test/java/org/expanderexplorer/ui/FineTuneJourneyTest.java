package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.ui.train.TrainingDialog;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher asks how much accuracy comes back at q = 20 % (real window, headless): the classroom RNN pruned to
 * 20 % with the keyboard, fine-tuned from the Model menu with its masks held; the window then shows the
 * fine-tuned model at the same q with the same edges and a higher accuracy.
 */
class FineTuneJourneyTest extends JourneyTest {

    FineTuneJourneyTest() {
        super("digits8-rnn12.zip", 1280, 800);
    }

    @Test
    void fineTuningAtTwentyPercentBringsAccuracyBackWithTheSameMasks(FxRobot robot) throws Exception {
        WindowDriver d = driver(robot);
        robot.clickOn(window.controls().slider().lookup(".thumb")); // focus, without moving it
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        d.awaitIdle();
        assertThat(strip("q")).isEqualTo("20.0 %");
        double before = WindowDriver.fx(() -> window.viewModel().accuracyProperty().get());
        String edges = strip("edges");
        PrunedState masks = WindowDriver.fx(() -> window.viewModel().snapshotProperty().get().state());

        d.menu("Model", "Fine-tune at the current q...");
        TrainingDialog dialog = WindowDriver.fx(() -> window.fineTuneView().dialog());
        assertThat(WindowDriver.fx(() -> dialog.stage().isShowing())).isTrue();
        var root = dialog.stage().getScene().getRoot();
        robot.interact(() -> setEpochs(root.lookup("#epochs"), 5));
        robot.doubleClickOn((TextField) root.lookup("#learning-rate")).eraseText(12).write("0.01");
        robot.clickOn(dialog.startButton());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !WindowDriver.fx(() -> dialog.stage().isShowing()));
        d.awaitIdle();

        assertThat(WindowDriver.fx(stage::getTitle))
                .isEqualTo("Expander Explorer: digits8-rnn12 fine-tuned at q = 20.0 % (unsaved)");
        assertThat(strip("q")).isEqualTo("20.0 %");
        assertThat(strip("edges")).isEqualTo(edges);
        double after = WindowDriver.fx(() -> window.viewModel().accuracyProperty().get());
        assertThat(after).isGreaterThan(before + 0.05);
        assertThat(strip("acc"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f %%", 100 * after));
        assertThat(WindowDriver.fx(() -> window.viewModel().statusProperty().get())).isEqualTo(String.format(
                java.util.Locale.ROOT, "Fine-tuned at q = 20.0 %%: test accuracy %.2f %% before, %.2f %% after 5 "
                        + "epoch(s) with the masks held.", 100 * before, 100 * after));
        PrunedState now = WindowDriver.fx(() -> window.viewModel().snapshotProperty().get().state());
        assertThat(now.ihMask().toArray()).isEqualTo(masks.ihMask().toArray());
        assertThat(now.hhMask().toArray()).isEqualTo(masks.hhMask().toArray());
        assertThat(d.specs().get(3).series()).anyMatch(s -> s.name().equals("now") && s.yAt(0) == 100 * after);
        assertThat(dialogs.errors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void setEpochs(javafx.scene.Node spinner, int epochs) {
        ((Spinner<Integer>) spinner).getValueFactory().setValue(epochs);
    }
}
