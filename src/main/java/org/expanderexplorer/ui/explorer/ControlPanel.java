package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.expanderexplorer.core.pruning.MonitoredGap;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.ui.common.StyleClasses;

/**
 * The left panel: the model's summary, and the pruning controls with the sparsity slider, the window's centre
 * of gravity (big, keyboard-steppable: arrow keys move it by 1 %, page keys by 10 %).
 */
public final class ControlPanel extends VBox {

    private final Slider slider = new Slider(0, 100, 100);
    private final Label title = new Label("–");
    private final Label summary = new Label("");
    private final ToggleButton logScale = new ToggleButton("log scale");

    public ControlPanel(ExplorerViewModel vm, Runnable open, Runnable train) {
        getStyleClass().add(StyleClasses.SIDE_PANEL);
        setPrefWidth(270);
        setMinWidth(230);
        summary.setWrapText(true);
        summary.getStyleClass().add(StyleClasses.MODEL_SUMMARY);
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");

        ComboBox<PruningMethod> method = new ComboBox<>();
        method.getItems().setAll(PruningMethod.values());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        method.setMaxWidth(Double.MAX_VALUE);
        method.setTooltip(new Tooltip("magnitude: keep the largest |w| per matrix; global: one threshold over the "
                + "chosen matrices; random: seeded control; topk: every hidden unit keeps its k largest inputs; "
                + "expansion: magnitude, but no vertex is ever isolated; ramanujan: magnitude, each matrix (each gate "
                + "with per-gate pruning) pruned only while its gap stays > 0, the others harder, down to the lowest "
                + "reachable q; balanced: magnitude under per-row and per-column budgets (near-biregular)"));
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PruningMethod m) {
                return m == null ? "" : m.cliName();
            }

            @Override
            public PruningMethod fromString(String s) {
                return PruningMethod.parse(s);
            }
        });
        ComboBox<MonitoredGap> gap = new ComboBox<>();
        gap.getItems().setAll(MonitoredGap.values());
        gap.valueProperty().bindBidirectional(vm.gapProperty());
        gap.setMaxWidth(Double.MAX_VALUE);
        gap.setTooltip(new Tooltip("The gap the ramanujan method keeps > 0 in every pruned matrix (gate slice)."));
        Label gapLabel = new Label("keeps > 0");
        for (javafx.scene.Node n : new javafx.scene.Node[] {gap, gapLabel}) {
            n.visibleProperty().bind(vm.methodProperty().isEqualTo(PruningMethod.RAMANUJAN));
            n.managedProperty().bind(n.visibleProperty());
        }
        ComboBox<Scope> scope = new ComboBox<>();
        scope.getItems().setAll(Scope.values());
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        scope.setMaxWidth(Double.MAX_VALUE);
        CheckBox perGate = new CheckBox("prune each LSTM gate separately");
        perGate.selectedProperty().bindBidirectional(vm.perGateProperty());
        perGate.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.subjectProperty().get() == null
                || vm.subjectProperty().get().gates() == 1, vm.subjectProperty()));

        Label qValue = new Label();
        qValue.getStyleClass().add(StyleClasses.Q_VALUE);
        qValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "q = %.1f %%",
                vm.keepPercentProperty().get()), vm.keepPercentProperty()));
        slider.getStyleClass().add(StyleClasses.Q_SLIDER);
        slider.setOrientation(Orientation.HORIZONTAL);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(25);
        slider.setBlockIncrement(1);
        Tooltip sliderTip = new Tooltip("Percentage of edges kept. Drag, or use the arrow keys (1 %) and Page "
                + "Up/Down (10 %). Ctrl+Z undoes a move.");
        sliderTip.setShowDelay(javafx.util.Duration.seconds(2));
        slider.setTooltip(sliderTip);
        slider.valueProperty().addListener((o, a, b) -> vm.keepPercentProperty().set(toQ(b.doubleValue())));
        vm.keepPercentProperty().addListener((o, a, b) -> {
            double pos = fromQ(b.doubleValue());
            if (Math.abs(slider.getValue() - pos) > 1e-9) {
                slider.setValue(pos);
            }
        });
        slider.valueChangingProperty().addListener((o, a, b) -> vm.draggingProperty().set(b));
        slider.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case PAGE_UP -> vm.keepPercentProperty().set(Math.min(100, vm.keepPercentProperty().get() + 10));
                case PAGE_DOWN -> vm.keepPercentProperty().set(Math.max(1, vm.keepPercentProperty().get() - 10));
                default -> {
                    return;
                }
            }
            e.consume();
        });
        logScale.setTooltip(new Tooltip("Logarithmic slider: finer steps at small q, where expansion is lost."));
        logScale.selectedProperty().addListener((o, a, b) -> {
            double q = vm.keepPercentProperty().get();
            slider.setMin(0);
            slider.setMax(b ? 2 : 100);
            slider.setMajorTickUnit(b ? 1 : 25);
            slider.setBlockIncrement(b ? 0.02 : 1);
            slider.setValue(fromQ(q));
        });

        Label dense = new Label();
        dense.getStyleClass().add(StyleClasses.MODEL_SUMMARY);
        dense.textProperty().bind(Bindings.createStringBinding(() -> {
            Double d = vm.denseAccuracyProperty().get();
            if (vm.subjectProperty().get() == null || vm.subjectProperty().get().probe() == null) {
                return "";
            }
            return d == null ? "dense accuracy: measuring..."
                    : String.format(Locale.ROOT, "dense accuracy: %.2f %% (measured, %,d test sequences)", 100 * d,
                    vm.subjectProperty().get().probe().testSize());
        }, vm.denseAccuracyProperty(), vm.subjectProperty()));
        dense.setWrapText(true);
        javafx.scene.control.Button openButton = new javafx.scene.control.Button("Open...");
        openButton.setOnAction(e -> open.run());
        javafx.scene.control.Button trainButton = new javafx.scene.control.Button("Train...");
        trainButton.setOnAction(e -> train.run());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6, openButton, trainButton);
        getChildren().addAll(section("MODEL"), title, summary, dense, buttons, section("PRUNE"), new Label("method"), method,
                gapLabel, gap, new Label("scope"), scope, perGate, section("EDGES KEPT"), qValue, slider, logScale);
    }

    private double toQ(double pos) {
        // q = 0 would prune everything: the slider's left end means 1 %
        return logScale.isSelected() ? Math.pow(10, pos) : Math.max(1, pos);
    }

    private double fromQ(double q) {
        return logScale.isSelected() ? Math.log10(q) : q;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.SECTION_TITLE);
        return l;
    }

    /** The slider (for tests and keyboard focus). */
    public Slider slider() {
        return slider;
    }

    /** Shows a document's title and summary. */
    public void show(String titleText, String summaryText) {
        title.setText(titleText);
        summary.setText(summaryText);
    }
}
