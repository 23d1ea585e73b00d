package org.expanderexplorer.core.subject;

/** Which matrices of the layer the slider prunes. */
public enum Scope {
    // BOTH prunes W_ih and W_hh together with one percentage; the labels are what the window's choice shows.
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
