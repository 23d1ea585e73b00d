package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.common.SidePanels;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.graph.GraphCanvas;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * Classroom mode on top of the explorer window: the Classroom menu, switching the window's panels between the
 * explorer and the classroom, and the presentation settings that apply to both (150 % and 200 % scale of fonts,
 * chart strokes and graph strokes; the high-contrast theme; the explanation panel on the right, which explains
 * whichever graph is on screen).
 */
public final class ClassroomMode {

    private final BorderPane root;
    private final ObjectProperty<FigureStyle> style;
    private final ClassroomView view;
    private final ExplanationPanel explanation;
    private final ObjectBinding<ExplanationViewModel.Explained> explained;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final BooleanProperty contrast = new SimpleBooleanProperty();
    private final BooleanProperty explanationShown = new SimpleBooleanProperty();
    private final BooleanProperty controlsShown = new SimpleBooleanProperty(true);
    private Node explorerLeft;
    private Node explorerCentre;
    private Node explorerBottom;

    /**
     * @param root           the window's root; its left, centre and bottom are swapped, its right holds the
     *                       explanation panel
     * @param style          the window's figure style (scale and contrast are set here)
     * @param explorer       the explorer, explained when classroom mode is off
     * @param explorerCanvas the explorer's graph, scaled with the presentation
     * @param owner          the window, for dialogs
     */
    public ClassroomMode(BorderPane root, ObjectProperty<FigureStyle> style, ExplorerViewModel explorer,
                         GraphCanvas explorerCanvas, UiExecutor executor, Supplier<Window> owner) {
        this.root = Objects.requireNonNull(root, "root");
        this.style = Objects.requireNonNull(style, "style");
        this.view = new ClassroomView(executor, style, owner, this::rootClasses);
        ClassroomViewModel vm = view.viewModel();
        explained = Bindings.createObjectBinding(() -> {
            if (active.get()) {
                GraphState g = vm.stateProperty().get();
                return g == null ? null : new ExplanationViewModel.Explained(g.source().title() + ", step "
                        + vm.stepProperty().get(), g.unweighted(), g.weighted(), vm.weightedProperty().get());
            }
            Snapshot s = explorer.snapshotProperty().get();
            return s == null ? null : new ExplanationViewModel.Explained(s.request().subject().name() + " "
                    + s.request().graph() + String.format(java.util.Locale.ROOT, " at q = %.1f %%",
                    s.request().keepPercent()), s.unweighted(), s.weighted(), explorer.weightedProperty().get());
        }, active, vm.stateProperty(), vm.weightedProperty(), explorer.snapshotProperty(),
                explorer.weightedProperty());
        explanation = new ExplanationPanel(new ExplanationViewModel(explained));
        for (GraphCanvas c : List.of(explorerCanvas, view.graph().canvas())) {
            c.strokeScaleProperty().bind(scale);
            c.contrastProperty().bind(contrast);
        }
        active.addListener((o, a, b) -> swap(b));
        scale.addListener((o, a, b) -> applyScale(b.doubleValue()));
        contrast.addListener((o, a, b) -> {
            root.getStyleClass().remove(StyleClasses.THEME_CONTRAST);
            if (b) {
                root.getStyleClass().add(StyleClasses.THEME_CONTRAST);
            }
            style.set(style.get().withContrast(b));
        });
        SidePanels.capped(explanation, root);
        SidePanels.capped(view.left(), root);
        explanationShown.addListener((o, a, b) -> root.setRight(b ? explanation : null));
        controlsShown.addListener((o, a, b) -> {
            if (active.get()) {
                root.setLeft(b ? view.left() : null);
            }
        });
    }

    private void swap(boolean classroom) {
        if (classroom) {
            explorerLeft = root.getLeft();
            explorerCentre = root.getCenter();
            explorerBottom = root.getBottom();
            root.setLeft(controlsShown.get() ? view.left() : null);
            root.setCenter(view.centre());
            root.setBottom(view.bottom());
            if (view.viewModel().sourceProperty().get() == null) {
                view.viewModel().open(GraphChoice.heawood());
            }
        } else if (explorerCentre != null) {
            view.steps().playingProperty().set(false);
            root.setLeft(explorerLeft);
            root.setCenter(explorerCentre);
            root.setBottom(explorerBottom);
        }
    }

    private void applyScale(double s) {
        root.getStyleClass().removeAll(StyleClasses.SCALE_150, StyleClasses.SCALE_200);
        if (s >= 2) {
            root.getStyleClass().add(StyleClasses.SCALE_200);
        } else if (s >= 1.5) {
            root.getStyleClass().add(StyleClasses.SCALE_150);
        }
        style.set(style.get().withScale(s));
    }

    private List<String> rootClasses() {
        List<String> out = new ArrayList<>();
        for (String c : root.getStyleClass()) {
            if (c.startsWith("theme-") || c.startsWith("scale-")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The Classroom menu. */
    public Menu menu() {
        CheckMenuItem mode = new CheckMenuItem("Classroom mode");
        mode.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        mode.selectedProperty().bindBidirectional(active);
        MenuItem gallery = item("Teaching graph...", "Shortcut+G", () -> {
            active.set(true);
            view.openGallery();
        });
        MenuItem ih = item("Classroom model digits8-rnn12: W_ih (8 x 12)", null, () -> openModel(GraphId.IH));
        MenuItem hh = item("Classroom model digits8-rnn12: W_hh (12 x 12)", null, () -> openModel(GraphId.HH));
        MenuItem step = item("Step: remove the next edge", "Shortcut+K", () -> view.steps().step());
        MenuItem play = item("Play / pause", "Shortcut+P", () -> view.steps().togglePlaying());
        step.disableProperty().bind(active.not());
        play.disableProperty().bind(active.not());
        ToggleGroup scales = new ToggleGroup();
        List<MenuItem> scaleItems = new ArrayList<>();
        for (int pct : new int[] {100, 150, 200}) {
            RadioMenuItem r = new RadioMenuItem("Scale " + pct + " %");
            r.setToggleGroup(scales);
            r.setSelected(pct == 100);
            r.setOnAction(e -> scale.set(pct / 100.0));
            scale.addListener((o, a, b) -> r.setSelected(Math.round(b.doubleValue() * 100) == pct));
            scaleItems.add(r);
        }
        CheckMenuItem highContrast = new CheckMenuItem("High contrast");
        highContrast.selectedProperty().bindBidirectional(contrast);
        CheckMenuItem explain = new CheckMenuItem("Explanation panel");
        explain.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        explain.selectedProperty().bindBidirectional(explanationShown);
        CheckMenuItem controls = new CheckMenuItem("Classroom side panel");
        controls.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        controls.selectedProperty().bindBidirectional(controlsShown);
        Menu menu = new Menu("Classroom");
        menu.getItems().addAll(mode, gallery, ih, hh, new SeparatorMenuItem(), step, play, new SeparatorMenuItem());
        menu.getItems().addAll(scaleItems);
        menu.getItems().addAll(highContrast, explain, controls);
        return menu;
    }

    private void openModel(GraphId g) {
        active.set(true);
        view.viewModel().openClassroomModel(g);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(false);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Undoes a classroom step when classroom mode is on; false otherwise (the explorer's undo applies). */
    public boolean undo() {
        return active.get() && view.viewModel().undo();
    }

    /** Redoes a classroom step when classroom mode is on. */
    public boolean redo() {
        return active.get() && view.viewModel().redo();
    }

    /** Classroom mode on (the classroom's panels on screen) or off (the explorer's). */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Presentation scale: 1, 1.5 or 2. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    public BooleanProperty contrastProperty() {
        return contrast;
    }

    public BooleanProperty explanationShownProperty() {
        return explanationShown;
    }

    /** The classroom's side panel (gallery, step options, colours, snapshots); hide it to give the graph room. */
    public BooleanProperty controlsShownProperty() {
        return controlsShown;
    }

    public ClassroomView view() {
        return view;
    }

    public ExplanationPanel explanation() {
        return explanation;
    }
}
