package org.expanderexplorer.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.session.Session;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document lifecycle without a toolkit (same-thread executor, scripted dialogs): every way of opening, what
 * stays and what resets, unsaved models, and every failure leaving the previous document working.
 */
class DocumentViewModelTest {

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExplorerViewModel explorer;
    private DocumentViewModel documents;
    private ExportsViewModel exports;

    @BeforeEach
    void setUp() {
        SameThreadExecutor executor = new SameThreadExecutor();
        explorer = new ExplorerViewModel(executor);
        documents = new DocumentViewModel(explorer, executor, dialogs);
        exports = new ExportsViewModel(documents, explorer, executor);
    }

    private OpenedDocument doc() {
        return documents.documentProperty().get();
    }

    @Test
    void aSampleReadBeforeTheWindowIsShownLikeOneReadNowAndItsFailureLeavesTheDocument() {
        documents.openSample("digits8-rnn12.zip",
                CompletableFuture.completedFuture(DocumentLoader.openSample("digits8-rnn12.zip")));
        assertThat(doc().title()).isEqualTo("digits8-rnn12");
        assertThat(explorer.snapshotProperty().get().request().subject()).isSameAs(doc().subject());
        assertThat(explorer.accuracyProperty().get()).isEqualTo(explorer.denseAccuracyProperty().get())
                .isGreaterThan(0.9);
        assertThat(explorer.finishedCurveProperty().get()).isNotNull();

        OpenedDocument before = doc();
        documents.openSample("smnist-rnn128.zip", CompletableFuture.failedFuture(
                new BadInputException("sample model smnist-rnn128.zip is not part of this build")));
        assertThat(doc()).isSameAs(before);
        assertThat(dialogs.errors).containsExactly("Could not open the sample smnist-rnn128.zip: sample model "
                + "smnist-rnn128.zip is not part of this build");
    }

    @Test
    void everyOpenPathReplacesTheWholeStateAndKeepsTheGraphWhereItExists() throws Exception {
        documents.openSample("digits8-rnn12.zip");
        assertThat(doc().title()).isEqualTo("digits8-rnn12");
        assertThat(doc().source()).isEqualTo("sample:digits8-rnn12.zip");
        explorer.graphProperty().set(GraphId.HH);
        explorer.keepPercentProperty().set(40);
        assertThat(explorer.accuracyProperty().get()).isNotNull();

        // a PyTorch NPZ names no data set: the chooser is offered at once, and the user picks the 8 x 8 digits
        dialogs.dataSets.add("digits8");
        Path npz = DocumentFixtures.npzOf(DocumentFixtures.DIGITS_MODEL, dir, "digits.npz");
        documents.open(npz);
        assertThat(dialogs.asked).contains("data set: No accuracy yet: the model does not name its data set: "
                + "accuracy is not shown.");
        assertThat(doc().title()).isEqualTo("digits.npz");
        assertThat(doc().dataSpec()).isEqualTo("digits8");
        assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.HH); // it has hh too
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(100); // a new document starts whole
        assertThat(explorer.undoSliderMove()).isFalse(); // and without the old undo history
        assertThat(explorer.snapshotProperty().get().request().subject()).isSameAs(doc().subject());
        assertThat(explorer.accuracyProperty().get()).isEqualTo(explorer.denseAccuracyProperty().get())
                .isGreaterThan(0.9);
        assertThat(explorer.finishedCurveProperty().get()).isNotNull();

        // a matrix has one graph
        documents.open(DocumentFixtures.sparseCsv(dir, 10, 14, 0.3, 5));
        assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.MATRIX);
        assertThat(explorer.accuracyProperty().get()).isNull();
        assertThat(doc().isModel()).isFalse();

        // a session written earlier restores its model, data set, graph and q
        Session s = new Session(Session.FORMAT, npz.toAbsolutePath().toString(), 35, "random", "HH", false, "hh",
                true, 5, false, 9, "digits8");
        Path session = dir.resolve("s.json");
        s.save(session);
        documents.open(session);
        assertThat(doc().title()).isEqualTo("digits.npz");
        assertThat(doc().dataSpec()).isEqualTo("digits8");
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(35);
        assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.HH);
        assertThat(explorer.weightedProperty().get()).isTrue();
        assertThat(explorer.windowProperty().get()).isEqualTo(5);
        assertThat(explorer.snapshotProperty().get().request().settings().seed()).isEqualTo(9);
        assertThat(explorer.accuracyProperty().get()).isNotNull();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aGateGraphFallsBackToItsWholeMatrixAndAMatrixToTheFirstGraph() throws Exception {
        var lstm = org.expanderexplorer.core.model.RecurrentClassifier.create(
                new org.expanderexplorer.core.model.ModelSpec(CellType.LSTM, 8, 6, 1, 10), 3);
        documents.acceptMade(new MadeModel(lstm, org.expanderexplorer.core.model.ModelMetadata.of(lstm.spec(),
                "test"), null, null, "lstm", 100, "made"));
        explorer.graphProperty().set(GraphId.parse("hh.f"));
        dialogs.confirmations.add(true); // discard the unsaved LSTM
        documents.openSample("digits8-rnn12.zip");
        assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.HH);
        documents.open(DocumentFixtures.sparseCsv(dir, 6, 9, 0.5, 1));
        documents.openSample("digits8-rnn12.zip");
        assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.IH);
    }

    @Test
    void qOfAMatrixCountsItsNonZeroEntries() throws Exception {
        Path csv = DocumentFixtures.sparseCsv(dir, 20, 30, 0.3, 7);
        documents.open(csv);
        int nonZeros = doc().subject().inputToHidden().nonZeros();
        assertThat(nonZeros).isBetween(150, 210); // about 30 % of 600
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(100);
        assertThat(explorer.snapshotProperty().get().state().ihMask().keptCount()).isEqualTo(nonZeros);
        explorer.keepPercentProperty().set(50);
        assertThat(explorer.snapshotProperty().get().state().ihMask().keptCount())
                .isEqualTo(Math.round(nonZeros / 2.0));
        explorer.keepPercentProperty().set(30); // counted against the dense size this removed nothing
        assertThat(explorer.snapshotProperty().get().state().ihMask().keptCount())
                .isEqualTo(Math.round(0.3 * nonZeros));
    }

    @Test
    void everyFailureLeavesThePreviousDocumentWorking() throws Exception {
        documents.openSample("digits8-rnn12.zip");
        explorer.graphProperty().set(GraphId.HH);
        explorer.keepPercentProperty().set(40);
        OpenedDocument before = doc();
        var subject = explorer.subjectProperty().get();

        Path badSession = dir.resolve("bad-graph.json");
        new Session(Session.FORMAT, "sample:digits8-rnn12.zip", 20, "magnitude", "BOTH", false, "hh.f", false, 3,
                false, 1).save(badSession);
        Path badData = dir.resolve("bad-data.json");
        new Session(Session.FORMAT, "sample:digits8-rnn12.zip", 20, "magnitude", "BOTH", false, "hh", false, 3,
                false, 1, "imagenet").save(badData);
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        List<Runnable> failures = List.of(
                () -> documents.open(uncheckedCorrupt()),
                () -> documents.open(text),
                () -> documents.open(dir.resolve("missing.npz")),
                () -> documents.open(badSession),
                () -> documents.open(badData),
                () -> documents.useDataSet("mnist"),
                () -> documents.useDataSet("cifar10:" + dir.resolve("no-such-folder")),
                () -> documents.acceptMade(new MadeModel(before.model().network(), before.model().metadata(), null,
                        null, "broken", 0, "never shown")));
        for (Runnable failure : failures) {
            int errors = dialogs.errors.size();
            failure.run();
            assertThat(dialogs.errors).hasSize(errors + 1);
            assertThat(doc()).isSameAs(before);
            assertThat(explorer.subjectProperty().get()).isSameAs(subject);
            assertThat(explorer.graphProperty().get()).isEqualTo(GraphId.HH);
            assertThat(explorer.keepPercentProperty().get()).isEqualTo(40);
            assertThat(explorer.statusProperty().get()).doesNotContain("Exception").doesNotEndWith(": id");
            // and it still follows the slider
            explorer.keepPercentProperty().set(30);
            assertThat(explorer.snapshotProperty().get().request().keepPercent()).isEqualTo(30);
            assertThat(explorer.snapshotProperty().get().request().subject()).isSameAs(subject);
            explorer.keepPercentProperty().set(40);
        }
        assertThat(dialogs.errors.get(0)).contains("broken.zip").contains("not a zip archive");
        assertThat(dialogs.errors.get(1)).contains("unknown file type");
        assertThat(dialogs.errors.get(2)).contains("missing.npz").contains("no such file");
        assertThat(dialogs.errors.get(3)).contains("names graph hh.f, which digits8-rnn12 lacks");
        assertThat(dialogs.errors.get(4)).contains("bad-data.json").contains("unknown data set 'imagenet'");
        assertThat(dialogs.errors.get(5)).contains("mnist-test has 28 features per step, but the model takes 8");
        assertThat(dialogs.errors.get(6)).contains("no-such-folder");
        assertThat(dialogs.errors.get(7)).isEqualTo("Could not show broken: q must be in (0, 100], got 0.0");
    }

    private Path uncheckedCorrupt() {
        try {
            return DocumentFixtures.corruptModel(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theChooserSaysWhenADataSetCannotFitBeforeLoadingIt() throws Exception {
        dialogs.dataSets.add("mnist"); // 28 values per step for a model that reads 8: OK stays disabled
        documents.open(DocumentFixtures.npzOf(DocumentFixtures.DIGITS_MODEL, dir, "d.npz"));
        assertThat(dialogs.refusedDataSets).containsExactly("This data set has 28 values per time step; the model "
                + "reads 8, so it cannot measure this model.");
        assertThat(doc().lacksData()).isTrue();
        assertThat(explorer.accuracyProperty().get()).isNull();
        dialogs.dataSets.add("digits8"); // Model > Choose data set, later
        documents.chooseDataSet();
        assertThat(doc().dataSpec()).isEqualTo("digits8");
        assertThat(explorer.accuracyProperty().get()).isNotNull();
    }

    @Test
    void aTrainedModelStaysUnsavedUntilSavedAndNothingReplacesItWithoutAsking() throws Exception {
        documents.openSample("digits8-rnn12.zip");
        TrainingRequest r = new TrainingRequest(CellType.RNN, 4, 1, "digits8", 1, 3, 64, 1e-2, null, null);
        TrainingJob.Trained t = TrainingJob.run(r, TrainingJob.trainingData(r), ProgressListener.NONE, () -> false);
        documents.acceptTrained(t);
        assertThat(documents.titleBinding().get()).isEqualTo("trained rnn4 (unsaved)");
        assertThat(documents.unsavedProperty().get()).isTrue();
        assertThat(explorer.denseAccuracyProperty().get()).isEqualTo(t.eval().accuracy());

        documents.openSample("digits8-rnn12.zip"); // the user declines to discard it
        assertThat(dialogs.asked).contains("confirm: Unsaved model");
        assertThat(doc().title()).isEqualTo("trained rnn4");
        exports.saveSession();
        assertThat(dialogs.errors).anyMatch(e -> e.startsWith("Save the model first"));

        Path saved = dir.resolve("rnn4");
        dialogs.files.add(saved);
        exports.saveModel();
        Path zip = dir.resolve("rnn4.zip");
        assertThat(zip).exists();
        assertThat(documents.unsavedProperty().get()).isFalse();
        assertThat(documents.titleBinding().get()).isEqualTo("rnn4.zip");
        assertThat(dialogs.notices).anyMatch(n -> n.startsWith("Saved the model to " + zip));

        int asked = dialogs.asked.size();
        documents.open(zip); // nothing unsaved any more: no question
        assertThat(dialogs.asked).hasSize(asked);
        assertThat(explorer.denseAccuracyProperty().get()).isEqualTo(t.eval().accuracy());
        assertThat(ModelFiles.load(zip).metadata().dataset()).isEqualTo("digits8");
    }

    @Test
    void theChosenDataSetIsRememberedInSessionsAndExports() throws Exception {
        dialogs.dataSets.add("digits8");
        documents.open(DocumentFixtures.npzOf(DocumentFixtures.DIGITS_MODEL, dir, "w.npz"));
        explorer.keepPercentProperty().set(30);
        dialogs.files.add(dir.resolve("s.json"));
        exports.saveSession();
        assertThat(Session.load(dir.resolve("s.json")).dataSet()).isEqualTo("digits8");

        Path zip = dir.resolve("pruned.zip");
        var done = new java.util.concurrent.atomic.AtomicReference<Object>();
        exports.exportPrunedModelTo(zip, done::set);
        assertThat(done.get()).isNotNull();
        assertThat(ModelFiles.load(zip).metadata().dataset()).isEqualTo("digits8");

        dialogs.folders.add(dir.resolve("report"));
        exports.exportReport(java.util.Map.of(), org.expanderexplorer.core.report.FigureStyle.LIGHT);
        assertThat(Files.readString(dir.resolve("report").resolve("settings.json")))
                .contains("\"dataSpec\" : \"digits8\"");
        assertThat(dialogs.notices).hasSize(3);

        // the exported pruned model opens with its data set, the slider where the file is (30 % of its weights)
        documents.open(zip);
        assertThat(doc().dataSpec()).isEqualTo("digits8");
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(30);
        assertThat(doc().subject().nonZeroPercent()).isCloseTo(30, org.assertj.core.api.Assertions.within(0.5));
        assertThat(explorer.accuracyProperty().get()).isNotNull();
        assertThat(dialogs.asked.stream().filter(a -> a.startsWith("data set"))).hasSize(1); // the NPZ's only
    }

    @Test
    void theShownGraphIsExportedWithEveryDenseEdgeAndWhetherPruningKeptIt() throws Exception {
        documents.open(DocumentFixtures.sparseCsv(dir, 12, 10, 0.5, 3));
        explorer.keepPercentProperty().set(50);
        var snap = explorer.snapshotProperty().get();
        int kept = doc().subject().matrix(snap.state(), snap.request().graph()).nonZeros();
        int dense = doc().subject().matrix(doc().subject().dense(), snap.request().graph()).nonZeros();
        assertThat(kept).isLessThan(dense);

        dialogs.files.add(dir.resolve("m.json"));
        exports.exportShownGraph();
        var edges = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("m.json").toFile())
                .get("edges");
        assertThat(edges.size()).isEqualTo(dense);
        int keptInFile = 0;
        for (var e : edges) {
            keptInFile += e.get("kept").asBoolean() ? 1 : 0;
        }
        assertThat(keptInFile).isEqualTo(kept);

        dialogs.files.add(dir.resolve("m")); // no known extension: GraphML
        exports.exportShownGraph();
        assertThat(Files.readString(dir.resolve("m.graphml"))).contains("<graphml");
        dialogs.files.add(dir.resolve("m.gexf"));
        exports.exportShownGraph();
        assertThat(Files.readString(dir.resolve("m.gexf"))).contains("<gexf");
        assertThat(dialogs.notices).hasSize(3).allMatch(n -> n.startsWith("Exported the graph to "));
    }

    @Test
    void aFailedSaveNamesTheFileKeepsTheStateAndOffersAnotherPlace() throws Exception {
        documents.openSample("digits8-rnn12.zip");
        TrainingRequest r = new TrainingRequest(CellType.RNN, 4, 1, "digits8", 1, 1, 64, 1e-2, null, null);
        documents.acceptTrained(TrainingJob.run(r, TrainingJob.trainingData(r), ProgressListener.NONE, () -> false));
        explorer.keepPercentProperty().set(35);
        Path notAFolder = Files.writeString(dir.resolve("full"), "a file where a folder should be");
        Path bad = notAFolder.resolve("model.zip");

        dialogs.files.add(bad);
        exports.saveModel(); // the user declines to choose again
        assertThat(dialogs.asked).contains("confirm: Could not save the model to " + bad);
        assertThat(documents.unsavedProperty().get()).isTrue();
        assertThat(documents.titleBinding().get()).isEqualTo("trained rnn4 (unsaved)");
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(35);
        assertThat(explorer.statusProperty().get()).startsWith("Could not save the model to " + bad + ": ");

        Path good = dir.resolve("elsewhere.zip");
        dialogs.files.add(bad);
        dialogs.confirmations.add(true); // choose another place
        dialogs.files.add(good);
        exports.saveModel();
        assertThat(good).exists();
        assertThat(documents.unsavedProperty().get()).isFalse();
        assertThat(documents.titleBinding().get()).isEqualTo("elsewhere.zip");

        dialogs.files.add(notAFolder.resolve("s.json"));
        dialogs.confirmations.add(true);
        dialogs.files.add(dir.resolve("s.json"));
        exports.saveSession();
        assertThat(Session.load(dir.resolve("s.json")).keepPercent()).isEqualTo(35);
        assertThat(dialogs.asked).contains("confirm: Could not save the session to " + notAFolder.resolve("s.json"));
    }

    @Test
    void theWindowTitleNamesTheDocumentOrClassroomMode() {
        assertThat(DocumentViewModel.windowTitle("", false, null)).isEqualTo("Expander Explorer");
        assertThat(DocumentViewModel.windowTitle("trained lstm32 (unsaved)", false, "Heawood graph"))
                .isEqualTo("Expander Explorer: trained lstm32 (unsaved)");
        assertThat(DocumentViewModel.windowTitle("smnist-lstm128", true, "Heawood graph"))
                .isEqualTo("Expander Explorer: Classroom: Heawood graph");
    }
}
