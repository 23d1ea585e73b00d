package org.expanderexplorer.core.sweep;

import java.util.function.BooleanSupplier;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * Fine-tunes the network between the rounds of an iterative sweep with the round's masks held fixed (pruned
 * weights stay exactly zero), and hands back the subject of the fine-tuned network, whose weights the next round
 * ranks within the current masks (science.md, section 5: "optional fine-tuning between rounds").
 */
public interface FineTuner {

    /**
     * Fine-tunes.
     *
     * @param current   the subject pruned in this round (the network before fine-tuning)
     * @param state     this round's masks
     * @param round     1 for the first pruned round, 2 for the next, ...
     * @param cancelled polled during training; when true, training stops with a
     *                  {@link java.util.concurrent.CancellationException}
     * @return the subject of the fine-tuned network (same shapes; its pruned weights are zero)
     */
    Subject fineTune(Subject current, PrunedState state, int round, BooleanSupplier cancelled);

    /** What the fine-tuning does, for run metadata, e.g. {@code 1 epoch(s) on mnist-train, lr 0.001}. */
    String describe();
}
