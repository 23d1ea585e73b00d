package org.expanderexplorer.ui.explorer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/** The slider's undo history: committed positions (a drag counts as one move), the newest 100. */
final class SliderHistory {

    private static final int LIMIT = 100;

    private final Deque<Double> past = new ArrayDeque<>();
    private double committed = 100;

    /** Starts afresh at {@code q} (a new document). */
    void reset(double q) {
        past.clear();
        committed = q;
    }

    /** Records that the slider came to rest at {@code q}. */
    void commit(double q) {
        if (q != committed) {
            past.push(committed);
            while (past.size() > LIMIT) {
                past.removeLast();
            }
            committed = q;
        }
    }

    /** The position before the last move, which becomes the committed one; empty when there is none. */
    OptionalDouble undo() {
        if (past.isEmpty()) {
            return OptionalDouble.empty();
        }
        committed = past.pop();
        return OptionalDouble.of(committed);
    }
}
