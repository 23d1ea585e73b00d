package org.expanderexplorer.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** The process id of a process that has run and ended, for the tests of what killed runs leave behind. */
final class EndedProcess {

    private EndedProcess() {
    }

    /** Starts {@code java -version}, waits for it to end and returns its pid (no longer alive). */
    static long pid() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        return gone.pid();
    }
}
