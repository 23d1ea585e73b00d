package org.expanderexplorer.ui.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.ui.common.ErrorMessages;
import org.expanderexplorer.ui.document.DialogService.FileFilter;
import org.expanderexplorer.ui.explorer.ExplorerSettings;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The window's document lifecycle. Every way of opening something (a model file, a matrix, a session, a sample,
 * a model trained or fine-tuned in the window, the same model on another data set) goes through one path: the
 * document is read in the background, and only a complete document replaces the shown one, in one step
 * ({@link ExplorerViewModel#load}: subject, settings, slider, undo history, curves). A failure at any point leaves
 * the previous document as it was and says what went wrong in a dialog and the status line. A model made in the
 * window is "unsaved" until saved, and nothing replaces it without asking.
 */
public final class DocumentViewModel {

    private static final List<FileFilter> OPEN_FILTERS = List.of(
            FileFilter.of("Models, matrices, sessions", java.util.stream.Stream.concat(
                    LoadedModel.MODEL_EXTENSIONS.stream().map(e -> e.substring(1)), java.util.stream.Stream.of("csv",
                            "mtx", "json")).toArray(String[]::new)),
            FileFilter.of("All files", "*"));

    private final ExplorerViewModel explorer;
    private final UiExecutor executor;
    private final DialogService dialogs;
    private final DataSetViewModel dataSets = new DataSetViewModel();
    private final ReadOnlyObjectWrapper<OpenedDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final StringBinding title;
    private long generation;

    public DocumentViewModel(ExplorerViewModel explorer, UiExecutor executor, DialogService dialogs) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        document.addListener((o, a, b) -> unsaved.set(b != null && b.unsaved()));
        title = Bindings.createStringBinding(() -> {
            OpenedDocument d = document.get();
            return d == null ? "" : d.title() + (d.unsaved() ? " (unsaved)" : "");
        }, document);
    }

    /** Asks for a file and opens it. */
    public void chooseAndOpen() {
        dialogs.chooseFileToOpen("Open a model, a matrix or a session", OPEN_FILTERS).ifPresent(this::open);
    }

    /** Opens a model (.zip, .npz), a matrix (.csv, .mtx) or a session (.json). */
    public void open(Path file) {
        load("Opening " + file + " ...", "Could not open " + file.getFileName(), true, () -> DocumentLoader.open(file));
    }

    /** Opens a sample model shipped with the application. */
    public void openSample(String name) {
        openSample(name, null);
    }

    /**
     * Shows sample {@code name} as {@link #openSample(String)} does, read by {@code reading} (started before the
     * window was built, see {@code ExplorerApp#init}; null: read it now); a failure is reported like any other.
     */
    public void openSample(String name, CompletableFuture<OpenedDocument> reading) {
        String progress = "Opening sample " + name + " ...";
        String failure = "Could not open the sample " + name;
        if (reading == null) {
            load(progress, failure, true, () -> DocumentLoader.Loaded.of(DocumentLoader.openSample(name, null)));
            return;
        }
        // shown when the reading ends, without a worker: at a launch the workers (at a lower priority) are busy
        // with the window's first drawings, and waiting for one delayed the model by up to a second
        loadWhen(progress, failure, true, done -> reading.whenComplete((d, e) -> executor.onUiThread(() ->
                done.accept(d == null ? null : DocumentLoader.Loaded.of(d), e == null ? null
                        : e instanceof CompletionException && e.getCause() != null ? e.getCause() : e))));
    }

    /** Opens a model just trained in the window; it stays unsaved until saved. */
    public void acceptTrained(TrainingJob.Trained t) {
        var md = t.metadata();
        acceptMade(new MadeModel(t.model(), md, t.test(), md.dataset(), "trained " + md.architecture() + md.hidden(),
                100, String.format(java.util.Locale.ROOT, "Trained %s%d: test accuracy %.2f %%. Save it with File > "
                        + "Save model.", md.architecture(), md.hidden(), 100 * t.eval().accuracy())));
    }

    /**
     * Opens a model made in the window (trained or fine-tuned); it stays unsaved until saved. It replaces the open
     * document without asking: the dialogs that make models ask ({@link #confirmDiscard}) before they start, not
     * after minutes of training.
     */
    public void acceptMade(MadeModel m) {
        load("Opening " + m.title() + " ...", "Could not open " + m.title(), false,
                () -> new DocumentLoader.Loaded(DocumentLoader.made(m), null, m.keepPercent(), m.status()));
    }

    /** Offers the data-set chooser for the open model. */
    public void chooseDataSet() {
        OpenedDocument d = document.get();
        if (d == null || !d.isModel()) {
            dialogs.showError("No model is open", "A data set measures a model's accuracy; a plain matrix has none.");
            return;
        }
        offerDataSet(d, null);
    }

    private void offerDataSet(OpenedDocument d, String why) {
        var spec = d.model().network().spec();
        dataSets.prepare(spec.inputs(), spec.classes(), d.dataSpec(), why);
        dialogs.chooseDataSet(dataSets).ifPresent(this::useDataSet);
    }

    /** Measures the open model on another data set; the slider and settings stay. */
    public void useDataSet(String spec) {
        OpenedDocument d = document.get();
        if (d == null) {
            return;
        }
        load("Loading data set " + spec + " ...", "Could not use data set " + spec, false, () -> {
            OpenedDocument next = DocumentLoader.withData(d, spec);
            return new DocumentLoader.Loaded(next, null, explorer.keepPercentProperty().get(), "Measuring "
                    + d.title() + " on " + next.model().test().name() + ".");
        });
    }

    /**
     * The one path: reads in the background, then replaces the shown document in one step. A newer request
     * supersedes an older one still being read.
     */
    private void load(String progress, String failure, boolean askFirst, Callable<DocumentLoader.Loaded> work) {
        loadWhen(progress, failure, askFirst, done -> executor.submit(work, l -> done.accept(l, null),
                e -> done.accept(null, e)));
    }

    /**
     * As {@link #load}, with the reading started by {@code start}, which calls back on the UI thread with the
     * document read or the failure.
     */
    private void loadWhen(String progress, String failure, boolean askFirst,
                          Consumer<BiConsumer<DocumentLoader.Loaded, Throwable>> start) {
        if (askFirst && !confirmDiscard()) {
            return;
        }
        long ticket = ++generation;
        loading.set(true);
        explorer.setStatus(progress);
        start.accept((l, e) -> {
            if (ticket != generation) {
                return;
            }
            loading.set(false);
            if (e != null) {
                failed(failure, e);
            } else {
                show(l);
            }
        });
    }

    private void show(DocumentLoader.Loaded l) {
        OpenedDocument previous = document.get();
        ExplorerSettings previousSettings = explorer.currentSettings();
        double previousQ = explorer.keepPercentProperty().get();
        try {
            explorer.load(l.document().subject(), l.settings(), l.keepPercent());
            document.set(l.document());
        } catch (RuntimeException e) {
            if (previous != null) {
                explorer.load(previous.subject(), previousSettings, previousQ);
            }
            failed("Could not show " + l.document().title(), e);
            return;
        }
        explorer.setStatus(l.status());
        if (l.document().dataSpec() != null) {
            dataSets.remember(l.document().dataSpec());
        }
        if (l.document().lacksData()) {
            offerDataSet(l.document(), l.document().model().note() == null ? null
                    : "No accuracy yet: " + l.document().model().note() + ".");
        }
    }

    /** True when nothing unsaved would be lost, or the user agrees to lose it. */
    public boolean confirmDiscard() {
        return confirmReplace(null);
    }

    /**
     * As {@link #confirmDiscard}, saying what will replace the unsaved model.
     *
     * @param replacement e.g. "The trained model", or null
     */
    public boolean confirmReplace(String replacement) {
        OpenedDocument d = document.get();
        return d == null || !d.unsaved() || dialogs.confirm("Unsaved model", (replacement == null ? ""
                : replacement + " will replace the open model. ") + "'" + d.title() + "' was made in this window and "
                + "is not saved. Discard it?", "Discard it");
    }

    /** The open model was saved to {@code file}: the document now refers to it and is no longer unsaved. */
    void markSaved(Path file) {
        OpenedDocument d = document.get();
        if (d != null) {
            document.set(d.savedAs(file));
        }
    }

    /** Reports a failure in one dialog and the status line; the window keeps its state. */
    void failed(String header, Throwable e) {
        String m = ErrorMessages.of(e);
        explorer.setStatus(header + ": " + m);
        dialogs.showError(header, m);
    }

    /** The window title: the document and whether it is saved, or classroom mode and its graph. */
    public static String windowTitle(String documentTitle, boolean classroom, String classroomGraph) {
        if (classroom) {
            return "Expander Explorer: Classroom" + (classroomGraph == null ? "" : ": " + classroomGraph);
        }
        return documentTitle == null || documentTitle.isEmpty() ? "Expander Explorer"
                : "Expander Explorer: " + documentTitle;
    }

    public ReadOnlyObjectProperty<OpenedDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The document's title, with "(unsaved)" for a model not saved yet. */
    public StringBinding titleBinding() {
        return title;
    }

    /** True for a model made in the window and not saved yet. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** True while a document is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The data-set chooser's form (the window's dialog shows it). */
    public DataSetViewModel dataSets() {
        return dataSets;
    }

    DialogService dialogs() {
        return dialogs;
    }
}
