package org.expanderexplorer.cli;

import java.nio.file.Path;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.subject.LoadedModel;
import picocli.CommandLine.Option;

/**
 * The required {@code --model FILE} of the commands that read one model ({@code evaluate}, {@code inspect},
 * {@code prune}), read through the one door ({@link LoadedModel}), so that all of them accept and refuse the same
 * files with the same message.
 */
final class ModelFile {

    // the label the option had while each command declared it on a field named model
    @Option(names = "--model", required = true, paramLabel = "<model>", description = LoadedModel.FILE_HELP)
    Path file;

    /** The model, read and checked. */
    SavedModel read() {
        return LoadedModel.read(file);
    }
}
