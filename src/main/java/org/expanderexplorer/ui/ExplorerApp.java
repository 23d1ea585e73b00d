package org.expanderexplorer.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;

/**
 * The JavaFX application. Started through {@link #launchApp(String[])} by the launcher, which does not itself
 * extend {@link Application} (so JavaFX can stay on the class path). With {@code --open FILE} it opens that file,
 * otherwise the sample LSTM on sequential MNIST.
 */
public final class ExplorerApp extends Application {

    private FxExecutor executor;

    /** Entry point used by the launcher. */
    public static void launchApp(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    /** The executor size of the window: four workers (they run at a lower priority than the UI). */
    public static final int WORKERS = 4;

    /**
     * Builds the main window on {@code stage} as the application does (its executor, ND4J's thread count, the
     * ViewModel), without opening anything or showing it. Used by {@link #start} and by the window tests.
     */
    public static MainWindow createWindow(Stage stage, FxExecutor executor) {
        return createWindow(stage, executor, null);
    }

    /**
     * As {@link #createWindow(Stage, FxExecutor)}, with the dialogs the window asks the user through (null: its
     * JavaFX dialogs; the window tests give scripted answers).
     */
    public static MainWindow createWindow(Stage stage, FxExecutor executor, DialogService dialogs) {
        // one ND4J thread: faster for these small models on few cores, and it leaves a core for the window
        executor.submit(() -> {
            Nd4jThreads.set(Nd4jThreads.DEFAULT);
            return null;
        }, x -> { }, e -> { });
        MainWindow window = new MainWindow(new ExplorerViewModel(executor), executor, dialogs);
        window.attach(stage);
        return window;
    }

    @Override
    public void start(Stage stage) {
        executor = new FxExecutor(WORKERS);
        MainWindow window = createWindow(stage, executor);
        stage.show();
        var args = getParameters().getRaw();
        if (args.size() == 2 && "--open".equals(args.get(0))) {
            window.open(Path.of(args.get(1)));
        } else {
            window.openSample(OpenedDocument.DEFAULT_SAMPLE);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
