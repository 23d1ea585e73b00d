package org.expanderexplorer.cli;

import java.util.concurrent.TimeUnit;

/** Whether {@code python3} with numpy runs on this machine (the numpy peer's tests need it). */
final class NumpyAvailable {

    private static Boolean available;

    private NumpyAvailable() {
    }

    static synchronized boolean check() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (Exception e) {
                available = false;
            }
        }
        return available;
    }
}
