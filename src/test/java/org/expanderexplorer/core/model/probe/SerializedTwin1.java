package org.expanderexplorer.core.model.probe;

import java.io.Serializable;

/**
 * Serialised in place of {@link SerializedProbe} (same name length, same serialVersionUID), then the name is
 * patched in the bytes: that writes a stream naming the probe without ever initialising it.
 */
public final class SerializedTwin1 implements Serializable {

    private static final long serialVersionUID = 1L;
}
