package org.expanderexplorer.ui.classroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.ui.chart.ChartPanel;
import org.expanderexplorer.ui.chart.PanelsLayout;
import org.expanderexplorer.ui.common.SidePanels;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The classroom's panels, wired to their ViewModels: controls on the left, the graph and the four charts
 * (spectrum, gaps and Cheeger constant along the steps, degrees) in the centre, the numbers at the bottom.
 */
public final class ClassroomView {

    private final ClassroomViewModel vm;
    private final StepViewModel steps;
    private final LinkedViewsViewModel linked;
    private final SnapshotsViewModel snapshots;
    private final ClassroomControls controls;
    private final ClassroomGraphPane graph;
    private final ClassroomNumbers numbers;
    private final List<ChartPanel> panels;
    private final PanelsLayout centre;
    private final ScrollPane left;
    private final VBox bottom;
    private final ObjectProperty<FigureStyle> style;
    private final UiExecutor executor;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> rootClasses;

    /**
     * @param style       the window's figure style (theme and scale)
     * @param owner       the window, for dialogs
     * @param rootClasses the window root's theme and scale classes, for dialogs
     */
    public ClassroomView(UiExecutor executor, ObjectProperty<FigureStyle> style, Supplier<Window> owner,
                         Supplier<List<String>> rootClasses) {
        this.executor = executor;
        this.style = style;
        this.owner = owner;
        this.rootClasses = rootClasses;
        vm = new ClassroomViewModel(executor);
        steps = new StepViewModel(vm);
        linked = new LinkedViewsViewModel(vm, executor);
        snapshots = new SnapshotsViewModel(vm);
        ClassroomFiguresViewModel figures = new ClassroomFiguresViewModel(vm, linked);
        controls = new ClassroomControls(vm, steps, linked, snapshots, this::openGallery, c -> showComparison(c));
        graph = new ClassroomGraphPane(vm, steps, linked, executor);
        graph.canvas().darkProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> style.get().dark(), style));
        numbers = new ClassroomNumbers(vm);
        panels = List.of(panel(figures.spectrum()), panel(figures.gaps()), panel(figures.cheeger()),
                panel(figures.degrees()));
        ChartPanel spectrum = panels.get(0);
        spectrum.setHint("Click a singular value σ_i to colour the vertices by its singular vectors u_i (left) and "
                + "v_i (right).");
        for (ChartPanel p : panels) {
            p.setProvenance(this::provenance);
        }
        spectrum.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                linked.selectSingularAt(spectrum.shownSpec(), style.get(), (int) Math.floor(spectrum.getWidth()),
                        (int) Math.floor(spectrum.getHeight()), e.getX());
            }
        });
        // stacked beside the graph, or in tabs, as the window's size and scale allow (docs/decisions/0015)
        centre = new PanelsLayout(graph, graph.canvas(), "Graph", panels,
                List.of("Spectrum", "Gaps", "Cheeger", "Degrees"), style, 0.55);
        left = SidePanels.scrolling(controls);
        Label status = new Label();
        status.getStyleClass().add(StyleClasses.STATUS_TEXT);
        status.setStyle("-fx-padding: 2 10 4 10;");
        status.textProperty().bind(vm.statusProperty());
        bottom = new VBox(numbers, status);
        vm.errorProperty().addListener((o, a, b) -> {
            Window w = owner.get();
            if (b != null && !b.isEmpty() && w != null && w.isShowing()) {
                Alert alert = new Alert(Alert.AlertType.ERROR, b);
                alert.setHeaderText("Could not open the graph");
                alert.initOwner(w);
                alert.show();
            }
        });
    }

    private ChartPanel panel(ObservableValue<FigureSpec> spec) {
        return new ChartPanel(spec, style, executor, vm::setStatus);
    }

    /** What the classroom shows, for the header block of a chart's CSV. */
    private Map<String, ?> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        GraphState g = vm.stateProperty().get();
        m.put("graph", vm.sourceProperty().get() == null ? null : vm.sourceProperty().get().title());
        m.put("representation", vm.weightedProperty().get() ? "weighted" : "unweighted");
        m.put("step", vm.stepProperty().get());
        m.put("edges", g == null ? null : g.unweighted().edges());
        m.put("edge order", steps.orderProperty().get());
        m.put("seed", steps.seedProperty().get());
        return m;
    }

    /** Asks for a teaching graph and opens it. */
    public void openGallery() {
        new TeachingGraphDialog(owner.get(), stylesheet(), rootClasses.get()).showAndWait().ifPresent(vm::open);
    }

    /** Shows two snapshots side by side in a window of their own, and returns it. */
    public CompareDialog showComparison(SnapshotsViewModel.Comparison c) {
        CompareDialog d = new CompareDialog(owner.get(), c, style, executor, stylesheet(), rootClasses.get());
        d.show();
        return d;
    }

    private static String stylesheet() {
        return ClassroomView.class.getResource(StyleClasses.STYLESHEET).toExternalForm();
    }

    /** The side panel (scrolling when the window is short). */
    public ScrollPane left() {
        return left;
    }

    public Node centre() {
        return centre;
    }

    public Node bottom() {
        return bottom;
    }

    public ClassroomViewModel viewModel() {
        return vm;
    }

    public StepViewModel steps() {
        return steps;
    }

    public LinkedViewsViewModel linked() {
        return linked;
    }

    public SnapshotsViewModel snapshots() {
        return snapshots;
    }

    public ClassroomGraphPane graph() {
        return graph;
    }

    public ClassroomNumbers numbers() {
        return numbers;
    }

    /** Spectrum, gaps, Cheeger, degrees. */
    public List<ChartPanel> panels() {
        return panels;
    }
}
