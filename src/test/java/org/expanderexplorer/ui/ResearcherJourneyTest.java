package org.expanderexplorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javafx.scene.control.Label;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.document.DocumentFixtures;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A researcher's afternoon in the real window (headless): the sample LSTM, then their own PyTorch NPZ, for which
 * they choose MNIST; they drag the slider and every panel and the accuracy follow; they save the session, look at
 * the sample RNN and at a sparse matrix, and come back through the session. Every step asserts on what the window
 * shows, and at the end the numbers strip equals the engine at the final q. File choosers answer from a script.
 */
class ResearcherJourneyTest extends JourneyTest {

    @TempDir
    Path dir;

    ResearcherJourneyTest() {
        super(OpenedDocument.DEFAULT_SAMPLE, 1440, 900);
    }

    @Test
    void sampleThenOwnNpzWithMnistThenSliderThenRnnThenMatrixThenSession(FxRobot robot) throws Exception {
        WindowDriver d = driver(robot);
        theWindowShows(d, "smnist-lstm128", "98.41 %");

        Path npz = DocumentFixtures.npzOf(Path.of("sample-models", "smnist-lstm128.zip"), dir, "my-lstm.npz");
        dialogs.files.add(npz);
        dialogs.dataSets.add("mnist");
        d.menu("File", "Open model, matrix or session...");
        d.awaitIdle();
        assertThat(dialogs.asked).contains("data set: No accuracy yet: the model does not name its data set: "
                + "accuracy is not shown.");
        // the same weights as the sample LSTM, measured on MNIST: the same accuracy
        theWindowShows(d, "my-lstm.npz", "98.41 %");
        assertThat(label(d, "dense accuracy")).isEqualTo("dense accuracy: 98.41 % (measured, 10,000 test "
                + "sequences)");

        List<FigureSpec> before = d.specs();
        d.dragSlider(0.3, 12, () -> { }, () -> { });
        d.awaitIdle();
        double q = WindowDriver.fx(() -> window.viewModel().keepPercentProperty().get());
        assertThat(q).isBetween(20.0, 40.0);
        List<FigureSpec> after = d.specs();
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).toCsv()).as("panel %d follows the slider", i).isNotEqualTo(before.get(i).toCsv());
        }
        // accuracy measured on the full test set once released, and shown in the strip and the accuracy panel
        assertThat(WindowDriver.fx(() -> window.viewModel().accuracyIsFullProperty().get())).isTrue();
        Double accuracy = WindowDriver.fx(() -> window.viewModel().accuracyProperty().get());
        assertThat(accuracy).isLessThan(0.9841);
        assertThat(strip("acc")).isEqualTo(MetricCells.accuracy(accuracy));
        assertThat(after.get(3).series()).anyMatch(s -> s.name().equals("now") && s.yAt(0) == 100 * accuracy);
        theStripEqualsTheEngine(d, GraphId.IH_UNITS);

        Path session = dir.resolve("afternoon.json");
        dialogs.files.add(session);
        d.menu("File", "Save session...");
        waitFor(() -> Files.exists(session));

        d.menu("File", "Open sample RNN (sequential MNIST)");
        d.awaitIdle();
        theWindowShows(d, "smnist-rnn128", null);
        assertThat(strip("q")).isEqualTo("100.0 %"); // a new document starts whole

        Path matrix = sparseMatrix();
        dialogs.files.add(matrix);
        d.menu("File", "Open model, matrix or session...");
        d.awaitIdle();
        theWindowShows(d, "layer.mtx", null);
        assertThat(WindowDriver.fx(() -> window.graphView().graphChoice().getValue())).isEqualTo(GraphId.MATRIX);
        int nonZeros = MatrixFiles.read(matrix).nonZeros();
        assertThat(strip("edges")).isEqualTo(MetricCells.count(nonZeros)); // q = 100 % of its non-zeros
        assertThat(label(d, "q: percentage")).isEqualTo(String.format(java.util.Locale.ROOT,
                "q: percentage of the matrix's %,d non-zero weights kept", nonZeros));
        Path graph = dir.resolve("layer.gexf");
        dialogs.files.add(graph);
        d.menu("File", "Export shown graph (GraphML, GEXF, DOT, JSON)...");
        waitFor(() -> Files.exists(graph));
        String gexf = Files.readString(graph);
        assertThat(gexf.split("<edge ", -1)).hasSize(nonZeros + 1); // every edge of the matrix, all kept at q = 100

        dialogs.files.add(session);
        d.menu("File", "Open model, matrix or session...");
        d.awaitIdle();
        theWindowShows(d, "my-lstm.npz", MetricCells.accuracy(accuracy));
        assertThat(WindowDriver.fx(() -> window.viewModel().keepPercentProperty().get())).isEqualTo(q);
        assertThat(WindowDriver.fx(() -> window.graphView().graphChoice().getValue())).isEqualTo(GraphId.IH_UNITS);
        theStripEqualsTheEngine(d, GraphId.IH_UNITS);

        // export the pruned model at a q between the slider's tenths, as a drag leaves it, and open the export: at
        // its own q the window shows it as it was exported, accuracy included (each matrix keeps exactly the
        // weights the file holds, where the share of them rounded to 0.1 would prune a few more)
        double between = 30.617;
        WindowDriver.fx(() -> {
            window.viewModel().keepPercentProperty().set(between);
            return null;
        });
        d.awaitIdle();
        Double exportedAccuracy = WindowDriver.fx(() -> window.viewModel().accuracyProperty().get());
        Path pruned = dir.resolve("my-lstm-pruned.zip");
        dialogs.files.add(pruned);
        d.menu("File", "Export pruned model (.zip, .pt, .npz, .safetensors, .onnx; masks, JSON)...");
        waitFor(() -> Files.exists(pruned.resolveSibling("my-lstm-pruned.json")));
        String edges = strip("edges");
        dialogs.files.add(pruned);
        d.menu("File", "Open model, matrix or session...");
        d.awaitIdle();
        theWindowShows(d, "my-lstm-pruned.zip", MetricCells.accuracy(exportedAccuracy));
        assertThat(label(d, "accuracy as opened")).startsWith("accuracy as opened: "
                + MetricCells.accuracy(exportedAccuracy));
        assertThat(strip("edges")).isEqualTo(edges);
        assertThat(strip("q")).isEqualTo("30.6 %");
        Subject opened = WindowDriver.fx(() -> window.viewModel().subjectProperty().get());
        var atOwnQ = opened.prune(WindowDriver.fx(() -> window.viewModel().keepPercentProperty().get()),
                WindowDriver.fx(window.viewModel()::settings));
        assertThat(atOwnQ.ihMask().keptCount()).isEqualTo(opened.inputToHidden().nonZeros());
        assertThat(atOwnQ.hhMask().keptCount()).isEqualTo(opened.hiddenToHidden().nonZeros());
        assertThat(dialogs.errors).isEmpty();
    }

    /** Title bar, model panel, strip and panels all show the open document, with data and without an error. */
    private void theWindowShows(WindowDriver d, String title, String accuracy) throws Exception {
        assertThat(WindowDriver.fx(stage::getTitle)).isEqualTo("Expander Explorer: " + title);
        assertThat(label(d, title)).isEqualTo(title);
        for (FigureSpec s : d.specs().subList(0, 3)) {
            assertThat(s).isNotNull();
            assertThat(s.series()).allMatch(x -> x.size() > 0);
        }
        FigureSpec acc = d.specs().get(3);
        if (accuracy != null) {
            assertThat(acc.title()).isEqualTo("Test accuracy on mnist-test");
            assertThat(strip("acc")).isEqualTo(accuracy);
        }
        assertThat(strip("deltaR")).isNotEqualTo("–");
        String status = WindowDriver.fx(() -> window.viewModel().statusProperty().get());
        assertThat(status).doesNotStartWith("Error").doesNotContain("Exception");
        assertThat(WindowDriver.fx(() -> window.viewModel().errorProperty().get())).isEmpty();
    }

    private void theStripEqualsTheEngine(WindowDriver d, GraphId graph) throws Exception {
        var vm = window.viewModel();
        Subject subject = WindowDriver.fx(() -> vm.subjectProperty().get());
        double q = WindowDriver.fx(() -> vm.keepPercentProperty().get());
        var state = subject.prune(q, WindowDriver.fx(vm::settings));
        LayerAnalysisResult expected = new LayerAnalysis(LayerGraph.of(subject.matrix(state, graph),
                Representation.UNWEIGHTED)).result();
        assertThat(strip("q")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f %%", q));
        assertThat(strip("edges")).isEqualTo(MetricCells.count(expected.edges()));
        assertThat(strip("deltaR")).isEqualTo(MetricCells.num(expected.deltaR()));
        assertThat(strip("deltaS")).isEqualTo(MetricCells.num(expected.deltaS()));
        assertThat(strip("muHat")).isEqualTo(MetricCells.num(expected.muHat()));
        assertThat(strip("fiedler")).isEqualTo(MetricCells.num(expected.fiedler()));
    }

    /** The text of the first label in the model panel that starts with {@code prefix}. */
    private String label(WindowDriver d, String prefix) throws Exception {
        return WindowDriver.fx(() -> window.controls().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.startsWith(prefix)).findFirst()
                .orElse(null));
    }

    private Path sparseMatrix() {
        Random r = new Random(11);
        double[] v = new double[28 * 128];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() < 0.3 ? r.nextGaussian() : 0;
        }
        Path f = dir.resolve("layer.mtx");
        MatrixFiles.write(f, new WeightMatrix(28, 128, v));
        return f;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, condition);
    }
}
