package org.expanderexplorer.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on the first {@link #get()} and returned from then on: the "lazy, cached" half of the engine's
 * algorithm objects (inputs in the constructor, the result on demand). Thread-safe: the first caller computes while
 * the others wait. A computation that throws caches nothing, so a later call tries again (a cancelled training
 * run, for one, is not remembered as a result).
 *
 * <p>Written here rather than taken from a library because it is a few lines and none of the declared
 * dependencies offers it without checked exceptions or a new artifact.
 *
 * @param <T> the type of the value; the computation must not return null
 */
public final class Lazy<T> {

    private final Supplier<T> computation;
    private T value;

    /** @param computation what to run on the first {@link #get()} */
    public Lazy(Supplier<T> computation) {
        this.computation = Objects.requireNonNull(computation, "computation");
    }

    /** The value, computed on the first call. */
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(computation.get(), "lazy computation returned null");
        }
        return value;
    }
}
