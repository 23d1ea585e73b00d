package org.expanderexplorer.core.model.probe;

/** A class that fits no declared type: Jackson would still load and initialise it before refusing it. */
public final class UnrelatedProbe {

    static {
        ProbeRecord.EVENTS.add("UnrelatedProbe.<clinit>");
    }

    private UnrelatedProbe() {
    }
}
