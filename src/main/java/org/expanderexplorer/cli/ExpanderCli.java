package org.expanderexplorer.cli;

import java.io.PrintWriter;
import org.expanderexplorer.core.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The root command. Exit codes: 0 success, 2 bad input or usage, 1 an unexpected failure (with a stack trace
 * only under {@code --debug}).
 */
@Command(name = "expander-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = ExpanderCli.Version.class,
        description = {"Expander-graph analysis of pruned recurrent networks.",
            "Without a subcommand the window opens."},
        subcommands = {
            CommandLine.HelpCommand.class,
            SpectrumCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            InspectCommand.class,
            BenchCommand.class,
            PruneCommand.class,
            SweepCommand.class,
            FigureCommand.class,
            GraphExportCommand.class,
        })
public final class ExpanderCli {

    /** Exit code for bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print library logs and stack traces.")
    boolean debug;

    /** Runs the command line and returns its exit code (does not exit). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams and returns its exit code (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ExpanderCli root = new ExpanderCli();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            // One line, as for every other bad input: the problem and where to find the usage.
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("error: " + ex.getMessage().strip().replace(System.lineSeparator(), " ").replace('\n', ' ')
                    + " (see '" + name + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = root.debug || java.util.Arrays.asList(args).contains("--debug");
            if (ex instanceof BadInputException) {
                err.println("error: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ExpanderCli.class.getPackage().getImplementationVersion();
            return new String[] {"Expander Explorer " + (v == null ? "(development build)" : v)};
        }
    }
}
