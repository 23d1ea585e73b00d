package org.expanderexplorer.cli;

import java.nio.file.Path;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What {@code graph} and {@code expansion} explore: exactly one of a model (the recurrent layer the pruning options'
 * {@code --layer} names) and a matrix file, pruned to {@code --keep} q. The two commands read, check and prune it
 * the same way, here.
 */
final class LayerSource {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Files files;

    /** Exactly one of a model and a matrix. */
    static final class Files {
        @Option(names = "--model", paramLabel = "FILE", description = LoadedModel.FILE_HELP)
        Path model;

        @Option(names = "--matrix", paramLabel = "FILE", description = "Matrix file (.csv or .mtx).")
        Path matrix;
    }

    @Option(names = "--keep", paramLabel = "Q", defaultValue = "100",
            description = "q: percentage of edges to keep, in (0, 100] (default ${DEFAULT-VALUE}: nothing pruned).")
    double keep;

    /** Refuses a q outside (0, 100]. */
    void checkKeep() {
        if (!(keep > 0 && keep <= 100)) {
            throw new BadInputException("--keep must be in (0, 100], got " + keep);
        }
    }

    /** Whether the source is a model (else a matrix). */
    boolean isModel() {
        return files.model != null;
    }

    /** The model or matrix file. */
    Path file() {
        return isModel() ? files.model : files.matrix;
    }

    /** The model's layer {@code prune.layer}, or the matrix, as a subject named by its file. */
    Subject subject(PruneOptions prune) {
        return isModel() ? prune.subject(files.model, LoadedModel.read(files.model))
                : Subject.ofMatrix(files.matrix.getFileName().toString(), MatrixFiles.read(files.matrix));
    }

    /** The subject dense at q = 100, else pruned to q with the pruning options. */
    PrunedState state(Subject subject, PruneOptions prune) {
        return keep == 100 ? subject.dense() : subject.prune(keep, prune.settings());
    }
}
