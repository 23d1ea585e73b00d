package org.expanderexplorer;

import java.util.Arrays;
import org.expanderexplorer.cli.ExpanderCli;

/**
 * The one entry point: with a subcommand (or {@code --help}/{@code --version}) it runs the headless command
 * line; with no arguments, or only {@code --open FILE}, it opens the window. {@code --debug} anywhere before a
 * {@code --} raises library logging to DEBUG for either (and makes the command line print stack traces). It does
 * not extend {@code javafx.application.Application}, so the JavaFX jars can stay on the plain class path. Started
 * without the vector API module (as by {@code java -jar}), it first starts itself again with it
 * ({@link VectorRelaunch}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (VectorRelaunch.wanted()) {
            // the fast inference path needs a module (decision 0025)
            System.exit(VectorRelaunch.run(Launcher.class, args, wantsGui(withoutDebug(args))));
        }
        VectorRelaunch.stopWithParent();
        // Before anything creates a logger: slf4j-simple reads its level once, at its first use.
        configureLogging(args);
        String[] rest = withoutDebug(args);
        if (wantsGui(rest)) {
            String missing = noDisplay(System.getenv(), System.getProperty("os.name", ""),
                    System.getProperty("glass.platform"));
            if (missing != null) {
                System.err.println("error: " + missing);
                System.exit(ExpanderCli.EXIT_BAD_INPUT);
            }
            Class<?> app = Class.forName("org.expanderexplorer.ui.ExplorerApp");
            try {
                app.getMethod("launchApp", String[].class).invoke(null, (Object) rest);
            } catch (java.lang.reflect.InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof UnsupportedOperationException && !debugRequested(args)) {
                    // JavaFX's "Unable to open DISPLAY": one line, not thirty
                    System.err.println("error: the window cannot start (" + cause.getMessage() + "); "
                            + NO_WINDOW_HINT);
                    System.exit(ExpanderCli.EXIT_BAD_INPUT);
                }
                throw e;
            }
            return;
        }
        System.exit(ExpanderCli.run(args));
    }

    private static final String NO_WINDOW_HINT = "the command line works without one (see --help)";

    /**
     * Why the window cannot open, or null if it may: on Linux and other X11/Wayland systems a window needs
     * {@code DISPLAY} or {@code WAYLAND_DISPLAY} (unless JavaFX runs headless on Monocle, as the tests do).
     */
    static String noDisplay(java.util.Map<String, String> env, String os, String glassPlatform) {
        String name = os.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("win") || name.contains("mac") || "monocle".equalsIgnoreCase(glassPlatform)) {
            return null;
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return "the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; " + NO_WINDOW_HINT;
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Quiet library logging, or DEBUG when the arguments ask for {@code --debug}. */
    static void configureLogging(String[] args) {
        if (debugRequested(args)) {
            LoggingSetup.verbose();
        }
        LoggingSetup.quiet();
    }

    /** Whether {@code --debug} comes before the end of options ({@code --}), where picocli reads it too. */
    static boolean debugRequested(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if ("--debug".equals(a)) {
                return true;
            }
        }
        return false;
    }

    static String[] withoutDebug(String[] args) {
        if (!debugRequested(args)) {
            return args;
        }
        int at = Arrays.asList(args).indexOf("--debug");
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 0, rest, 0, at);
        System.arraycopy(args, at + 1, rest, at, args.length - at - 1);
        return rest;
    }

    static boolean wantsGui(String[] args) {
        return args.length == 0 || (args.length == 2 && "--open".equals(args[0]));
    }
}
