package org.expanderexplorer.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.expanderexplorer.core.model.Fixtures;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/**
 * A Keras .h5 model in the window's document flow: the Open dialog lists .h5, the model opens with the chosen data
 * set and shows the accuracy of the NPZ of the same weights, a refused .h5 leaves the shown document as it was, and
 * the pruned model is not offered back as .h5 (no format writes it).
 */
class KerasDocumentTest {

    /** Scripted answers, remembering what each file chooser offered. */
    private static final class Recording implements DialogService {
        final ScriptedDialogs script = new ScriptedDialogs();
        final List<FileFilter> openFilters = new ArrayList<>();
        final List<String> saveNames = new ArrayList<>();

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
            openFilters.addAll(filters);
            return script.chooseFileToOpen(title, filters);
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String initialName, FileFilter filter) {
            saveNames.add(initialName);
            return script.chooseFileToSave(title, initialName, filter);
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return script.chooseFolder(title);
        }

        @Override
        public Optional<String> chooseDataSet(DataSetViewModel chooser) {
            return script.chooseDataSet(chooser);
        }

        @Override
        public boolean confirm(String header, String message, String confirmText) {
            return script.confirm(header, message, confirmText);
        }

        @Override
        public void showError(String header, String message) {
            script.showError(header, message);
        }

        @Override
        public void notify(String message) {
            script.notify(message);
        }
    }

    private final Recording dialogs = new Recording();
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ExplorerViewModel explorer = new ExplorerViewModel(executor);
    private final DocumentViewModel documents = new DocumentViewModel(explorer, executor, dialogs);
    private final ExportsViewModel exports = new ExportsViewModel(documents, explorer, executor);

    @Test
    void aKerasModelOpensFromTheDialogAndShowsTheAccuracyOfTheSameWeights() {
        dialogs.script.files.add(Fixtures.file("lstm.npz"));
        dialogs.script.dataSets.add("digits8");
        documents.chooseAndOpen();
        Double npzAccuracy = explorer.accuracyProperty().get();

        dialogs.script.files.add(Fixtures.file("lstm.h5"));
        dialogs.script.dataSets.add("digits8");
        documents.chooseAndOpen();
        assertThat(dialogs.openFilters.get(0).extensions()).contains("h5", "hdf5", "onnx", "pt");
        assertThat(dialogs.script.errors).isEmpty();
        assertThat(documents.documentProperty().get().title()).isEqualTo("lstm.h5");
        assertThat(documents.documentProperty().get().dataSpec()).isEqualTo("digits8");
        assertThat(explorer.accuracyProperty().get()).isEqualTo(npzAccuracy).isGreaterThan(0.9);

        // a refused .h5: one dialog, and the Keras model stays shown
        OpenedDocument before = documents.documentProperty().get();
        documents.open(Fixtures.file("keras-lambda.h5"));
        assertThat(dialogs.script.errors).hasSize(1);
        assertThat(dialogs.script.errors.get(0)).contains("keras-lambda.h5: layer 'lambda' is a Lambda layer");
        assertThat(documents.documentProperty().get()).isSameAs(before);
        assertThat(explorer.accuracyProperty().get()).isEqualTo(npzAccuracy);

        // the export offers a format that can be written (the user cancels here)
        exports.exportPrunedModel();
        assertThat(dialogs.saveNames).hasSize(1);
        assertThat(dialogs.saveNames.get(0)).endsWith(".zip");
    }
}
