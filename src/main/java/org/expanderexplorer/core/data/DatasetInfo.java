package org.expanderexplorer.core.data;

import java.util.List;
import java.util.Objects;

/**
 * The metadata of a {@link SequenceDataset}: what a model needs to be built for it and what a view needs to label it.
 *
 * @param name       short name, e.g. {@code mnist-test}
 * @param size       number of examples
 * @param steps      time steps T per sequence
 * @param features   features F per step
 * @param classes    number of classes
 * @param classNames one name per class, index = label (immutable copy)
 */
public record DatasetInfo(String name, int size, int steps, int features, int classes, List<String> classNames) {

    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        if (size < 0 || steps <= 0 || features <= 0 || classes <= 0) {
            throw new IllegalArgumentException("bad dataset shape: size " + size + ", steps " + steps + ", features "
                    + features + ", classes " + classes);
        }
        if (classNames.size() != classes) {
            throw new IllegalArgumentException(classes + " classes but " + classNames.size() + " class names");
        }
    }
}
