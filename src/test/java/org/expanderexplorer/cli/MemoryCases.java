package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the memory cases of {@link HostileFixtures} in this JVM, one after another, and prints one tab-separated
 * line per case: name, exit code, milliseconds, the first line of stderr. Run under {@code -Xmx256m} by
 * {@link MemoryBoundsTest}; by hand (documented in {@code docs/robustness.md}) with the test class path and a
 * folder argument for the fixtures.
 */
public final class MemoryCases {

    private MemoryCases() {
    }

    public static void main(String[] args) throws Exception {
        List<HostileFixtures.Case> cases = HostileFixtures.write(Path.of(args[0]));
        System.out.println("max heap MB\t" + Runtime.getRuntime().maxMemory() / (1 << 20));
        for (HostileFixtures.Case c : cases) {
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code;
            try {
                code = ExpanderCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), c.args());
            } catch (Throwable t) {
                code = -1;
                err.write(t.toString());
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            String text = err.toString().strip();
            int lines = text.isEmpty() ? 0 : (int) text.lines().count();
            String first = text.lines().findFirst().orElse("");
            System.out.println(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%s", c.name(), code, ms, lines, first));
        }
    }
}
