package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: picocli's model of it, and where its output goes: results to {@link #out()}
 * (stdout), progress and notes to {@link #err()} (stderr), so that a result can be piped while progress shows.
 * {@code call()} returns the exit code: 0, or 2 for bad input through {@code BadInputException}.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Where results go: the command line's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where progress and notes go: the command line's standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
