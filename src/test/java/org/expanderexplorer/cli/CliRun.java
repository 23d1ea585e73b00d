package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line inside the test's JVM, as the tests see it: the exit code and what went to stdout and
 * to stderr.
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code expander-explorer ARGS} through {@link ExpanderCli#run} and keeps both streams. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExpanderCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
