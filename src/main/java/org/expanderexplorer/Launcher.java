package org.expanderexplorer;

import org.expanderexplorer.cli.ExpanderCli;

/**
 * The one entry point: with a subcommand (or {@code --help}/{@code --version}) it runs the headless command
 * line; with no arguments, or only {@code --open FILE}, it opens the window. It does not extend
 * {@code javafx.application.Application}, so the JavaFX jars can stay on the plain class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        LoggingSetup.quiet();
        if (wantsGui(args)) {
            Class<?> app = Class.forName("org.expanderexplorer.ui.ExplorerApp");
            app.getMethod("launchApp", String[].class).invoke(null, (Object) args);
            return;
        }
        System.exit(ExpanderCli.run(args));
    }

    static boolean wantsGui(String[] args) {
        return args.length == 0 || (args.length == 2 && "--open".equals(args[0]));
    }
}
