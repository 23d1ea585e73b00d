package org.expanderexplorer.core.subject;

/** Which matrices of the layer the slider prunes. */
public enum Scope {
    IH("input-to-hidden"), HH("hidden-to-hidden"), BOTH("both");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
