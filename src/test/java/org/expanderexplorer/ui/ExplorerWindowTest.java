package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
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
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.explorer.OpenedDocument;
import org.expanderexplorer.ui.task.FxExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window with the sample LSTM on sequential MNIST, headless: drags the slider end to end and checks
 * that every panel changed and that the shown gaps are the engine's values at the final q; measures the longest
 * gap between JavaFX pulses during the drag; writes screenshots (light/dark, unweighted/weighted) to target/.
 */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit") // TestFX shares one toolkit launch and primary stage between window tests
class ExplorerWindowTest {

    private ExplorerViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        window = ExplorerApp.createWindow(s, new FxExecutor(ExplorerApp.WORKERS));
        vm = window.viewModel();
        s.setWidth(1440);
        s.setHeight(900);
        s.show();
        window.openSample(OpenedDocument.DEFAULT_SAMPLE);
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null
                && vm.finishedCurveProperty().get() != null && vm.denseAccuracyProperty().get() != null
                && !vm.isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.panels().stream().noneMatch(ChartPanel::isRendering)
                        && !window.graphPane().canvas().isRendering());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<FigureSpec> specs() {
        List<FigureSpec> out = new ArrayList<>();
        for (ChartPanel p : window.panels()) {
            out.add(p.shownSpec());
        }
        return out;
    }

    @Test
    void draggingTheSliderUpdatesEveryPanelWithTheEngineValues(FxRobot robot) throws Exception {
        awaitIdle();
        Subject subject = vm.subjectProperty().get();
        assertThat(subject.gates()).isEqualTo(4);
        List<FigureSpec> before = specs();
        String deltaRBefore = window.numbers().text("deltaR");

        List<Long> pulses = new ArrayList<>();
        List<long[]> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        long renderId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().getId();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long gc = 0;
                for (var g : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                    gc += g.getCollectionTime();
                }
                synchronized (pulses) {
                    pulses.add(System.nanoTime());
                    cpu.add(new long[] {tmx.getCurrentThreadCpuTime(), tmx.getThreadCpuTime(renderId), gc});
                }
            }
        };
        Node thumb = window.controls().slider().lookup(".thumb");
        Bounds b = window.controls().slider().localToScreen(window.controls().slider().getBoundsInLocal());
        robot.moveTo(thumb).press(MouseButton.PRIMARY);
        robot.interact(timer::start); // from the press to the release
        double y = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterY();
        double startX = thumb.localToScreen(thumb.getBoundsInLocal()).getCenterX();
        double endX = b.getMinX() + 0.15 * b.getWidth();
        int steps = 40;
        for (int i = 1; i <= steps; i++) {
            robot.moveTo(startX + (endX - startX) * i / steps, y);
            Thread.sleep(25);
        }
        robot.release(MouseButton.PRIMARY);
        robot.interact(timer::stop);
        // the worst gap, and for every gap over 50 ms where the time went: CPU time of the UI thread and of the
        // render thread, and garbage-collection time (a gap with little of either is CPU starvation)
        long worst = 0;
        StringBuilder late = new StringBuilder();
        for (int i = 1; i < pulses.size(); i++) {
            long gap = pulses.get(i) - pulses.get(i - 1);
            worst = Math.max(worst, gap);
            if (gap > 50_000_000L) {
                late.append(String.format(Locale.ROOT,
                        "gap %.1f ms at %.0f ms: UI thread CPU %.1f ms, render thread CPU %.1f ms, GC %d ms%n",
                        gap / 1e6, (pulses.get(i) - pulses.get(0)) / 1e6, (cpu.get(i)[0] - cpu.get(i - 1)[0]) / 1e6,
                        (cpu.get(i)[1] - cpu.get(i - 1)[1]) / 1e6, cpu.get(i)[2] - cpu.get(i - 1)[2]));
            }
        }
        String report = String.format(Locale.ROOT, "pulses during drag: %d over %.1f s, worst gap between pulses: "
                + "%.1f ms%n", pulses.size(), (pulses.get(pulses.size() - 1) - pulses.get(0)) / 1e9, worst / 1e6)
                + late;
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pulse-gaps.txt"), report);

        awaitIdle();
        double q = vm.keepPercentProperty().get();
        assertThat(q).isLessThan(30);
        assertThat(vm.snapshotProperty().get().request().keepPercent()).isEqualTo(q);
        List<FigureSpec> after = specs();
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).toCsv()).as("panel %d data changed", i).isNotEqualTo(before.get(i).toCsv());
        }
        // the numbers strip shows the engine's values at that q (recomputed here independently) for the graph the
        // window shows first: the LSTM's input unit graph, the graph of the unfolded drawing
        assertThat(vm.graphProperty().get()).isEqualTo(GraphId.IH_UNITS);
        var state = subject.prune(q, vm.settings());
        LayerAnalysisResult expected = new LayerAnalysis(LayerGraph.of(subject.matrix(state, GraphId.IH_UNITS),
                Representation.UNWEIGHTED)).result();
        assertThat(window.numbers().text("deltaR")).isEqualTo(MetricCells.num(expected.deltaR()))
                .isNotEqualTo(deltaRBefore);
        assertThat(window.numbers().text("deltaS")).isEqualTo(MetricCells.num(expected.deltaS()));
        assertThat(window.numbers().text("muHat")).isEqualTo(MetricCells.num(expected.muHat()));
        // the pruned model exported from the window holds exactly the shown masks
        Path out = Files.createTempDirectory("pruned").resolve("pruned.zip");
        java.util.concurrent.atomic.AtomicReference<org.expanderexplorer.core.subject.PrunedModelExport.Summary> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> window.files().exportPrunedModelTo(out, done::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get() != null);
        assertThat(out).exists();
        assertThat(out.resolveSibling("pruned.npz")).exists();
        assertThat(out.resolveSibling("pruned.json")).exists();
        int kept = state.ihMask().keptCount() + state.hhMask().keptCount();
        assertThat(done.get().matrices().stream().mapToInt(m -> m.kept()).sum()).isEqualTo(kept);
        // the spectrum panel plots exactly the engine's singular values
        double[] shown = window.panels().get(0).shownSpec().series().get(0).y();
        assertThat(shown).hasSize(expected.singularValues().size());
        for (int i = 0; i < shown.length; i++) {
            assertThat(shown[i]).isEqualTo(expected.singularValues().get(i));
        }
    }

    @Test
    void screenshotsOfTheMainWindow(FxRobot robot) throws Exception {
        awaitIdle();
        robot.interact(() -> vm.keepPercentProperty().set(25));
        awaitIdle();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean weighted : new boolean[] {false, true}) {
                robot.interact(() -> {
                    window.setDark(dark);
                    vm.weightedProperty().set(weighted);
                });
                awaitIdle();
                Thread.sleep(300);
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage[] img = new WritableImage[1];
                robot.interact(() -> img[0] = window.scene().snapshot(null));
                BufferedImage bi = SwingFXUtils.fromFXImage(img[0], null);
                Path f = dir.resolve("explorer-" + (dark ? "dark" : "light") + "-"
                        + (weighted ? "weighted" : "unweighted") + ".png");
                ImageIO.write(bi, "png", f.toFile());
                assertThat(bi.getWidth()).isGreaterThan(1000);
            }
        }
    }
}
