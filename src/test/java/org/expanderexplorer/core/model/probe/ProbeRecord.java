package org.expanderexplorer.core.model.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the probe classes did: each records its name here when its static initialiser, constructor or
 * deserialisation hook runs. A separate class, so that reading the record never initialises a probe.
 */
public final class ProbeRecord {

    /** Events such as "FittingActivationProbe.<clinit>". */
    public static final Set<String> EVENTS = ConcurrentHashMap.newKeySet();

    private ProbeRecord() {
    }
}
