package org.expanderexplorer.ui.classroom;

import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * Text that wraps at word boundaries, one non-wrapping label per word. Why not a wrapping Label: JavaFX lays out
 * text with combining marks (the hat of μ̂ is U+0302) as complex text, and a wrapped line inside such a run is
 * drawn past its break, so the words overlap the next line. Unwrapped labels draw it correctly.
 */
final class WrappedText extends FlowPane {

    static final String STYLE_CLASS = "wrapped-text";

    private final String[] wordClasses;
    private String text = "";

    /**
     * @param text        the text
     * @param wordClasses style classes of every word's label
     */
    WrappedText(String text, String... wordClasses) {
        this.wordClasses = wordClasses.clone();
        getStyleClass().add(STYLE_CLASS);
        setRowValignment(VPos.BASELINE);
        setMinWidth(0);
        // wrap at the width the parent gives, not at the (unbounded) preferred width
        setPrefWrapLength(1);
        setText(text);
    }

    /** Replaces the text (rebuilds the words only when it changed). */
    void setText(String t) {
        String next = t == null ? "" : t;
        if (next.equals(text)) {
            return;
        }
        text = next;
        getChildren().clear();
        for (String word : next.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                Label l = new Label(word);
                l.getStyleClass().addAll(wordClasses);
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                getChildren().add(l);
            }
        }
    }

    String getText() {
        return text;
    }
}
