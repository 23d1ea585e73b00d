package org.expanderexplorer.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manual check, not part of the suite (the name does not end in Test): opens an LSTM with 2,048 hidden units in
 * the real window, drags the slider, and prints the worst gaps between JavaFX pulses while opening, while the
 * background work runs, while dragging and after the release, with the UI and render threads' CPU and the GC
 * time of every gap over 80 ms. Run with
 * {@code mvn -B test -Dtest=BigModelWindowCheck -Dtest.jvmArgs=-Xmx1g} (it writes an untrained LSTM-2048 to
 * target/lstm2048.zip first; {@code -Dbig.model=FILE} in test.jvmArgs opens another model). See
 * docs/performance.md for measured figures.
 */
@ExtendWith(ApplicationExtension.class)
class BigModelWindowCheck {
    ExplorerViewModel vm;
    MainWindow window;
    Stage stage;
    List<Long> pulses = new ArrayList<>();
    List<long[]> cpu = new ArrayList<>();
    java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
    AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long render = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(t -> tmx.getThreadCpuTime(t.getId())).sum();
            long gc = 0;
            for (var g : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += g.getCollectionTime();
            }
            synchronized (pulses) {
                pulses.add(System.nanoTime());
                cpu.add(new long[] {tmx.getCurrentThreadCpuTime(), render, gc});
            }
        }
    };

    @Start
    void start(Stage s) {
        stage = s;
        window = WindowDriver.show(s, null, 1440, 900);
        vm = window.viewModel();
        timer.start();
        window.open(model());
    }

    private static Path model() {
        String given = System.getProperty("big.model");
        if (given != null) {
            return Path.of(given);
        }
        Path file = Path.of("target", "lstm2048.zip");
        if (!Files.exists(file)) {
            var spec = new org.expanderexplorer.core.model.ModelSpec(org.expanderexplorer.core.model.CellType.LSTM,
                    28, 2048, 1, 10);
            var model = org.expanderexplorer.core.model.RecurrentClassifier.create(spec, 7);
            try {
                org.expanderexplorer.core.model.ModelFiles.save(model, org.expanderexplorer.core.model.ModelMetadata
                        .of(spec, "untrained LSTM-2048 for a responsiveness check").withData("mnist", 28, 28), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return file;
    }

    private String worst(String what) {
        long w = 0;
        synchronized (pulses) {
            for (int i = 1; i < pulses.size(); i++) {
                long gap = pulses.get(i) - pulses.get(i - 1);
                w = Math.max(w, gap);
                if (gap > 80_000_000L) {
                    System.out.printf("  gap %.0f ms: ui %.0f, render %.0f, gc %d%n", gap / 1e6,
                            (cpu.get(i)[0] - cpu.get(i - 1)[0]) / 1e6, (cpu.get(i)[1] - cpu.get(i - 1)[1]) / 1e6,
                            cpu.get(i)[2] - cpu.get(i - 1)[2]);
                }
            }
            cpu.clear();
            String r = String.format(Locale.ROOT, "%s: %d pulses, worst gap %.1f ms", what, pulses.size(), w / 1e6);
            pulses.clear();
            return r;
        }
    }

    @Test
    void opensAndStaysResponsive(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null);
        System.out.printf("first snapshot after %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println(worst("opening"));
        Thread.sleep(3000);
        System.out.println(worst("3 s after opening, background work running"));
        Node thumb = window.controls().slider().lookup(".thumb");
        Bounds b = window.controls().slider().localToScreen(window.controls().slider().getBoundsInLocal());
        robot.moveTo(thumb).press(MouseButton.PRIMARY);
        worst("approach");
        double y = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterY();
        double startX = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterX();
        double endX = b.getMinX() + 0.2 * b.getWidth();
        for (int i = 1; i <= 40; i++) {
            robot.moveTo(startX + (endX - startX) * i / 40, y);
            Thread.sleep(25);
        }
        robot.release(MouseButton.PRIMARY);
        System.out.println(worst("drag"));
        long t1 = System.nanoTime();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null
                && vm.snapshotProperty().get().request().keepPercent() == vm.keepPercentProperty().get());
        System.out.printf("snapshot at q=%.1f after %.1f s; status: %s%n", vm.keepPercentProperty().get(),
                (System.nanoTime() - t1) / 1e9, vm.statusProperty().get());
        Thread.sleep(5000);
        System.out.println(worst("5 s after release"));
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        Files.createDirectories(Path.of("target", "screenshots")).resolve("big-model.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("done");
    }
}
