package org.expanderexplorer.core.sweep;

import java.util.Objects;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * A subject pruned at one q: the masks and the pruned matrices (pruned weights set to zero).
 *
 * @param keepPercent the q asked for (percent of dense entries kept)
 * @param settings    how it was pruned
 * @param ihMask      mask of W_ih (all kept when W_ih is outside the scope)
 * @param hhMask      mask of W_hh, or null for a plain-matrix subject
 * @param ih          pruned W_ih (or the plain matrix)
 * @param hh          pruned W_hh, or null
 */
public record PrunedState(double keepPercent, PruneSettings settings, PruningMask ihMask, PruningMask hhMask,
                          WeightMatrix ih, WeightMatrix hh) {

    public PrunedState {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ihMask, "ihMask");
        Objects.requireNonNull(ih, "ih");
    }

    /** The q actually reached over the pruned matrices (can exceed q for expansion-preserving pruning). */
    public double actualKeepPercent() {
        long kept = 0;
        long total = 0;
        if (settings.pruneIh() || hhMask == null) {
            kept += ihMask.keptCount();
            total += (long) ihMask.rows() * ihMask.cols();
        }
        if (hhMask != null && settings.pruneHh()) {
            kept += hhMask.keptCount();
            total += (long) hhMask.rows() * hhMask.cols();
        }
        return total == 0 ? 100.0 : 100.0 * kept / total;
    }
}
