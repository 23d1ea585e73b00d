package org.expanderexplorer.core.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, so that writing code can be passed to {@link AtomicFiles}
 * without wrapping exceptions.
 *
 * @param <T> what is consumed (an output stream or a writer)
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /** Consumes {@code value} (typically writes to it; must not close it). */
    void accept(T value) throws IOException;
}
