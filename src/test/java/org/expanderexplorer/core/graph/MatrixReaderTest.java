package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the matrix file formats share: a temporary folder, a file in it written with given content,
 * and checks of how the reader under test refuses a file: with the file's name first.
 */
abstract class MatrixReaderTest {

    @TempDir
    Path dir;

    private final Function<Path, WeightMatrix> reader;
    private final String fileName;

    /**
     * @param reader   the reader under test
     * @param fileName the name of the file {@link #file(String)} writes in {@link #dir}
     */
    MatrixReaderTest(Function<Path, WeightMatrix> reader, String fileName) {
        this.reader = reader;
        this.fileName = fileName;
    }

    /** Writes {@code content} into the file, replacing what was there; returns the file. */
    Path file(String content) throws IOException {
        return Files.writeString(dir.resolve(fileName), content);
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
