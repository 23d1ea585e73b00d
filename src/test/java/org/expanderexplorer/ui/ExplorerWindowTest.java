package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedModelExport;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window with the sample LSTM on sequential MNIST, headless: drags the slider end to end and checks
 * that every panel changed and that the shown gaps are the engine's values at the final q; measures the longest
 * gap between JavaFX pulses during the drag; writes screenshots (light/dark, unweighted/weighted) to target/.
 */
class ExplorerWindowTest extends JourneyTest {

    ExplorerWindowTest() {
        super(OpenedDocument.DEFAULT_SAMPLE, 1440, 900);
    }

    @Test
    void draggingTheSliderUpdatesEveryPanelWithTheEngineValues(FxRobot robot) throws Exception {
        WindowDriver driver = driver(robot);
        Subject subject = theSampleLstmIsOpen();
        List<FigureSpec> before = driver.specs();
        String deltaRBefore = window.numbers().text("deltaR");

        dragTheSliderTo15PercentAndRecordThePulses(driver);
        driver.awaitIdle();
        double q = theSliderSettledBelow30Percent();
        everyPanelShowsNewData(driver, before);
        LayerAnalysisResult expected = theStripShowsTheEngineValuesAt(subject, q, deltaRBefore);
        theExportedPrunedModelHoldsTheShownMasks(robot, subject, q);
        theSpectrumPanelPlotsTheEngineSingularValues(expected);
    }

    private Subject theSampleLstmIsOpen() {
        Subject subject = vm.subjectProperty().get();
        assertThat(subject.gates()).isEqualTo(4);
        return subject;
    }

    /** Press to release, 40 moves over about 6.5 s; the pulse gaps go to target/pulse-gaps.txt (not asserted). */
    private static void dragTheSliderTo15PercentAndRecordThePulses(WindowDriver driver) throws Exception {
        PulseRecorder pulses = new PulseRecorder();
        driver.dragSlider(0.15, 40, pulses::start, pulses::stop);
        String report = pulses.report();
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pulse-gaps.txt"), report);
    }

    private double theSliderSettledBelow30Percent() {
        double q = vm.keepPercentProperty().get();
        assertThat(q).isLessThan(30);
        assertThat(vm.snapshotProperty().get().request().keepPercent()).isEqualTo(q);
        return q;
    }

    private static void everyPanelShowsNewData(WindowDriver driver, List<FigureSpec> before) throws Exception {
        List<FigureSpec> after = driver.specs();
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).toCsv()).as("panel %d data changed", i).isNotEqualTo(before.get(i).toCsv());
        }
    }

    /** The numbers strip shows the engine's values at that q (recomputed here independently). */
    private LayerAnalysisResult theStripShowsTheEngineValuesAt(Subject subject, double q, String deltaRBefore) {
        // for the graph the window shows first: the LSTM's input unit graph, the graph of the unfolded drawing
        assertThat(vm.graphProperty().get()).isEqualTo(GraphId.IH_UNITS);
        var state = subject.prune(q, vm.settings());
        LayerAnalysisResult expected = new LayerAnalysis(LayerGraph.of(subject.matrix(state, GraphId.IH_UNITS),
                Representation.UNWEIGHTED)).result();
        assertThat(window.numbers().text("deltaR")).isEqualTo(MetricCells.num(expected.deltaR()))
                .isNotEqualTo(deltaRBefore);
        assertThat(window.numbers().text("deltaS")).isEqualTo(MetricCells.num(expected.deltaS()));
        assertThat(window.numbers().text("muHat")).isEqualTo(MetricCells.num(expected.muHat()));
        return expected;
    }

    private void theExportedPrunedModelHoldsTheShownMasks(FxRobot robot, Subject subject, double q)
            throws Exception {
        var state = subject.prune(q, vm.settings());
        Path out = Files.createTempDirectory("pruned").resolve("pruned.zip");
        AtomicReference<PrunedModelExport.Summary> done = new AtomicReference<>();
        robot.interact(() -> window.exports().exportPrunedModelTo(out, done::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get() != null);
        assertThat(out).exists();
        assertThat(out.resolveSibling("pruned.npz")).exists();
        assertThat(out.resolveSibling("pruned.json")).exists();
        int kept = state.ihMask().keptCount() + state.hhMask().keptCount();
        assertThat(done.get().matrices().stream().mapToInt(m -> m.kept()).sum()).isEqualTo(kept);
        // another extension, another format: the weights as safetensors, the masks beside them
        Path st = out.resolveSibling("pruned.safetensors");
        done.set(null);
        robot.interact(() -> window.exports().exportPrunedModelTo(st, done::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get() != null);
        assertThat(done.get().modelFormat()).isEqualTo("SAFETENSORS");
        assertThat(st.resolveSibling("pruned.masks.safetensors")).exists();
        assertThat(done.get().matrices().stream().mapToInt(m -> m.kept()).sum()).isEqualTo(kept);
    }

    private void theSpectrumPanelPlotsTheEngineSingularValues(LayerAnalysisResult expected) {
        double[] shown = window.panels().get(0).shownSpec().series().get(0).y();
        assertThat(shown).hasSize(expected.singularValues().size());
        for (int i = 0; i < shown.length; i++) {
            assertThat(shown[i]).isEqualTo(expected.singularValues().get(i));
        }
    }

    @Test
    void screenshotsOfTheMainWindow(FxRobot robot) throws Exception {
        WindowDriver driver = driver(robot);
        robot.interact(() -> vm.keepPercentProperty().set(25));
        driver.awaitIdle();
        for (boolean dark : new boolean[] {false, true}) {
            for (boolean weighted : new boolean[] {false, true}) {
                robot.interact(() -> {
                    window.setDark(dark);
                    vm.weightedProperty().set(weighted);
                });
                driver.awaitIdle();
                Thread.sleep(300);
                WaitForAsyncUtils.waitForFxEvents();
                Path f = driver.screenshot("explorer-" + (dark ? "dark" : "light") + "-"
                        + (weighted ? "weighted" : "unweighted") + ".png");
                BufferedImage bi = ImageIO.read(f.toFile());
                assertThat(bi.getWidth()).isGreaterThan(1000);
            }
        }
    }
}
