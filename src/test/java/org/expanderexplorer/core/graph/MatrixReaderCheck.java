package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.expanderexplorer.core.BadInputException;

/** Writes matrix files with given content and checks how a reader refuses them: with the file's name first. */
final class MatrixReaderCheck {

    private final Function<Path, WeightMatrix> reader;
    private final Path file;

    /**
     * @param reader the reader under test
     * @param file   the file {@link #file(String)} writes
     */
    MatrixReaderCheck(Function<Path, WeightMatrix> reader, Path file) {
        this.reader = reader;
        this.file = file;
    }

    /** Writes {@code content} into the file, replacing what was there; returns the file. */
    Path file(String content) throws IOException {
        return Files.writeString(file, content);
    }

    /** Asserts that reading {@code f} fails with a {@link BadInputException} whose message starts with f. */
    AbstractThrowableAssert<?, ? extends Throwable> readFails(Path f) {
        return assertThatThrownBy(() -> reader.apply(f)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f.toString());
    }

    /** Writes {@code content} and asserts that reading it fails with exactly the message file + {@code message}. */
    void refuses(String content, String message) throws IOException {
        Path f = file(content);
        readFails(f).hasMessage(f + message);
    }
}
