package org.expanderexplorer.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.classroom.ClassroomMode;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.explorer.ControlPanel;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.explorer.GraphPane;
import org.expanderexplorer.ui.explorer.NumbersStrip;
import org.expanderexplorer.ui.explorer.OpenedDocument;
import org.expanderexplorer.ui.explorer.PanelFiguresViewModel;
import org.expanderexplorer.ui.task.UiExecutor;
import org.expanderexplorer.ui.train.TrainDialog;
import org.expanderexplorer.ui.train.TrainViewModel;

/**
 * The explorer window: menus, the model and pruning panel on the left, the graph in the centre, the four chart
 * panels on the right, and the numbers strip at the bottom.
 */
public final class MainWindow {

    private final ExplorerViewModel vm;
    private final UiExecutor executor;
    private final BorderPane root = new BorderPane();
    private final ControlPanel controls;
    private final GraphPane graph;
    private final NumbersStrip numbers;
    private final List<ChartPanel> panels;
    private final ObjectProperty<FigureStyle> style = new SimpleObjectProperty<>(FigureStyle.LIGHT);
    private final Scene scene;
    private final FileActions files;
    private final TrainViewModel trainVm;
    private final ClassroomMode classroom;
    private Stage stage;

    /** What the Cheeger panel's bounds are. */
    static final String CHEEGER_TIP = "Edge expansion h(G) of the selected graph against q. Lower bound: "
            + "max(λ_2 / 2, (d_min − μ̂) / 2). Upper bound: the smallest of √(2 d_max λ_2), √(2 d_max (d_max − μ̂)) "
            + "and the sweep cut, the best prefix of the vertices ordered by the Fiedler vector, an actual set. When "
            + "λ_2 is repeated, the sweep cut is the best over the projections of the vertices onto λ_2's "
            + "eigenspace, so it does not depend on which eigenvector a solver returns.";

    public MainWindow(ExplorerViewModel vm, UiExecutor executor) {
        this.vm = vm;
        this.executor = executor;
        this.files = new FileActions(vm, executor, this::show);
        this.trainVm = new TrainViewModel(executor);
        this.controls = new ControlPanel(vm, () -> files.chooseAndOpen(), this::train);
        this.graph = new GraphPane(vm, executor);
        this.numbers = new NumbersStrip(vm);
        PanelFiguresViewModel figures = new PanelFiguresViewModel(vm);
        panels = List.of(panel(figures.spectrum()), panel(figures.gaps()), panel(figures.cheeger()),
                panel(figures.accuracy()));
        javafx.scene.control.Tooltip cheegerTip = new javafx.scene.control.Tooltip(CHEEGER_TIP);
        cheegerTip.setWrapText(true);
        cheegerTip.setMaxWidth(420);
        javafx.scene.control.Tooltip.install(panels.get(2), cheegerTip);
        SplitPane right = new SplitPane();
        right.setOrientation(Orientation.VERTICAL);
        right.getItems().addAll(panels);
        right.setDividerPositions(0.28, 0.52, 0.76);
        SplitPane centre = new SplitPane(graph, right);
        centre.setDividerPositions(0.52);
        Label status = new Label();
        status.getStyleClass().add(StyleClasses.STATUS_TEXT);
        status.textProperty().bind(vm.statusProperty());
        VBox bottom = new VBox(numbers, status);
        status.setStyle("-fx-padding: 2 10 4 10;");
        classroom = new ClassroomMode(root, style, vm, graph.canvas(), executor, () -> stage);
        root.setTop(menus());
        root.setLeft(controls);
        root.setCenter(centre);
        root.setBottom(bottom);
        HBox.setHgrow(centre, Priority.ALWAYS);
        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(MainWindow.class.getResource(StyleClasses.STYLESHEET).toExternalForm());
        graph.canvas().darkProperty().bind(Bindings.createBooleanBinding(() -> style.get().dark(), style));
    }

    private ChartPanel panel(javafx.beans.value.ObservableValue<org.expanderexplorer.core.report.FigureSpec> spec) {
        return new ChartPanel(spec, style, executor, vm::setStatus);
    }

    private MenuBar menus() {
        Menu file = new Menu("File");
        MenuItem open = item("Open model, matrix or session...", "Shortcut+O", files::chooseAndOpen);
        MenuItem sample = item("Open sample LSTM (sequential MNIST)", null,
                () -> openSample(OpenedDocument.DEFAULT_SAMPLE));
        MenuItem sampleRnn = item("Open sample RNN (sequential MNIST)", null, () -> openSample("smnist-rnn128.zip"));
        MenuItem sampleDigits = item("Open classroom RNN (8 x 8 digits)", null, () -> openSample("digits8-rnn12.zip"));
        MenuItem saveSession = item("Save session...", "Shortcut+S", files::saveSession);
        MenuItem saveModel = item("Save trained model...", "Shortcut+Shift+S", files::saveTrainedModel);
        saveModel.disableProperty().bind(files.unsavedModelProperty().not());
        MenuItem pruned = item("Export pruned model (zip, NPZ with masks, JSON summary)...", "Shortcut+Shift+E",
                files::exportPrunedModel);
        MenuItem report = item("Export report folder (all panels: PNG, SVG, CSV)...", "Shortcut+E",
                () -> files.exportReport(figures(), style.get()));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (files.confirmClose()) {
                stage.hide();
            }
        });
        file.getItems().addAll(open, sample, sampleRnn, sampleDigits, new SeparatorMenuItem(), saveSession, saveModel,
                pruned, report, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo (slider move, or classroom step)", "Shortcut+Z", () -> {
            if (classroom.activeProperty().get()) {
                classroom.undo();
            } else if (!vm.undoSliderMove()) {
                vm.setStatus("Nothing to undo.");
            }
        });
        MenuItem redo = item("Redo classroom step", "Shortcut+Y", classroom::redo);
        redo.disableProperty().bind(classroom.activeProperty().not());
        edit.getItems().addAll(undo, redo);

        Menu model = new Menu("Model");
        model.getItems().add(item("Train a new model...", "Shortcut+T", this::train));

        Menu view = new Menu("View");
        CheckMenuItem weighted = new CheckMenuItem("Weighted graph (|w|)");
        weighted.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        weighted.selectedProperty().bindBidirectional(vm.weightedProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        dark.selectedProperty().addListener((o, a, b) -> setDark(b));
        MenuItem fit = item("Fit graph", "Shortcut+F", () -> graph.canvas().fit());
        view.getItems().addAll(weighted, dark, fit);

        Menu help = new Menu("Help");
        MenuItem about = item("About", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Expander Explorer shows a recurrent network's layers "
                    + "as bipartite graphs and how pruning changes their spectrum, Ramanujan gaps and expansion."
                    + " Hover any number in the strip at the bottom for its definition.");
            a.setHeaderText("Expander Explorer");
            a.initOwner(stage);
            a.show();
        });
        help.getItems().add(about);
        return new MenuBar(file, edit, model, view, classroom.menu(), help);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
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
        files.open(file);
    }

    /** Opens a built-in sample model in the background. */
    public void openSample(String name) {
        files.openSample(name);
    }

    private void show(OpenedDocument d) {
        controls.show(d.title(), d.summary());
        vm.setSubject(d.subject());
        vm.setStatus("Opened " + d.title() + ".");
        if (stage != null) {
            stage.setTitle("Expander Explorer: " + d.title());
        }
    }

    private Map<String, FigureSpec> figures() {
        Map<String, FigureSpec> m = new LinkedHashMap<>();
        List<String> names = FileActions.panelNames();
        for (int i = 0; i < panels.size(); i++) {
            m.put(names.get(i), panels.get(i).shownSpec());
        }
        return m;
    }

    private void train() {
        new TrainDialog(stage, trainVm, files::acceptTrained).show();
    }

    public Scene scene() {
        return scene;
    }

    public void attach(Stage s) {
        this.stage = s;
        files.setOwner(s);
        s.setScene(scene);
        s.setTitle("Expander Explorer");
        s.setOnCloseRequest(e -> {
            if (!files.confirmClose()) {
                e.consume();
            }
        });
    }

    public ControlPanel controls() {
        return controls;
    }

    public NumbersStrip numbers() {
        return numbers;
    }

    public List<ChartPanel> panels() {
        return panels;
    }

    /** The file actions (for tests that export without a file dialog). */
    FileActions files() {
        return files;
    }

    /** The window's ViewModel. */
    public ExplorerViewModel viewModel() {
        return vm;
    }

    public GraphPane graphPane() {
        return graph;
    }

    /** Classroom mode (menu, panels, presentation settings). */
    public ClassroomMode classroom() {
        return classroom;
    }
}
