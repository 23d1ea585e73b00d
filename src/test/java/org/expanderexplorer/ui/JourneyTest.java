package org.expanderexplorer.ui;

import javafx.stage.Stage;
import org.expanderexplorer.ui.document.ScriptedDialogs;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A user's journey through the real window (headless): the window as the application builds it, with dialogs
 * that answer from a script, at a given size, with a sample model open as at start-up. TestFX looks for the
 * {@code @Start} method among the test class's own methods only, so each journey declares one that calls
 * {@link #show}.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
abstract class JourneyTest {

    /** The user's answers to file choosers, the data-set chooser and questions; and what the window said. */
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    MainWindow window;
    Stage stage;
    private final String sample;
    private final int width;
    private final int height;

    JourneyTest(String sample, int width, int height) {
        this.sample = sample;
        this.width = width;
        this.height = height;
    }

    /** Builds the window on {@code s} as the application does and opens the sample. */
    final void show(Stage s) {
        stage = s;
        window = ExplorerApp.createWindow(s, new FxExecutor(ExplorerApp.WORKERS), dialogs);
        s.setWidth(width);
        s.setHeight(height);
        s.show();
        window.openSample(sample);
    }

    /** The text the numbers strip shows for {@code key}. */
    String strip(String key) throws Exception {
        return WindowDriver.fx(() -> window.numbers().text(key));
    }
}
