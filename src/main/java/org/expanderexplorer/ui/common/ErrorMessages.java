package org.expanderexplorer.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.expanderexplorer.core.BadInputException;

/**
 * Turns a failure into a sentence for the status bar and error dialogs. Bad input (a file or a setting the user
 * can fix) is shown as its own one-line message; anything else is an internal error, and its exception type is
 * shown only inside a sentence that says so: a bare message such as "id" (a NullPointerException's) or a class
 * name alone tells a user nothing.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** One line describing {@code e}. */
    public static String of(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
        if (t instanceof BadInputException && !m.isEmpty()) {
            return m;
        }
        if (m.contains(" ") && !(t instanceof NullPointerException) && !(t instanceof ClassCastException)
                && !(t instanceof IndexOutOfBoundsException)) {
            return m; // a sentence from a library (an I/O error, a data set that is missing, ...)
        }
        return "an internal error (" + t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m)
                + "); the window kept its state. Please report it with the steps that led to it.";
    }
}
