package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.expanderexplorer.ui.common.StyleClasses;

/**
 * The explanation side panel: for each term a title, its meaning in words, its formula in a serif face, and the
 * formula with the current numbers plugged in. While the terms stay the same only the changed texts are
 * replaced, so stepping through a graph does not rebuild the panel.
 */
public final class ExplanationPanel extends ScrollPane {

    private final ExplanationViewModel vm; // held here: the bindings behind it are only weakly referenced
    private final VBox box = new VBox();
    private final List<List<WrappedText>> texts = new ArrayList<>();
    private List<ExplanationViewModel.Paragraph> shown = List.of();

    public ExplanationPanel(ExplanationViewModel vm) {
        this.vm = vm;
        box.getStyleClass().add(StyleClasses.EXPLANATION);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        // em-based, so the panel grows with the classroom scale
        setStyle("-fx-pref-width: 17em; -fx-min-width: 9em; -fx-background-color: -ee-panel;");
        show(vm.paragraphsProperty().get());
        vm.paragraphsProperty().addListener((o, a, b) -> show(b));
    }

    private void show(List<ExplanationViewModel.Paragraph> paragraphs) {
        if (sameShape(paragraphs)) {
            for (int i = 0; i < paragraphs.size(); i++) {
                ExplanationViewModel.Paragraph p = paragraphs.get(i);
                List<WrappedText> t = texts.get(i);
                t.get(0).setText(p.definition());
                t.get(1).setText(p.formula());
                for (int k = 0; k < p.plugged().size(); k++) {
                    t.get(2 + k).setText(p.plugged().get(k));
                }
            }
            shown = paragraphs;
            return;
        }
        shown = paragraphs;
        box.getChildren().clear();
        texts.clear();
        if (paragraphs.isEmpty()) {
            box.getChildren().add(new WrappedText("Open a graph to see the definitions with its numbers."));
            return;
        }
        for (ExplanationViewModel.Paragraph p : paragraphs) {
            Label title = new Label(p.title());
            title.getStyleClass().add(StyleClasses.EXPLANATION_TITLE);
            List<WrappedText> t = new ArrayList<>();
            t.add(new WrappedText(p.definition()));
            t.add(new WrappedText(p.formula(), StyleClasses.FORMULA));
            for (String line : p.plugged()) {
                t.add(new WrappedText(line, StyleClasses.EXPLANATION_PLUGGED));
            }
            VBox block = new VBox(4, title);
            block.getChildren().addAll(t);
            box.getChildren().add(block);
            texts.add(t);
        }
    }

    private boolean sameShape(List<ExplanationViewModel.Paragraph> next) {
        if (next.isEmpty() || next.size() != shown.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).title().equals(shown.get(i).title())
                    || next.get(i).plugged().size() != shown.get(i).plugged().size()) {
                return false;
            }
        }
        return true;
    }

    /** Every text line shown, for tests. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (List<WrappedText> t : texts) {
            for (WrappedText w : t) {
                out.add(w.getText());
            }
        }
        return out;
    }
}
