package org.expanderexplorer.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.document.DocumentLoader;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.CurvePrefetch;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.task.FxExecutor;

/**
 * The JavaFX application. Started through {@link #launchApp(String[])} by the launcher, which does not itself
 * extend {@link Application} (so JavaFX can stay on the class path). With {@code --open FILE} it opens that file,
 * otherwise the sample LSTM on sequential MNIST. The window opens fitted to its screen and remembers its bounds and
 * presentation scale ({@link WindowPlacement}, {@link WindowSettings}).
 */
public final class ExplorerApp extends Application {

    private FxExecutor executor;
    /** The first document, being read since {@link #init} (null when the command line opens a file). */
    private CompletableFuture<OpenedDocument> first;
    /** Its curves over q, started once it is read (decision 0033). */
    private final CompletableFuture<CurvePrefetch> firstCurves = new CompletableFuture<>();

    /**
     * Entry point used by the launcher. ND4J's native libraries are loaded first, before JavaFX loads its own: the
     * loader of the native-library bindings looks up symbols from inside glibc's {@code dl_iterate_phdr} callback,
     * which holds one of the dynamic linker's locks and waits for the other, while a concurrent {@code dlopen} (the
     * JavaFX renderer loading a library) holds the other and waits for the first. The window froze at start in about
     * one launch in ten that way, with a thread stuck in the JVM so that not even a thread dump could be taken
     * (seen in native stacks; see docs/performance.md). Loaded here, on the launcher thread, the two never overlap.
     */
    public static void launchApp(String[] args) {
        // one ND4J thread: faster for these small models on few cores, and it leaves a core for the window
        Nd4jThreads.set(Nd4jThreads.DEFAULT);
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

    /**
     * Starts reading the sample model and its data at once, on the launcher thread's watch, while JavaFX builds the
     * window: reading a Deeplearning4j model in a fresh JVM (ND4J's native libraries, the library's classes) takes
     * longer than building the window, and the user waits for both. Once read, its curves over q start too
     * ({@link CurvePrefetch}). Measured with the sample LSTM: docs/performance.md.
     */
    @Override
    public void init() {
        var args = getParameters().getRaw();
        if (!(args.size() == 2 && "--open".equals(args.get(0)))) {
            first = CompletableFuture.supplyAsync(() -> {
                OpenedDocument d = DocumentLoader.openSample(OpenedDocument.DEFAULT_SAMPLE);
                // its curves at the window's first settings, measured while the window is being built
                firstCurves.complete(CurvePrefetch.start(d.subject(), ExplorerViewModel.FIRST_SETTINGS,
                        d.subject().defaultGraph()));
                return d;
            }, r -> {
                Thread t = new Thread(r, "first-document");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    @Override
    public void start(Stage stage) {
        executor = new FxExecutor(WORKERS);
        MainWindow window = createWindow(stage, executor);
        Path config = WindowSettings.folder();
        WindowSettings saved = WindowSettings.load(config);
        place(stage, saved.bounds());
        window.classroom().scaleProperty().set(saved.scale());
        window.classroom().contrastProperty().set(saved.contrast());
        stage.setOnHidden(e -> remember(stage, window, config));
        stage.show();
        // again once shown: under some window managers (seen with GTK and openbox) the size asked for before the
        // window is mapped is lost, and the window came up at its minimum size
        Platform.runLater(() -> place(stage, saved.bounds()));
        var args = getParameters().getRaw();
        if (args.size() == 2 && "--open".equals(args.get(0))) {
            window.open(Path.of(args.get(1)));
        } else {
            window.viewModel().offerCurves(firstCurves);
            window.openSample(OpenedDocument.DEFAULT_SAMPLE, first);
        }
    }

    /**
     * Sizes and places the stage on its screen before it is shown ({@link WindowPlacement}): fitted to the visual
     * bounds, never off them, with the minimum size where the screen allows.
     */
    static void place(Stage stage, WindowPlacement.Bounds saved) {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(Screen.getPrimary())) {
                screens.add(s.getVisualBounds());
            }
        }
        WindowPlacement.Bounds b = WindowPlacement.place(screens, saved);
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, b.width()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, b.height()));
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }

    /** Saves the window's bounds, scale and contrast for the next start; a failure only loses the memory. */
    private static void remember(Stage stage, MainWindow window, Path config) {
        try {
            new WindowSettings(new WindowPlacement.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()), window.classroom().scaleProperty().get(),
                    window.classroom().contrastProperty().get()).save(config);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the window settings in " + config + ": " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
