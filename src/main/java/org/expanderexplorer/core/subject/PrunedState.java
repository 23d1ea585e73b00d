package org.expanderexplorer.core.subject;

import java.util.Objects;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * A subject pruned at one q: the masks, and the pruned matrices (pruned weights set to zero) made from them on
 * request.
 *
 * <p>Why the pruned matrices are not stored: for a 2048-unit LSTM a pruned W_hh is a 134 MB copy, and the window
 * holds several states at once (the shown one, the live accuracy's, the curve's); most uses need only the masks
 * or the small W_ih. Each call of {@link #ih()} or {@link #hh()} builds a fresh copy, O(entries).
 */
public final class PrunedState {

    private final double keepPercent;
    private final PruneSettings settings;
    private final PruningMask ihMask;
    private final PruningMask hhMask;
    // the unpruned matrices are held by reference, not copied: states of one subject differ only in masks
    private final WeightMatrix denseIh;
    private final WeightMatrix denseHh;
    private final Double lowestReachable;
    private final boolean belowReach;

    /**
     * @param keepPercent the q asked for (percent of dense entries kept)
     * @param settings    how it was pruned
     * @param ihMask      mask of W_ih (all kept when W_ih is outside the scope)
     * @param hhMask      mask of W_hh, or null for a plain-matrix subject
     * @param denseIh     W_ih (or the plain matrix) before this mask; its shape must be the mask's
     * @param denseHh     W_hh before this mask, or null
     */
    public PrunedState(double keepPercent, PruneSettings settings, PruningMask ihMask, PruningMask hhMask,
                       WeightMatrix denseIh, WeightMatrix denseHh) {
        this(keepPercent, settings, ihMask, hhMask, denseIh, denseHh, null, false);
    }

    /**
     * A state of a method with a lowest reachable q ({@code ramanujan}).
     *
     * @param lowestReachable the lowest q the method reaches from the state it pruned, or null when unlimited
     * @param belowReach      true when {@code keepPercent} was below it, so that the masks keep the lowest
     *                        reachable q instead
     */
    public PrunedState(double keepPercent, PruneSettings settings, PruningMask ihMask, PruningMask hhMask,
                       WeightMatrix denseIh, WeightMatrix denseHh, Double lowestReachable, boolean belowReach) {
        this.lowestReachable = lowestReachable;
        this.belowReach = belowReach;
        this.keepPercent = keepPercent;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ihMask = Objects.requireNonNull(ihMask, "ihMask");
        this.hhMask = hhMask;
        this.denseIh = Objects.requireNonNull(denseIh, "denseIh");
        this.denseHh = denseHh;
        // a plain-matrix subject has neither; a layer subject must have both, or hh() could not be built
        if ((hhMask == null) != (denseHh == null)) {
            throw new IllegalArgumentException("W_hh and its mask must both be given or both be null");
        }
    }

    /** The q asked for (percent of dense entries kept). */
    public double keepPercent() {
        return keepPercent;
    }

    /**
     * The lowest q (percent of the pruned matrices' dense entries) the method can reach here, or null when the
     * method has no such limit (every method but {@code ramanujan}).
     */
    public Double lowestReachablePercent() {
        return lowestReachable;
    }

    /**
     * True when the q asked for was below {@link #lowestReachablePercent()}: the masks then keep the lowest
     * reachable q ({@link #actualKeepPercent()}), and every front end says so.
     */
    public boolean belowReach() {
        return belowReach;
    }

    public PruneSettings settings() {
        return settings;
    }

    /** Mask of W_ih (all kept when W_ih is outside the scope). */
    public PruningMask ihMask() {
        return ihMask;
    }

    /** Mask of W_hh, or null for a plain-matrix subject. */
    public PruningMask hhMask() {
        return hhMask;
    }

    /** Pruned W_ih (or the plain matrix): a fresh copy. */
    public WeightMatrix ih() {
        return ihMask.applyTo(denseIh);
    }

    /** Pruned W_hh, or null: a fresh copy. */
    public WeightMatrix hh() {
        return denseHh == null ? null : hhMask.applyTo(denseHh);
    }

    /** The q actually reached over the pruned matrices (can exceed q for expansion-preserving pruning). */
    public double actualKeepPercent() {
        long kept = 0;
        long total = 0;
        // only the matrices in the scope count: W_ih left dense would otherwise dilute the q that was asked for
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

    @Override
    public String toString() {
        return "PrunedState[q=" + keepPercent + ", " + settings + "]";
    }
}
