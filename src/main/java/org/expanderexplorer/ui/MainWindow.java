package org.expanderexplorer.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.chart.PanelsLayout;
import org.expanderexplorer.ui.classroom.ClassroomMode;
import org.expanderexplorer.ui.common.SidePanels;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.document.DocumentViewModel;
import org.expanderexplorer.ui.document.ExportsViewModel;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.ControlsView;
import org.expanderexplorer.ui.explorer.ControlsViewModel;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.explorer.GraphArea;
import org.expanderexplorer.ui.explorer.GraphView;
import org.expanderexplorer.ui.explorer.GraphViewModel;
import org.expanderexplorer.ui.explorer.MatrixViewModel;
import org.expanderexplorer.ui.explorer.NumbersView;
import org.expanderexplorer.ui.explorer.NumbersViewModel;
import org.expanderexplorer.ui.explorer.PanelFiguresViewModel;
import org.expanderexplorer.ui.explorer.SpreadViewModel;
import org.expanderexplorer.ui.task.UiExecutor;
import org.expanderexplorer.ui.train.FineTuneView;
import org.expanderexplorer.ui.train.FineTuneViewModel;
import org.expanderexplorer.ui.train.TrainView;
import org.expanderexplorer.ui.train.TrainViewModel;

/**
 * The explorer window: menus, the model and pruning panel on the left, the graph in the centre, the four chart
 * panels on the right, the numbers strip and the status bar at the bottom. The open document and everything the
 * menus do to it live in {@link DocumentViewModel} and {@link ExportsViewModel}; this class only wires them to
 * the menus and the panels.
 */
public final class MainWindow {

    private final ExplorerViewModel vm;
    private final UiExecutor executor;
    private final BorderPane root = new BorderPane();
    private final ControlsView controls;
    private final GraphView graph;
    private final GraphArea graphArea;
    private final NumbersView numbers;
    private final List<ChartPanel> panels;
    private final ObjectProperty<FigureStyle> style = new SimpleObjectProperty<>(FigureStyle.LIGHT);
    private final Scene scene;
    private final DialogService dialogs;
    private final DocumentViewModel documents;
    private final ExportsViewModel exports;
    private final TrainViewModel trainVm;
    private final FineTuneViewModel fineTuneVm;
    private final ClassroomMode classroom;
    private TrainView trainView;
    private FineTuneView fineTuneView;
    private Stage stage;

    /** What the Cheeger panel's bounds are. */
    static final String CHEEGER_TIP = "Edge expansion h(G) of the selected graph against q. Lower bound: "
            + "max(λ_2 / 2, (d_min − μ̂) / 2). Upper bound: the smallest of √(2 d_max λ_2), √(2 d_max (d_max − μ̂)) "
            + "and the sweep cut, the best prefix of the vertices ordered by the Fiedler vector, an actual set. When "
            + "λ_2 is repeated, the sweep cut is the best over the projections of the vertices onto λ_2's "
            + "eigenspace, so it does not depend on which eigenvector a solver returns.";

    /** The window with JavaFX dialogs. */
    public MainWindow(ExplorerViewModel vm, UiExecutor executor) {
        this(vm, executor, null);
    }

    /**
     * @param dialogs how the window asks the user (null: JavaFX dialogs owned by this window)
     */
    public MainWindow(ExplorerViewModel vm, UiExecutor executor, DialogService dialogs) {
        this.vm = vm;
        this.executor = executor;
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> stage);
        this.documents = new DocumentViewModel(vm, executor, this.dialogs);
        this.exports = new ExportsViewModel(documents, vm, executor);
        this.trainVm = new TrainViewModel(executor, this.dialogs);
        this.fineTuneVm = new FineTuneViewModel(executor, this.dialogs);
        this.controls = new ControlsView(controlsViewModel(), documents::chooseAndOpen, this::train,
                documents::chooseDataSet, this::fineTune);
        this.graph = new GraphView(new GraphViewModel(vm), executor);
        this.numbers = new NumbersView(new NumbersViewModel(vm));
        PanelFiguresViewModel figures = new PanelFiguresViewModel(vm);
        panels = List.of(panel(figures.spectrum()), panel(figures.gaps()), panel(figures.cheeger()),
                panel(figures.accuracy()));
        // the panel's own tooltips name each line; where no line is, it explains the bounds
        panels.get(2).setHint(CHEEGER_TIP);
        // the graph with the matrix view beside it and the spread strip under both
        this.graphArea = new GraphArea(graph, graph.canvas(), new SpreadViewModel(vm, executor),
                new MatrixViewModel(vm, executor));
        // stacked beside the graph, or in tabs, as the window's size and scale allow (docs/decisions/0015)
        PanelsLayout centre = new PanelsLayout(graphArea, graph.canvas(), "Graph", panels,
                List.of("Spectrum", "Gaps", "Cheeger", "Accuracy"), style, 0.52);
        StatusView status = new StatusView(new StatusViewModel(vm, documents, trainVm, fineTuneVm));
        VBox bottom = new VBox(numbers, status);
        classroom = new ClassroomMode(root, style, vm, graph.canvas(), executor, () -> stage);
        root.setTop(new MenuBarView(documents, exports, vm, classroom, new MenuBarView.Actions(this::train,
                this::fineTune, () -> exports.exportReport(figures(), style.get()), () -> graph.canvas().fit(),
                this::setDark, this::quit, () -> stage)));
        root.setLeft(SidePanels.capped(controls, root));
        root.setCenter(centre);
        root.setBottom(bottom);
        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(StyleClasses.STYLESHEET).toExternalForm());
        graph.canvas().darkProperty().bind(Bindings.createBooleanBinding(() -> style.get().dark(), style));
    }

    private ControlsViewModel controlsViewModel() {
        ControlsViewModel c = new ControlsViewModel(vm);
        var doc = documents.documentProperty();
        c.titleProperty().bind(Bindings.createStringBinding(() -> doc.get() == null ? "–"
                : documents.titleBinding().get(), doc, documents.titleBinding()));
        c.summaryProperty().bind(Bindings.createStringBinding(() -> doc.get() == null ? "" : doc.get().summary(),
                doc));
        c.dataChoosableProperty().bind(Bindings.createBooleanBinding(() -> doc.get() != null && doc.get().isModel(),
                doc));
        c.fineTunableProperty().bind(Bindings.createBooleanBinding(() -> doc.get() != null && doc.get().isModel()
                && !doc.get().lacksData(), doc));
        return c;
    }

    private ChartPanel panel(javafx.beans.value.ObservableValue<org.expanderexplorer.core.report.FigureSpec> spec) {
        ChartPanel p = new ChartPanel(spec, style, executor, vm::setStatus);
        p.setProvenance(exports::settings);
        return p;
    }

    /** Switches the theme of the window and its charts. */
    public void setDark(boolean dark) {
        root.getStyleClass().remove(StyleClasses.THEME_DARK);
        if (dark) {
            root.getStyleClass().add(StyleClasses.THEME_DARK);
        }
        style.set(style.get().withDark(dark));
    }

    /** Opens a file in the background; on failure shows a dialog and keeps the current state. */
    public void open(Path file) {
        documents.open(file);
    }

    /** Opens a built-in sample model in the background. */
    public void openSample(String name) {
        documents.openSample(name);
    }

    /** Shows sample {@code name} once {@code reading} (its reading, started earlier) has finished. */
    public void openSample(String name, CompletableFuture<OpenedDocument> reading) {
        documents.openSample(name, reading);
    }

    private Map<String, FigureSpec> figures() {
        Map<String, FigureSpec> m = new LinkedHashMap<>();
        for (int i = 0; i < panels.size(); i++) {
            m.put(ExportsViewModel.PANELS.get(i), panels.get(i).shownSpec());
        }
        return m;
    }

    private void quit() {
        if (documents.confirmDiscard()) {
            stage.hide();
        }
    }

    private void train() {
        if (trainView == null) {
            trainView = new TrainView(stage, trainVm, () -> documents.confirmReplace("The trained model"),
                    documents::acceptTrained);
        }
        trainView.show();
    }

    private void fineTune() {
        OpenedDocument d = documents.documentProperty().get();
        var snap = vm.snapshotProperty().get();
        if (d == null || !d.isModel()) {
            dialogs.showError("No model to fine-tune", "Fine-tuning trains a model; open a model first.");
            return;
        }
        if (d.lacksData()) {
            documents.chooseDataSet();
            return;
        }
        if (snap == null || snap.request().subject() != d.subject()) {
            vm.setStatus("The analysis at this q is still being computed; try again in a moment.");
            return;
        }
        var request = new FineTuneViewModel.Request(d.title(), d.model().network(), d.model().metadata(),
                d.model().test(), d.dataSpec(), snap.state());
        fineTuneView = new FineTuneView(stage, fineTuneVm, request,
                () -> documents.confirmReplace("The fine-tuned model"), documents::acceptMade);
        fineTuneView.show();
    }

    public Scene scene() {
        return scene;
    }

    public void attach(Stage s) {
        this.stage = s;
        s.setScene(scene);
        var cvm = classroom.view().viewModel();
        s.titleProperty().bind(Bindings.createStringBinding(() -> DocumentViewModel.windowTitle(
                documents.titleBinding().get(), classroom.activeProperty().get(),
                cvm.sourceProperty().get() == null ? null : cvm.sourceProperty().get().title()),
                documents.titleBinding(), classroom.activeProperty(), cvm.sourceProperty()));
        s.setOnCloseRequest(e -> {
            if (!documents.confirmDiscard()) {
                e.consume();
            }
        });
    }

    public ControlsView controls() {
        return controls;
    }

    public NumbersView numbers() {
        return numbers;
    }

    public List<ChartPanel> panels() {
        return panels;
    }

    /** The document lifecycle. */
    public DocumentViewModel documents() {
        return documents;
    }

    /** What the File menu writes. */
    public ExportsViewModel exports() {
        return exports;
    }

    /** The training dialog's state. */
    public TrainViewModel training() {
        return trainVm;
    }

    /** The training dialog, once opened (for tests). */
    public TrainView trainView() {
        return trainView;
    }

    /** The fine-tuning dialog's state. */
    public FineTuneViewModel fineTuning() {
        return fineTuneVm;
    }

    /** The last fine-tuning dialog opened (for tests). */
    public FineTuneView fineTuneView() {
        return fineTuneView;
    }

    /** The window's ViewModel. */
    public ExplorerViewModel viewModel() {
        return vm;
    }

    /** The graph, matrix and spread views together. */
    public GraphArea graphArea() {
        return graphArea;
    }

    public GraphView graphView() {
        return graph;
    }

    /** Classroom mode (menu, panels, presentation settings). */
    public ClassroomMode classroom() {
        return classroom;
    }
}
