package org.expanderexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.BadInputException;

/**
 * The numpy forward pass of {@code bench --peer numpy}, as a child process kept alive for the whole run so that
 * its timings interleave with the tool's (on a shared machine both see the same load). The script
 * ({@code numpy_forward.py}, shipped in the jar) reads the NPZ and JSON the tool wrote into {@code folder}, prints
 * one line describing numpy and its BLAS, and then answers every {@code run} with one JSON line of milliseconds
 * and accuracies per variant. numpy computes with one BLAS thread, as the tool does.
 */
final class NumpyPeer implements AutoCloseable {

    /** The script's resource name, next to this class. */
    static final String SCRIPT = "numpy_forward.py";

    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;
    private final Path stderr;
    private final JsonNode description;

    /** A variant's time and accuracy in one numpy run. */
    record Run(Map<String, Double> millis, Map<String, Double> accuracy) {
    }

    private NumpyPeer(Process process, Path stderr) throws IOException {
        this.process = process;
        this.stderr = stderr;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.description = Json.readTree(answer().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes the script into {@code folder}. */
    static void writeScript(Path folder) throws IOException {
        try (InputStream in = NumpyPeer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " is missing from the build");
            }
            Files.copy(in, folder.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Starts the script ({@link #writeScript}) on the files in {@code folder} ({@code peer.npz}, {@code peer.json}).
     *
     * @param python  the Python interpreter to run
     * @param cpuTime time the thread's CPU time instead of wall-clock time
     * @throws BadInputException when the interpreter or numpy is missing (one line saying which)
     */
    static NumpyPeer start(String python, Path folder, boolean cpuTime) throws IOException {
        Path script = folder.resolve(SCRIPT);
        Path err = folder.resolve("peer-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(python, script.toString(), folder.toString(), "--serve",
                "--clock", cpuTime ? "cpu" : "wall"));
        pb.redirectError(err.toFile());
        // one thread, as the tool computes with one (decision 0011)
        for (String v : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BadInputException("--peer numpy: cannot run " + python + " (" + e.getMessage() + ")");
        }
        try {
            return new NumpyPeer(p, err);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** What the script reported: python, numpy, the BLAS numpy was built with and the one it loaded, threads. */
    JsonNode description() {
        return description;
    }

    /** Times every variant once. */
    Run run() throws IOException {
        commands.println("run");
        JsonNode j = Json.readTree(answer().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Run(doubles(j.get("millis")), doubles(j.get("accuracy")));
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    /** The next line of the script, or a one-line error with the last line it wrote on stderr. */
    private String answer() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            String why = "";
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
                why = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new BadInputException("--peer numpy: the numpy script ended" + why);
        }
        return line;
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
