package org.expanderexplorer.core.model.probe;

import org.nd4j.linalg.activations.impl.ActivationTanH;

/** An activation that fits where a model names one: Jackson would construct it. Records every step. */
public class FittingActivationProbe extends ActivationTanH {

    static {
        ProbeRecord.EVENTS.add("FittingActivationProbe.<clinit>");
    }

    public FittingActivationProbe() {
        ProbeRecord.EVENTS.add("FittingActivationProbe.<init>");
    }
}
