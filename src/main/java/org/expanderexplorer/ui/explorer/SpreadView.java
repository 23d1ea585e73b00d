package org.expanderexplorer.ui.explorer;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The spread strip under the graph: the set, Worst set / Step / Play / Rewind / Clear, and per step t the vertices
 * fed into it, |N_t(S)| and the ratio, the steps already shown in bold; then the step at which all hidden units are
 * reached, or "never".
 */
public final class SpreadView extends VBox {

    private final GridPane table = new GridPane();
    private final Timeline timer;
    private final SpreadViewModel vm;

    public SpreadView(SpreadViewModel vm) {
        this.vm = vm;
        getStyleClass().add(StyleClasses.SPREAD_VIEW);
        Label set = new Label();
        set.textProperty().bind(vm.setTextProperty());
        set.setId("spread-set");
        Button worst = new Button("Worst set");
        worst.setTooltip(new Tooltip("Start from the set of the smallest edge expansion of the shown layer: exact by "
                + "enumeration up to 24 vertices, else the sweep cut of the Fiedler vector."));
        worst.setId("spread-worst");
        worst.setOnAction(e -> vm.useWorstSet());
        Button step = new Button("Step");
        step.setId("spread-step");
        step.setTooltip(new Tooltip("Show the units reached one step further (x_t -> h_t, h_{t-1} -> h_t)."));
        step.setOnAction(e -> vm.step());
        Button play = new Button("Play");
        play.setId("spread-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty()).then("Pause")
                .otherwise("Play"));
        play.setOnAction(e -> vm.togglePlay());
        Button rewind = new Button("Rewind");
        rewind.setOnAction(e -> vm.rewind());
        Button clear = new Button("Clear");
        clear.setId("spread-clear");
        clear.setOnAction(e -> vm.clear());
        for (Button b : new Button[] {step, play, rewind, clear}) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
        }
        Label stepShown = new Label();
        stepShown.textProperty().bind(vm.stepShownProperty().asString("shown: step %d"));
        FlowPane bar = new FlowPane(6, 3, Widgets.section("Spread"), worst, step, play, rewind, clear, stepShown);
        bar.setAlignment(Pos.CENTER_LEFT);
        table.setHgap(10);
        // the counts are the point: the verdict beside them wraps rather than squeezing them into ellipses
        table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("spread-table");
        Label full = new Label();
        full.setId("spread-full");
        full.textProperty().bind(vm.fullTextProperty());
        Label worstText = new Label();
        worstText.textProperty().bind(vm.worstTextProperty());
        worstText.setWrapText(true);
        full.setWrapText(true);
        set.setWrapText(true);
        VBox side = new VBox(3, set, full, worstText);
        HBox.setHgrow(side, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(bar, new HBox(16, table, side));
        setSpacing(3);
        setPadding(new Insets(4, 8, 4, 8));
        vm.rows().addListener((ListChangeListener<SpreadViewModel.StepRow>) c -> fillTable());
        fillTable();
        // Play walks one step per 0.8 s: slow enough to read the counts, quick enough for a lecture
        timer = new Timeline(new KeyFrame(Duration.millis(800), e -> vm.step()));
        timer.setCycleCount(Timeline.INDEFINITE);
        vm.playingProperty().addListener((o, a, b) -> {
            if (b) {
                vm.step();
                timer.play();
            } else {
                timer.stop();
            }
        });
    }

    private void fillTable() {
        table.getChildren().clear();
        if (vm.rows().isEmpty()) {
            return;
        }
        table.add(head("step t"), 0, 0);
        table.add(head("fed"), 0, 1);
        table.add(head("|N_t(S)|"), 0, 2);
        table.add(head("ratio"), 0, 3);
        int col = 1;
        for (SpreadViewModel.StepRow r : vm.rows()) {
            table.add(cell(String.valueOf(r.step()), r.shown(), "spread-step-" + r.step()), col, 0);
            table.add(cell(String.valueOf(r.fed()), r.shown(), null), col, 1);
            table.add(cell(String.valueOf(r.count()), r.shown(), "spread-count-" + r.step()), col, 2);
            table.add(cell(r.ratio(), r.shown(), null), col, 3);
            col++;
        }
    }

    private static Label head(String text) {
        return Widgets.styled(text, StyleClasses.METRIC_NAME);
    }

    private static Label cell(String text, boolean shown, String id) {
        Label l = Widgets.styled(text, StyleClasses.METRIC_VALUE, shown ? StyleClasses.SPREAD_SHOWN
                : StyleClasses.SPREAD_PENDING);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }
}
