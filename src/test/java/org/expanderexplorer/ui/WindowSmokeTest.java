package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.expanderexplorer.TestMatrices;
import org.expanderexplorer.core.subject.Subject;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window, empty at first, shows a matrix the explorer is given. */
class WindowSmokeTest extends JourneyTest {

    WindowSmokeTest() {
        super(null, 1440, 900);
    }

    @Test
    void windowShowsAMatrix(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setSubject(Subject.ofMatrix("m", TestMatrices.gaussian(12, 20, 1))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.numbers().text("edges")).isEqualTo("240");
    }
}
