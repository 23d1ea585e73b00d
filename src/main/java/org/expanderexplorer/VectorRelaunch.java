package org.expanderexplorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.model.VectorInference;

/**
 * Starts the application again in a JVM that has the vector API module, when this one was started without it
 * ({@code java -jar expander-explorer.jar}: a jar's manifest cannot add a module; decision 0025). The new JVM gets
 * this one's options, class path and arguments plus {@code --add-modules jdk.incubator.vector}, shares its
 * standard input and output, and its exit code becomes this one's. The JVM's one-line notice "Using incubator
 * modules" is left out of the error stream; everything else passes through unchanged.
 *
 * <p>The new JVM also maps the classes of earlier window sessions from a class-data-sharing archive, and the first
 * window session writes that archive ({@link ClassArchive}).
 *
 * <p>Not relaunched: when the module is already there, when this Java runtime has no such module (a trimmed
 * runtime), or when the system property {@code expander.relaunch} is {@code false}. The fast inference path is then
 * simply not used.
 */
final class VectorRelaunch {

    /** The line the JVM prints on standard error when an incubator module is resolved. */
    static final String NOTICE = "WARNING: Using incubator modules: " + VectorInference.MODULE;
    /** Set in the relaunched JVM, so that it never relaunches itself. */
    static final String PROPERTY = "expander.relaunch";
    /** The process id of the JVM that relaunched this one, set in the relaunched JVM. */
    static final String PARENT = "expander.relaunchedBy";

    private VectorRelaunch() {
    }

    /** Whether {@link #run} should be called. */
    static boolean wanted() {
        return !"false".equals(System.getProperty(PROPERTY))
                && ModuleLayer.boot().findModule(VectorInference.MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(VectorInference.MODULE).isPresent()
                && Files.isExecutable(java());
    }

    /** This runtime's {@code java} (a trimmed runtime may have none). */
    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The command line of the new JVM, which starts {@code main} (the caller's entry point), with the JVM options
     * {@code extra} (the class archive's) before this JVM's own, so that the user's options win.
     */
    static List<String> command(Class<?> main, String[] args, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.add("--add-modules");
        cmd.add(VectorInference.MODULE);
        cmd.addAll(extra);
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-D" + PROPERTY + "=false");
        cmd.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Runs the application's entry point {@code main} in a new JVM and returns its exit code.
     *
     * @param window whether the arguments open the window (only a window session writes the class archive: a
     *               command's run would end seconds later than it does)
     */
    static int run(Class<?> main, String[] args, boolean window) throws IOException, InterruptedException {
        ClassArchive archive = ClassArchive.of(System.getenv(), System.getProperty("java.home"),
                System.getProperty("java.class.path"));
        long pid = ProcessHandle.current().pid();
        ProcessBuilder pb = new ProcessBuilder(command(main, args,
                archive == null ? List.of() : archive.options(window, pid)));
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process child = pb.start();
        // when this JVM is told to stop (not by a signal that reaches the child too), the child stops with it
        Thread stop = new Thread(child::destroy, "stop-relaunched");
        Runtime.getRuntime().addShutdownHook(stop);
        Thread errors = new Thread(() -> copyErrors(child.getErrorStream(), System.err), "relaunched-stderr");
        errors.setDaemon(true);
        errors.start();
        int code = child.waitFor();
        errors.join(2000);
        Runtime.getRuntime().removeShutdownHook(stop);
        if (archive != null) {
            archive.finish(pid, code);
        }
        return code;
    }

    /**
     * In a relaunched JVM: stops at once when the JVM that started it is gone. A shutdown hook stops the child
     * when the parent is asked to stop, but a parent killed outright (SIGKILL) runs no hook; without this the
     * child would go on writing the outputs of a run its user has killed, and hold their lock. Stops as abruptly as
     * the parent did (no shutdown hooks), so that what is on disk is what a kill of one JVM would leave.
     */
    static void stopWithParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parent);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).ifPresentOrElse(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)),
                () -> Runtime.getRuntime().halt(137));
    }

    /** Copies {@code in} to {@code out} as it comes, except for a first line equal to {@link #NOTICE}. */
    static void copyErrors(InputStream in, PrintStream out) {
        try {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                first.write(b);
            }
            String line = first.toString(StandardCharsets.UTF_8).stripTrailing();
            if (!line.equals(NOTICE)) {
                first.writeTo(out);
                if (b == '\n') {
                    out.write('\n');
                }
                out.flush();
            }
            copy(in, out);
        } catch (IOException e) {
            // the child has gone; nothing left to pass on
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush(); // progress bars redraw one line without a newline: pass each piece on at once
        }
    }
}
