package org.expanderexplorer.core.subject;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * A probe for tests whose "accuracy" is the kept fraction of W_ih or of W_hh, so it is known at every q without a
 * network. Records the example limits it was asked with.
 */
public final class KeptFractionProbe implements AccuracyProbe {

    /** The limits asked for, in order. */
    public final List<Integer> limits = java.util.Collections.synchronizedList(new ArrayList<>());
    private final boolean hiddenToHidden;
    private final int testSize;
    private final String dataName;

    private KeptFractionProbe(boolean hiddenToHidden, int testSize, String dataName) {
        this.hiddenToHidden = hiddenToHidden;
        this.testSize = testSize;
        this.dataName = dataName;
    }

    /** Accuracy = the kept fraction of W_ih. */
    public static KeptFractionProbe ofInputToHidden(int testSize, String dataName) {
        return new KeptFractionProbe(false, testSize, dataName);
    }

    /** Accuracy = the kept fraction of W_hh. */
    public static KeptFractionProbe ofHiddenToHidden(int testSize, String dataName) {
        return new KeptFractionProbe(true, testSize, dataName);
    }

    @Override
    public double accuracy(PruningMask ih, PruningMask hh, int limit) {
        limits.add(limit);
        return (hiddenToHidden ? hh : ih).keptPercent() / 100;
    }

    @Override
    public int testSize() {
        return testSize;
    }

    @Override
    public String dataName() {
        return dataName;
    }
}
