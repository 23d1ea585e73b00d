package org.expanderexplorer.ui.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.expanderexplorer.ui.common.ErrorMessages;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * Writes a file the user chose, in the background. When the write fails (a full disk, a folder without write
 * access, a file another program holds) nothing in the window changes: the open document, its unsaved flag and the
 * slider stay as they were, and one dialog names the target and the reason and offers to choose another place.
 */
final class BackgroundWrites {

    /** A write to a fixed target. */
    interface Write<T> {
        T call() throws IOException;
    }

    /** A write to the target the user chose. */
    interface WriteTo<T> {
        T call(Path target) throws IOException;
    }

    private final UiExecutor executor;
    private final DialogService dialogs;
    private final Consumer<String> status;

    BackgroundWrites(UiExecutor executor, DialogService dialogs, Consumer<String> status) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Asks where ({@code choose}; empty: the user cancelled) and writes there; after a failure the user may choose
     * again, as often as needed.
     *
     * @param what e.g. "the model", for the dialog's header
     */
    <T> void saveAs(String what, Supplier<Optional<Path>> choose, WriteTo<T> write, Consumer<T> onDone) {
        choose.get().ifPresent(f -> run(() -> write.call(f), onDone, what, f,
                () -> saveAs(what, choose, write, onDone)));
    }

    /**
     * Runs {@code work}, which writes {@code target}; on failure asks whether to choose another place and then runs
     * {@code chooseAgain}.
     */
    <T> void run(Write<T> work, Consumer<T> onDone, String what, Path target, Runnable chooseAgain) {
        executor.submit(work::call, onDone, e -> {
            String reason = ErrorMessages.of(e);
            status.accept("Could not save " + what + " to " + target + ": " + reason);
            if (dialogs.confirm("Could not save " + what + " to " + target, reason + "\n\nNothing in the window "
                    + "changed. Choose another place?", "Choose another place...")) {
                chooseAgain.run();
            }
        });
    }
}
