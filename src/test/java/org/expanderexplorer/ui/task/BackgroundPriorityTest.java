package org.expanderexplorer.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Worker threads run at a lower operating-system priority; the thread that asked for it alone. */
class BackgroundPriorityTest {

    @Test
    void lowersOnlyTheCallingThreadOnLinux() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        OptionalInt mine = BackgroundPriority.currentNice();
        assertThat(mine).isPresent();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        AtomicReference<OptionalInt> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            lowered.set(BackgroundPriority.lowerCurrentThread());
            seen.set(BackgroundPriority.currentNice());
        });
        t.start();
        t.join();
        assertThat(lowered.get()).isTrue();
        assertThat(seen.get()).hasValue(Math.max(mine.getAsInt(), BackgroundPriority.WORKER_NICE));
        assertThat(BackgroundPriority.currentNice()).isEqualTo(mine);
    }
}
