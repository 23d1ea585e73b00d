package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.train.TrainingDialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student trains in the real window (headless): a small RNN on the 8 x 8 digits becomes the open, unsaved
 * document; they save it and open it again; they start a longer training, try to close the dialog (it asks),
 * cancel (the dialog says so and is usable), and train again to the end. Asserts on what the window shows.
 */
class TrainerJourneyTest extends JourneyTest {

    @TempDir
    Path dir;

    TrainerJourneyTest() {
        super("digits8-rnn12.zip", 1280, 800);
    }

    @Test
    void trainSaveReopenThenCancelThenTrainAgain(FxRobot robot) throws Exception {
        WindowDriver d = driver(robot);
        assertThat(WindowDriver.fx(stage::getTitle)).isEqualTo("Expander Explorer: digits8-rnn12");
        assertThat(saveModelItem().isDisable()).isTrue();

        d.menu("Model", "Train a new model...");
        TrainingDialog dialog = WindowDriver.fx(() -> window.trainView().dialog());
        fillIn(robot, dialog, "digits8", "0.01");
        robot.clickOn(dialog.startButton());
        waitFor(() -> !dialog.stage().isShowing()); // done: the dialog closes
        d.awaitIdle();
        assertThat(WindowDriver.fx(stage::getTitle)).isEqualTo("Expander Explorer: trained rnn8 (unsaved)");
        assertThat(modelTitle()).isEqualTo("trained rnn8 (unsaved)");
        assertThat(saveModelItem().isDisable()).isFalse();
        String trainedAccuracy = strip("acc");
        assertThat(trainedAccuracy).matches("\\d+\\.\\d\\d %");
        assertThat(d.specs().get(3).title()).isEqualTo("Test accuracy on digits8-test");
        assertThat(WindowDriver.fx(() -> window.viewModel().statusProperty().get()))
                .startsWith("Trained rnn8: test accuracy " + trainedAccuracy);

        Path saved = dir.resolve("my-rnn.zip");
        dialogs.files.add(saved);
        d.menu("File", "Save model...");
        waitFor(() -> WindowDriver.fx(stage::getTitle).equals("Expander Explorer: my-rnn.zip"));
        assertThat(saved).exists();
        assertThat(ModelFiles.load(saved).metadata().learningRate()).isEqualTo(0.01);
        assertThat(saveModelItem().isDisable()).isTrue();
        assertThat(dialogs.notices).anyMatch(n -> n.startsWith("Saved the model to " + saved));

        dialogs.files.add(saved);
        d.menu("File", "Open model, matrix or session...");
        d.awaitIdle();
        assertThat(modelTitle()).isEqualTo("my-rnn.zip");
        assertThat(strip("acc")).isEqualTo(trainedAccuracy);

        // a longer training: closing the dialog asks (the user declines), Cancel stops it
        d.menu("Model", "Train a new model...");
        fillIn(robot, dialog, "mnist", "0.001");
        robot.clickOn(dialog.startButton());
        waitFor(() -> WindowDriver.fx(() -> dialog.progressLine().getText()).startsWith("epoch 1/"));
        robot.clickOn(dialog.closeButton());
        assertThat(dialogs.asked).contains("confirm: Training is running");
        assertThat(WindowDriver.fx(() -> dialog.stage().isShowing())).isTrue();
        assertThat(WindowDriver.fx(() -> window.training().runningProperty().get())).isTrue();
        robot.clickOn(dialog.cancelButton());
        waitFor(() -> !WindowDriver.fx(() -> window.training().runningProperty().get()));
        assertThat(WindowDriver.fx(() -> dialog.progressLine().getText()))
                .isEqualTo("Cancelled; the window keeps its model.");
        assertThat(WindowDriver.fx(() -> dialog.startButton().isDisable())).isFalse();
        assertThat(modelTitle()).isEqualTo("my-rnn.zip");

        // usable again: back to the digits, to the end
        fillIn(robot, dialog, "digits8", "0.01");
        robot.clickOn(dialog.startButton());
        waitFor(() -> !dialog.stage().isShowing());
        d.awaitIdle();
        assertThat(modelTitle()).isEqualTo("trained rnn8 (unsaved)");
        assertThat(strip("acc")).isEqualTo(trainedAccuracy); // same seed
        assertThat(strip("q")).isEqualTo("100.0 %");
        assertThat(dialogs.errors).isEmpty();
    }

    /** Sets the form as a user does: RNN, 8 hidden units, 4 epochs, batch 32, the data set and learning rate. */
    @SuppressWarnings("unchecked")
    private static void fillIn(FxRobot robot, TrainingDialog dialog, String data, String lr) throws Exception {
        var root = dialog.stage().getScene().getRoot();
        robot.interact(() -> {
            ((ComboBox<CellType>) root.lookup("#architecture")).setValue(CellType.RNN);
            ((Spinner<Integer>) root.lookup("#hidden")).getValueFactory().setValue(8);
            ((Spinner<Integer>) root.lookup("#epochs")).getValueFactory().setValue(4);
            ((Spinner<Integer>) root.lookup("#batch")).getValueFactory().setValue(32);
        });
        ComboBox<String> dataSet = (ComboBox<String>) root.lookup("#data-set");
        robot.doubleClickOn(dataSet.getEditor()).eraseText(40).write(data);
        TextField rate = (TextField) root.lookup("#learning-rate");
        robot.doubleClickOn(rate).eraseText(12).write(lr);
        robot.interact(dataSet::commitValue);
        String shownRate = WindowDriver.fx(() -> rate.getText());
        String shownData = WindowDriver.fx(() -> dataSet.getValue());
        assertThat(shownRate).isEqualTo(lr);
        assertThat(shownData).isEqualTo(data);
    }

    private MenuItem saveModelItem() throws Exception {
        return WindowDriver.fx(() -> WindowDriver.menuBar(window).getMenus().get(0)
                .getItems().stream().filter(i -> "Save model...".equals(i.getText())).findFirst().orElseThrow());
    }

    private String modelTitle() throws Exception {
        return WindowDriver.fx(() -> ((Label) window.controls().lookupAll(".label").stream()
                .filter(n -> n.getStyle().contains("bold")).findFirst().orElseThrow()).getText());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
