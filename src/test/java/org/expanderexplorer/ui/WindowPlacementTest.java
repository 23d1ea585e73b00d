package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the window opens, and what it remembers. Plain geometry and files: no screen needed. */
class WindowPlacementTest {

    @TempDir
    Path dir;

    /** A 1024 x 768 projector with a 28-pixel panel at the top: the visual bounds. */
    static final Rectangle2D PROJECTOR = new Rectangle2D(0, 28, 1024, 740);
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 720);
    static final Rectangle2D UHD = new Rectangle2D(1280, 0, 3840, 2160);

    @Test
    void firstStartFillsASmallScreenAndCentresOnALargeOne() {
        WindowPlacement.Bounds b = WindowPlacement.place(List.of(PROJECTOR), null);
        assertThat(b).isEqualTo(new WindowPlacement.Bounds(0, 28, 1024, 740, false));
        b = WindowPlacement.place(List.of(LAPTOP), null);
        assertThat(b.rectangle()).isEqualTo(LAPTOP);
        b = WindowPlacement.place(List.of(UHD, LAPTOP), null);
        assertThat(b.width()).isEqualTo(3264);
        assertThat(b.height()).isEqualTo(1836);
        assertThat(UHD.contains(b.rectangle())).isTrue();
        assertThat(b.x() - UHD.getMinX()).isEqualTo(UHD.getMaxX() - b.x() - b.width());
    }

    @Test
    void aSavedWindowComesBackWhereItWasAndNeverOffTheScreen() {
        WindowPlacement.Bounds saved = new WindowPlacement.Bounds(1400, 100, 1600, 900, false);
        // on the second screen, as it was
        assertThat(WindowPlacement.place(List.of(LAPTOP, UHD), saved)).isEqualTo(saved);
        // the 4K screen is gone: the window opens on the laptop, fitted into it
        WindowPlacement.Bounds b = WindowPlacement.place(List.of(LAPTOP), saved);
        assertThat(LAPTOP.contains(b.rectangle())).isTrue();
        assertThat(b.rectangle()).isEqualTo(LAPTOP);
        // hanging off the bottom right of the projector: pulled back inside, at most its size
        b = WindowPlacement.place(List.of(PROJECTOR), new WindowPlacement.Bounds(600, 500, 900, 700, true));
        assertThat(PROJECTOR.contains(b.rectangle())).isTrue();
        assertThat(b).isEqualTo(new WindowPlacement.Bounds(124, 68, 900, 700, true));
        // too small a saved size grows to the minimum
        b = WindowPlacement.place(List.of(LAPTOP), new WindowPlacement.Bounds(10, 10, 300, 200, false));
        assertThat(b.width()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(b.height()).isEqualTo(WindowPlacement.MIN_HEIGHT);
        // a screen smaller than the minimum: the whole screen, no more
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        assertThat(WindowPlacement.place(List.of(tiny), saved).rectangle()).isEqualTo(tiny);
    }

    @Test
    void settingsRoundTripAndDamagedFilesMeanTheDefaults() throws Exception {
        assertThat(WindowSettings.load(dir)).isEqualTo(WindowSettings.NONE);
        WindowSettings s = new WindowSettings(new WindowPlacement.Bounds(12, 40, 1200, 700, true), 1.5, true);
        s.save(dir.resolve("config"));
        assertThat(WindowSettings.load(dir.resolve("config"))).isEqualTo(s);
        assertThat(Files.list(dir.resolve("config")).map(p -> p.getFileName().toString()))
                .containsExactly(WindowSettings.FILE);
        Files.writeString(dir.resolve("config").resolve(WindowSettings.FILE), "x=12\ny=oops\nwidth=-3\nscale=7\n");
        assertThat(WindowSettings.load(dir.resolve("config"))).isEqualTo(WindowSettings.NONE);
        Files.writeString(dir.resolve("config").resolve(WindowSettings.FILE), "scale=2\n");
        assertThat(WindowSettings.load(dir.resolve("config"))).isEqualTo(new WindowSettings(null, 2, false));
    }
}
