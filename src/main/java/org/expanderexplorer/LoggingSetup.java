package org.expanderexplorer;

/**
 * Deeplearning4j and ND4J log a lot at start-up. The CLI prints only what the user asked for: results on
 * stdout, progress on stderr, so library logging goes to stderr at WARN unless {@code --debug} raises it.
 * (slf4j-simple reads these system properties once, at its first use, so this runs first thing in main.)
 */
public final class LoggingSetup {

    private LoggingSetup() {
    }

    /** Library logs at WARN on stderr. */
    public static void quiet() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // ND4J's own start-up banner and its OpenMP thread count
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
    }

    /**
     * Library logs at DEBUG (for {@code --debug}); call before {@link #quiet()}, which then keeps this level and
     * sets the rest.
     */
    public static void verbose() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
