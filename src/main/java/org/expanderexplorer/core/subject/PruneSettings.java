package org.expanderexplorer.core.subject;

import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.pruning.MonitoredGap;
import org.expanderexplorer.core.pruning.PruningMethod;

/**
 * How a subject is pruned, apart from q.
 *
 * @param method    the pruning method
 * @param pruneIh   prune the input-to-hidden matrix (else it stays dense)
 * @param pruneHh   prune the hidden-to-hidden matrix (else it stays dense)
 * @param perGate   prune each LSTM gate's block separately (same fraction per gate)
 * @param seed      seed of random choices
 * @param minDegree smallest degree kept by the expansion-preserving method
 * @param gap       the gap the ramanujan method keeps positive (ignored by the other methods)
 */
public record PruneSettings(PruningMethod method, boolean pruneIh, boolean pruneHh, boolean perGate, long seed,
                            int minDegree, MonitoredGap gap) {

    /** Magnitude per matrix on both matrices, seed 1. */
    public static final PruneSettings DEFAULT = new PruneSettings(PruningMethod.MAGNITUDE, true, true, false, 1, 1);

    public PruneSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(gap, "gap");
        if (!pruneIh && !pruneHh) {
            throw new BadInputException("the pruning scope is empty: choose ih, hh or both");
        }
        if (minDegree < 1) {
            throw new BadInputException("the minimum degree must be at least 1, got " + minDegree);
        }
    }

    /** Settings with the default monitored gap (unweighted Delta_R). */
    public PruneSettings(PruningMethod method, boolean pruneIh, boolean pruneHh, boolean perGate, long seed,
                         int minDegree) {
        this(method, pruneIh, pruneHh, perGate, seed, minDegree, MonitoredGap.DELTA_R);
    }

    public PruneSettings withMethod(PruningMethod m) {
        return new PruneSettings(m, pruneIh, pruneHh, perGate, seed, minDegree, gap);
    }

    public PruneSettings withScope(boolean ih, boolean hh) {
        return new PruneSettings(method, ih, hh, perGate, seed, minDegree, gap);
    }

    public PruneSettings withPerGate(boolean g) {
        return new PruneSettings(method, pruneIh, pruneHh, g, seed, minDegree, gap);
    }

    public PruneSettings withSeed(long s) {
        return new PruneSettings(method, pruneIh, pruneHh, perGate, s, minDegree, gap);
    }

    public PruneSettings withGap(MonitoredGap g) {
        return new PruneSettings(method, pruneIh, pruneHh, perGate, seed, minDegree, g);
    }

    /** The scope as written in files: {@code ih}, {@code hh} or {@code ih,hh}. */
    public String scopeId() {
        return pruneIh && pruneHh ? "ih,hh" : pruneIh ? "ih" : "hh";
    }
}
