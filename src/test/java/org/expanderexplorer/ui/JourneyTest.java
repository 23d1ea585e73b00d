package org.expanderexplorer.ui;

import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.expanderexplorer.ui.document.ScriptedDialogs;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A user's journey through the real window (headless): the window as the application builds it, with dialogs
 * that answer from a script, at a given size, with a sample model open as at start-up (or nothing open). The
 * window is built on TestFX's primary stage before each test ({@link #show}); TestFX looks for {@code @Start}
 * methods among the test class's own methods only, so the journeys share this set-up through {@code @BeforeEach}.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
abstract class JourneyTest {

    /** The user's answers to file choosers, the data-set chooser and questions; and what the window said. */
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    MainWindow window;
    /** The window's ViewModel. */
    ExplorerViewModel vm;
    Stage stage;
    private final String sample;
    private final int width;
    private final int height;

    /** @param sample the sample model to open, or null for an empty window */
    JourneyTest(String sample, int width, int height) {
        this.sample = sample;
        this.width = width;
        this.height = height;
    }

    /** Builds the window on TestFX's primary stage as the application does and opens the sample, if any. */
    @BeforeEach
    final void show() throws TimeoutException {
        FxToolkit.setupStage(s -> {
            stage = s;
            window = WindowDriver.show(s, dialogs, width, height);
            vm = window.viewModel();
            if (sample != null) {
                window.openSample(sample);
            }
        });
    }

    /** A driver of the window, once the sample is open and every panel shows it. */
    final WindowDriver driver(FxRobot robot) throws Exception {
        WindowDriver d = new WindowDriver(window, robot);
        d.awaitIdle();
        return d;
    }

    /** The text the numbers strip shows for {@code key}. */
    String strip(String key) throws Exception {
        return WindowDriver.fx(() -> window.numbers().text(key));
    }
}
