package org.expanderexplorer.ui.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link DialogService} with scripted answers, for ViewModel tests and for window tests that must not block on a
 * real dialog: each chooser takes the next queued answer (none queued: the user cancels), every question, error
 * and notice is recorded. The data-set chooser answers through the chooser's own form, as a user would: it selects
 * the queued spec and accepts only what the form would let through (OK is disabled while the form shows a
 * problem). Safe to answer on the JavaFX thread while a test thread reads.
 */
public final class ScriptedDialogs implements DialogService {

    /** Answers of the file choosers (open and save), in order. */
    public final Queue<Path> files = new ConcurrentLinkedQueue<>();
    /** Answers of the folder chooser. */
    public final Queue<Path> folders = new ConcurrentLinkedQueue<>();
    /** Data-set specs the user chooses, in order. */
    public final Queue<String> dataSets = new ConcurrentLinkedQueue<>();
    /** Answers to confirmations (none queued: the user declines). */
    public final Queue<Boolean> confirmations = new ConcurrentLinkedQueue<>();
    /** Every dialog shown, as "kind: title". */
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** Every error shown, as "header: message". */
    public final List<String> errors = new CopyOnWriteArrayList<>();
    /** Every notification. */
    public final List<String> notices = new CopyOnWriteArrayList<>();
    /** Problems the data-set form showed for a queued choice (the user could not press OK). */
    public final List<String> refusedDataSets = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        asked.add("open: " + title);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, FileFilter filter) {
        asked.add("save: " + title);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        asked.add("folder: " + title);
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public Optional<String> chooseDataSet(DataSetViewModel chooser) {
        asked.add("data set: " + chooser.reasonProperty().get());
        String spec = dataSets.poll();
        if (spec == null) {
            return Optional.empty();
        }
        chooser.select(spec);
        String problem = chooser.problemBinding().get();
        if (!problem.isEmpty()) {
            refusedDataSets.add(problem);
            return Optional.empty();
        }
        return Optional.of(chooser.specBinding().get());
    }

    @Override
    public boolean confirm(String header, String message, String confirmText) {
        asked.add("confirm: " + header);
        return Boolean.TRUE.equals(confirmations.poll());
    }

    @Override
    public void showError(String header, String message) {
        errors.add(header + ": " + message);
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }
}
