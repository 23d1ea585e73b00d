package org.expanderexplorer.core.data;

import java.util.List;
import java.util.Objects;

/**
 * The part of a {@link SequenceDataset} that is the same for every stored one: its name, its shape T x F and its
 * class names, fixed at construction. Subclasses say how many examples there are, their labels and their values.
 */
public abstract class ShapedSequenceDataset implements SequenceDataset {

    private final String name;
    private final int steps;
    private final int features;
    private final List<String> classNames;

    /**
     * @param name       short name, e.g. {@code mnist-train}
     * @param steps      T
     * @param features   F
     * @param classNames one name per class (copied)
     */
    protected ShapedSequenceDataset(String name, int steps, int features, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        this.steps = steps;
        this.features = features;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int steps() {
        return steps;
    }

    @Override
    public final int features() {
        return features;
    }

    @Override
    public final int classes() {
        return classNames.size();
    }

    @Override
    public final List<String> classNames() {
        return classNames;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " x " + steps + " x " + features + ", " + classes() + " classes)";
    }
}
