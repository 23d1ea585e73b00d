package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.expanderexplorer.TestMatrices;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
class WindowSmokeTest {

    private ExplorerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = ExplorerApp.createWindow(stage, new FxExecutor(2));
        vm = window.viewModel();
        stage.show();
        vm.setSubject(Subject.ofMatrix("m", TestMatrices.gaussian(12, 20, 1)));
    }

    @Test
    void windowShowsAMatrix(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.numbers().text("edges")).isEqualTo("240");
    }
}
