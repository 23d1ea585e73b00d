package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a sweep while it writes its outputs: the folder then holds the previous run's outputs
 * (or, if the kill came after the final renames, the new run's), never a mixture; the next run removes the killed
 * run's hidden staging folder.
 */
class KillDuringSweepTest {

    @TempDir
    Path dir;

    @Test
    void aKilledSweepLeavesTheOldOutputsWhole() throws Exception {
        Path out = dir.resolve("sweep");
        assertThat(sweep(out, "100,50")).isZero();
        byte[] oldCsv = Files.readAllBytes(out.resolve("sweep.csv"));
        byte[] oldJson = Files.readAllBytes(out.resolve("sweep.json"));
        List<String> oldFigures = names(out.resolve("figures"));

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "org.expanderexplorer.Launcher", "sweep", "--model", SweepCommandsTest.MODEL, "--data", "digits8",
                "--grid", "100,90,80,70,60,50,40,30,20,10", "--limit", "200", "--formats", "svg,png", "--out",
                out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // kill the moment the new table appears in the staging folder, i.e. while the outputs are being written
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path staged = null;
        while (p.isAlive() && System.nanoTime() < deadline && staged == null) {
            staged = stagedTable();
            Thread.sleep(1);
        }
        // the launcher may run the sweep in a second JVM (the vector API module): it must stop with the killed one
        List<ProcessHandle> children = p.descendants().toList();
        Runtime.getRuntime().exec(new String[] {"kill", "-9", Long.toString(p.pid())}).waitFor();
        p.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                c.destroyForcibly();
                throw new AssertionError("process " + c.pid() + " outlived the killed sweep by a minute");
            }
        }
        assertThat(staged).as(Files.readString(dir.resolve("log.txt"))).isNotNull();

        byte[] csv = Files.readAllBytes(out.resolve("sweep.csv"));
        byte[] json = Files.readAllBytes(out.resolve("sweep.json"));
        boolean old = Arrays.equals(csv, oldCsv);
        assertThat(Arrays.equals(json, oldJson)).as("sweep.json from the same run as sweep.csv")
                .isEqualTo(old);
        if (old) {
            assertThat(names(out.resolve("figures"))).isEqualTo(oldFigures);
            assertThat(hidden()).isNotEmpty(); // the killed run's staging folder
        }
        assertThat(sweep(out, "100,25")).isZero();
        assertThat(hidden()).isEmpty();
    }

    private Path stagedTable() throws Exception {
        for (String h : hidden()) {
            Path csv = dir.resolve(h).resolve("sweep.csv");
            if (Files.exists(csv)) {
                return csv;
            }
        }
        return null;
    }

    private List<String> hidden() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".sweep.")).toList();
        }
    }

    private static int sweep(Path out, String grid) {
        StringWriter err = new StringWriter();
        int code = ExpanderCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "sweep",
                "--model", SweepCommandsTest.MODEL, "--data", "digits8", "--grid", grid, "--limit", "200",
                "--formats", "svg", "--out", out.toString());
        if (code != 0) {
            System.err.println("sweep " + grid + " into " + out + ": exit " + code + ": " + err);
        }
        return code;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
