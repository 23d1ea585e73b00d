package org.expanderexplorer.ui.classroom;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Undo and redo of pruning and editing actions, as whole masks (immutable, so a restored mask is the identical
 * state). The undo depth is the current step number: 0 for the graph as opened.
 */
final class EditHistory {

    /**
     * A state one can go back (or forward) to.
     *
     * @param mask        the mask of that state
     * @param description the action that led away from it (shown as "Undo: ...")
     */
    record Entry(PruningMask mask, String description) {
        Entry {
            Objects.requireNonNull(mask, "mask");
            Objects.requireNonNull(description, "description");
        }
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();

    /** Records an action that leaves {@code before}; clears the redo stack. */
    void record(PruningMask before, String description) {
        undo.push(new Entry(before, description));
        redo.clear();
    }

    /** Goes back one action from {@code current}; returns the state to show, or null when there is none. */
    Entry undo(PruningMask current) {
        return move(undo, redo, current);
    }

    /** Goes forward one undone action from {@code current}; returns the state to show, or null. */
    Entry redo(PruningMask current) {
        return move(redo, undo, current);
    }

    /** Takes the newest entry of {@code from}, leaving {@code current} on {@code to} to come back to it. */
    private static Entry move(Deque<Entry> from, Deque<Entry> to, PruningMask current) {
        if (from.isEmpty()) {
            return null;
        }
        Entry target = from.pop();
        to.push(new Entry(current, target.description()));
        return target;
    }

    /** The current step: actions that can be undone. */
    int depth() {
        return undo.size();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The description of the action undo would revert, or null. */
    String nextUndo() {
        return undo.isEmpty() ? null : undo.peek().description();
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
