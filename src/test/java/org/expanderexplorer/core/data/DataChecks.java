package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.expanderexplorer.core.BadInputException;

/** Checks the data-set tests share: how a loader refuses a file, and where a frame of features peaks. */
final class DataChecks {

    private DataChecks() {
    }

    /**
     * Asserts that {@code load} fails with a {@link BadInputException} whose message starts with {@code file} (the
     * one-line message the user sees names the file first) and contains {@code problem}.
     */
    static void refusesNaming(ThrowingCallable load, Path file, String problem) {
        assertThatThrownBy(load).isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem);
    }

    /** Asserts that loading from a folder that does not exist is refused, naming the folder. */
    static void refusesAMissingFolder(FolderLoader loader, Path parent) {
        Path missing = parent.resolve("no-such-folder");
        refusesNaming(() -> loader.load(missing), missing, "no such folder");
    }

    /** Deletes {@code name} from {@code folder} and asserts that {@code load} is refused, naming it as missing. */
    static void refusesWithout(String name, Path folder, ThrowingCallable load) throws IOException {
        Files.delete(folder.resolve(name));
        refusesNaming(load, folder.resolve(name), "missing");
    }

    /** A data set's loader, from its folder. */
    interface FolderLoader {
        Object load(Path folder) throws Exception;
    }

    /** The offset k in 0..length-1 of the largest of {@code values[from + k]} (the first on a tie). */
    static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int k = 1; k < length; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
