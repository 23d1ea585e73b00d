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
            ExpansionCommand.class,
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
            err.println("error: " + BadInputException.printable(ex.getMessage().strip()
                    .replace(System.lineSeparator(), " ").replace('\n', ' ')) + " (see '" + name + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = root.debug || java.util.Arrays.asList(args).contains("--debug");
            String problem = userProblem(ex);
            if (problem != null) {
                err.println("error: " + problem);
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
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the loaders check declared sizes first; this is the last resort for work that outgrew the heap
            err.println("error: ran out of memory (the heap allows " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB): run with a larger -Xmx, e.g. java -Xmx4g -jar expander-explorer.jar ...");
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    /**
     * The one-line message of a failure the user can fix, or null for a bug: bad input, and file-system refusals
     * (a read-only folder, a full disk) with the file they name.
     */
    static String userProblem(Exception ex) {
        if (ex instanceof BadInputException) {
            return ex.getMessage();
        }
        Throwable t = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : f.getClass().getSimpleName();
            return BadInputException.printable(f.getFile()) + ": " + BadInputException.printable(reason, 200);
        }
        return null;
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
