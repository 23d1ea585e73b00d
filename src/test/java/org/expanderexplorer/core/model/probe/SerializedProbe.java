package org.expanderexplorer.core.model.probe;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** A serialisable class: Java deserialisation of a {@code preprocessor.bin} naming it would run its hooks. */
public final class SerializedProbe implements Serializable {

    private static final long serialVersionUID = 1L;

    static {
        ProbeRecord.EVENTS.add("SerializedProbe.<clinit>");
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        ProbeRecord.EVENTS.add("SerializedProbe.readObject");
        in.defaultReadObject();
    }
}
