package org.expanderexplorer.ui.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a ViewModel asks of the user: file and folder choosers, the data-set chooser, confirmations, error
 * dialogs and short notifications. The window implements it with JavaFX dialogs; ViewModel tests with scripted
 * answers. ViewModels call it on the UI thread; the choosers and confirmations block until answered.
 */
public interface DialogService {

    /**
     * A file-chooser filter.
     *
     * @param description shown name, e.g. "Models, matrices, sessions"
     * @param extensions  extensions without the dot, e.g. {@code zip}
     */
    record FileFilter(String description, List<String> extensions) {
        public FileFilter {
            extensions = List.copyOf(extensions);
        }

        public static FileFilter of(String description, String... extensions) {
            return new FileFilter(description, List.of(extensions));
        }
    }

    /** A file to open, or empty when the user cancels. */
    Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters);

    /** A file to write, or empty when the user cancels. */
    Optional<Path> chooseFileToSave(String title, String initialName, FileFilter filter);

    /** A folder, or empty when the user cancels. */
    Optional<Path> chooseFolder(String title);

    /**
     * Lets the user choose a data set on the chooser's form.
     *
     * @return the data-set spec ({@code mnist}, {@code cifar10:DIR}, ...), or empty when the user cancels
     */
    Optional<String> chooseDataSet(DataSetViewModel chooser);

    /** Asks a yes/no question; true when the user confirms with {@code confirmText}. */
    boolean confirm(String header, String message, String confirmText);

    /** Shows an error; the window keeps its state. */
    void showError(String header, String message);

    /** A short, self-closing notice that something finished (a save, an export). */
    void notify(String message);
}
