package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.expanderexplorer.core.pruning.MonitoredGap;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The left panel: the model's summary, and the pruning controls with the sparsity slider, the window's centre
 * of gravity (big, keyboard-steppable: arrow keys move it by 1 %, page keys by 10 %). It scrolls when the window
 * is too short for all of it, rather than cutting its texts short.
 */
public final class ControlsView extends VBox {

    private final Slider slider = new Slider(0, 100, 100);

    /**
     * @param vm       the panel's state
     * @param open     opens a file
     * @param train    opens the training dialog
     * @param data     opens the data-set chooser
     * @param fineTune opens the fine-tuning dialog
     */
    public ControlsView(ControlsViewModel vm, Runnable open, Runnable train, Runnable data, Runnable fineTune) {
        ExplorerViewModel explorer = vm.explorer(); // the settings this panel edits
        getStyleClass().add(StyleClasses.SIDE_PANEL);
        setPrefWidth(270);
        setMinWidth(230);
        Label title = Widgets.wrapping(vm.titleProperty());
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = label(vm.summaryProperty());
        Label dense = label(vm.denseAccuracyBinding());

        ComboBox<PruningMethod> method = new ComboBox<>();
        method.getItems().setAll(PruningMethod.values());
        method.valueProperty().bindBidirectional(explorer.methodProperty());
        method.setMaxWidth(Double.MAX_VALUE);
        method.setTooltip(new Tooltip("magnitude: keep the largest |w| per matrix; global: one threshold over the "
                + "chosen matrices; random: seeded control; topk: every hidden unit keeps its k largest inputs; "
                + "expansion: magnitude, but no vertex is ever isolated; ramanujan: magnitude, each matrix (each gate "
                + "with per-gate pruning) pruned only while its gap stays > 0, the others harder, down to the lowest "
                + "reachable q; balanced: magnitude under per-row and per-column budgets (near-biregular)"));
        method.setConverter(Widgets.converter(PruningMethod::cliName, PruningMethod::parse));
        ComboBox<MonitoredGap> gap = new ComboBox<>();
        gap.getItems().setAll(MonitoredGap.values());
        gap.valueProperty().bindBidirectional(explorer.gapProperty());
        gap.setMaxWidth(Double.MAX_VALUE);
        gap.setTooltip(new Tooltip("The gap the ramanujan method keeps > 0 in every pruned matrix (gate slice)."));
        Label gapLabel = new Label("keeps > 0");
        for (javafx.scene.Node n : new javafx.scene.Node[] {gap, gapLabel}) {
            n.visibleProperty().bind(explorer.methodProperty().isEqualTo(PruningMethod.RAMANUJAN));
            n.managedProperty().bind(n.visibleProperty());
        }
        ComboBox<Scope> scope = new ComboBox<>();
        scope.getItems().setAll(Scope.values());
        scope.valueProperty().bindBidirectional(explorer.scopeProperty());
        scope.setMaxWidth(Double.MAX_VALUE);
        CheckBox perGate = new CheckBox("prune each LSTM gate separately");
        perGate.selectedProperty().bindBidirectional(explorer.perGateProperty());
        perGate.disableProperty().bind(vm.perGateDisabledBinding());

        Label qValue = new Label();
        qValue.getStyleClass().add(StyleClasses.Q_VALUE);
        qValue.textProperty().bind(vm.qTextBinding());
        Label qCaption = label(vm.qCaptionBinding());
        configureSlider(vm);
        ToggleButton logScale = new ToggleButton("log scale");
        logScale.setTooltip(new Tooltip("Logarithmic slider: finer steps at small q, where expansion is lost. The "
                + "charts against q turn logarithmic too."));
        logScale.selectedProperty().bindBidirectional(vm.logScaleProperty());
        // in log mode the slider runs over log10(q): its ticks name q (1 %, 10 %, 100 %), not the exponent
        slider.setLabelFormatter(Widgets.showing(pos -> String.format(Locale.ROOT, "%.0f",
                vm.logScaleProperty().get() ? Math.pow(10, pos) : pos)));
        vm.logScaleProperty().addListener((o, a, b) -> {
            double q = explorer.keepPercentProperty().get();
            slider.setMin(0);
            slider.setMax(vm.sliderMax());
            slider.setMajorTickUnit(b ? 1 : 25);
            slider.setBlockIncrement(b ? 0.02 : 1);
            slider.setValue(vm.fromQ(q));
        });
        Button fine = button("Fine-tune at this q...", fineTune);
        fine.setTooltip(new Tooltip("Train the pruned model for a few epochs with its masks held, to see how much "
                + "accuracy comes back at this q."));
        fine.disableProperty().bind(vm.fineTunableProperty().not());
        Button chooseData = button("Data set...", data);
        chooseData.setTooltip(new Tooltip("Choose the data set the model's accuracy is measured on."));
        chooseData.disableProperty().bind(vm.dataChoosableProperty().not());
        HBox buttons = new HBox(6, button("Open...", open), button("Train...", train), chooseData);
        VBox content = new VBox(Widgets.section("MODEL"), title, summary, dense, buttons, Widgets.section("PRUNE"),
                new Label("method"), method, gapLabel, gap, new Label("scope"), scope, perGate,
                Widgets.section("EDGES KEPT"), qValue, slider, qCaption, new HBox(6, logScale, fine));
        content.spacingProperty().bind(spacingProperty());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        // the viewport takes the panel's colour in every theme
        scroll.setStyle("-fx-background: -ee-panel; -fx-background-color: transparent; -fx-padding: 0;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    private void configureSlider(ControlsViewModel vm) {
        ExplorerViewModel explorer = vm.explorer();
        slider.getStyleClass().add(StyleClasses.Q_SLIDER);
        slider.setOrientation(Orientation.HORIZONTAL);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(25);
        slider.setBlockIncrement(1);
        Tooltip tip = new Tooltip("q: the percentage of edges kept (of a matrix file's non-zero weights, of a model "
                + "layer's weights). Drag, or use the arrow keys (1 %) and Page Up/Down (10 %). Ctrl+Z undoes a move.");
        tip.setShowDelay(Duration.seconds(2));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        slider.setTooltip(tip);
        slider.valueProperty().addListener((o, a, b) -> vm.moveTo(b.doubleValue()));
        explorer.keepPercentProperty().addListener((o, a, b) -> {
            double pos = vm.fromQ(b.doubleValue());
            if (Math.abs(slider.getValue() - pos) > 1e-9 && Math.abs(vm.toQ(slider.getValue()) - b.doubleValue())
                    > 1e-9) {
                slider.setValue(pos);
            }
        });
        slider.valueChangingProperty().addListener((o, a, b) -> explorer.draggingProperty().set(b));
        slider.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case PAGE_UP -> vm.pageUp();
                case PAGE_DOWN -> vm.pageDown();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text) {
        Label l = Widgets.wrapping(text);
        l.getStyleClass().add(StyleClasses.MODEL_SUMMARY);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The slider (for tests and keyboard focus). */
    public Slider slider() {
        return slider;
    }
}
