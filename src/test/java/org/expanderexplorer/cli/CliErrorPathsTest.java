package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample of what users get wrong, for every subcommand: a bad or missing file and a bad option end with exit
 * code 2 and one line on stderr, without exception names or stack traces; {@code --debug} adds the stack trace.
 */
class CliErrorPathsTest {

    @TempDir
    Path dir;

    private Path notes;
    private Path ragged;
    private String missing;
    private String digits;

    @BeforeEach
    void files() throws IOException {
        notes = Files.writeString(dir.resolve("notes.txt"), "not a model\n");
        ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2,3\n4,5\n");
        missing = dir.resolve("missing").resolve("file.zip").toString();
        digits = Path.of("sample-models", "digits8-rnn12.zip").toString();
    }

    /** Problems with files: all reach the command and end in a BadInputException naming the file. */
    private List<String[]> badFiles() {
        String out = dir.resolve("no-such-folder").resolve("m.zip").toString();
        return List.of(
            new String[] {"spectrum", "--matrix", ragged.toString()},
            new String[] {"spectrum", "--matrix", dir.resolve("absent.mtx").toString()},
            new String[] {"generate", "heawood", "--out", dir.resolve("heawood.txt").toString()},
            new String[] {"generate", "cycle", "--vertices", "6", "--out",
                dir.resolve("no-such-folder").resolve("c.mtx").toString()},
            new String[] {"train", "--arch", "rnn", "--hidden", "4", "--data", "digits8", "--epochs", "1", "--seed",
                "1", "--out", out},
            new String[] {"train", "--arch", "rnn", "--hidden", "4", "--data", "cifar10:" + dir.resolve("absent"),
                "--epochs", "1", "--seed", "1", "--out", dir.resolve("m.zip").toString()},
            new String[] {"evaluate", "--model", notes.toString(), "--data", "digits8"},
            new String[] {"evaluate", "--model", missing, "--data", "digits8"},
            new String[] {"inspect", "--model", notes.toString()},
            new String[] {"inspect", "--model", missing},
            new String[] {"bench", "--matrix", ragged.toString()},
            new String[] {"bench", "--model", notes.toString(), "--unfold", "3"});
    }

    /** Problems with options: unknown, missing, malformed or out of range. */
    private List<String[]> badOptions() {
        String model = dir.resolve("m.zip").toString();
        return List.of(
            new String[] {"spectrum", "--matrix"},
            new String[] {"spectrum", "--matrix", ragged.toString(), "--colour"},
            new String[] {"generate", "pg", "--q", "6", "--out", dir.resolve("pg.mtx").toString()},
            new String[] {"generate", "biregular", "--left", "3", "--right", "4", "--dl", "5", "--dr", "2", "--out",
                dir.resolve("b.mtx").toString()},
            new String[] {"train", "--arch", "rnn", "--hidden", "-3", "--data", "digits8", "--epochs", "1", "--seed",
                "1", "--out", model},
            new String[] {"train", "--arch", "rnn", "--hidden", "4", "--data", "digits8", "--epochs", "x", "--seed",
                "1", "--out", model},
            new String[] {"evaluate", "--model", digits, "--data", "digits8", "--limit", "0"},
            new String[] {"evaluate", "--model", digits, "--data", "digits8", "--split", "dev"},
            new String[] {"inspect"},
            new String[] {"bench", "--matrix", ragged.toString(), "--repeat", "0"});
    }

    private static void assertOneLine(CliRun r, String what) {
        assertThat(r.code()).as(what).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).as(what).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.out()).as(what).isEmpty();
    }

    @Test
    void badFilesGiveOneLineNamingTheFile() {
        for (String[] args : badFiles()) {
            CliRun r = run(args);
            String what = String.join(" ", args);
            assertOneLine(r, what);
            // the line names the file (or folder) that the user gave
            String named = args[args.length - 1].replace("cifar10:", "");
            if (args[0].equals("evaluate") || args[0].equals("inspect") || args[0].equals("spectrum")) {
                named = args[2];
            } else if (args[0].equals("bench")) {
                named = args[2];
            } else if (args[0].equals("train") && args[6].startsWith("cifar10:")) {
                named = args[6].substring("cifar10:".length());
            }
            assertThat(r.err()).as(what).contains(named);
        }
    }

    @Test
    void badOptionsGiveOneLine() {
        for (String[] args : badOptions()) {
            assertOneLine(run(args), String.join(" ", args));
        }
    }

    @Test
    void debugAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        for (String[] args : badFiles()) {
            List<String> after = new ArrayList<>(List.of(args));
            after.add("--debug");
            List<String> before = new ArrayList<>(List.of("--debug"));
            before.addAll(List.of(args));
            for (List<String> withDebug : List.of(after, before)) {
                CliRun r = run(withDebug.toArray(String[]::new));
                String what = String.join(" ", withDebug);
                assertThat(r.code()).as(what).isEqualTo(ExpanderCli.EXIT_BAD_INPUT);
                String[] lines = r.err().split("\\R");
                assertThat(lines[0]).as(what).startsWith("error: ");
                assertThat(r.err()).as(what).contains("BadInputException").contains("\tat org.expanderexplorer.");
            }
        }
    }
}
