package org.expanderexplorer.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Small builders of the controls the views and dialogs share: labels in a style class of the stylesheet, labels
 * that wrap a bound text, the two-column forms of the dialogs, a dialog dressed like its window, and converters
 * that show a choice by a name of its own. One place, so that the panels and dialogs look alike.
 */
public final class Widgets {

    /** Space between a form's names and fields. */
    public static final double FORM_HGAP = 10;
    /** Space between a form's rows. */
    public static final double FORM_VGAP = 8;

    private Widgets() {
    }

    /** A label showing {@code text} in the given style classes ({@link StyleClasses}). */
    public static Label styled(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        return l;
    }

    /** A section title of a side panel ("MODEL", "PRUNE", ...). */
    public static Label section(String text) {
        return styled(text, StyleClasses.SECTION_TITLE);
    }

    /** A label that shows {@code text} as it changes and wraps it to the label's width. */
    public static Label wrapping(ObservableValue<String> text) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }

    /** An empty form of a dialog: names in the first column, fields in the second, rows added by the caller. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(FORM_HGAP);
        grid.setVgap(FORM_VGAP);
        return grid;
    }

    /**
     * Gives a dialog its owner, title and header, and the window's look.
     *
     * @param stylesheets the window's stylesheets
     * @param rootClasses the window root's theme and scale classes
     */
    public static void dress(Dialog<?> dialog, Window owner, String title, String header, List<String> stylesheets,
                             List<String> rootClasses) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().getStyleClass().addAll(rootClasses);
    }

    /**
     * A converter that shows a choice by {@code name} (null as empty) and reads typed text with {@code parse}.
     *
     * @param parse text to a choice; may return null where nothing is typed in
     */
    public static <T> StringConverter<T> converter(Function<T, String> name, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    /** A converter for display only: shows a choice by {@code name}; nothing is typed in. */
    public static <T> StringConverter<T> showing(Function<T, String> name) {
        return converter(name, text -> null);
    }
}
