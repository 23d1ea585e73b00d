package org.expanderexplorer.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void nothingReachesTheTargetBeforeCommitAndEverythingAfter() throws IOException {
        Path out = dir.resolve("sweep-rnn");
        Files.createDirectories(out.resolve("figures"));
        Files.writeString(out.resolve("sweep.csv"), "old csv");
        Files.writeString(out.resolve("sweep.json"), "old json");
        Files.writeString(out.resolve("figures").resolve("old.png"), "old figure");
        Files.writeString(out.resolve("notes.txt"), "the user's own notes");
        try (RunFolder run = RunFolder.begin(out)) {
            Files.writeString(run.staging().resolve("sweep.csv"), "new csv");
            Files.writeString(run.staging().resolve("sweep.json"), "new json");
            Path fig = Files.createDirectories(run.staging().resolve("figures")).resolve("new.png");
            Files.writeString(fig, "new figure");
            assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo("old csv");
            assertThat(run.finalPath(fig)).isEqualTo(out.toAbsolutePath().resolve("figures").resolve("new.png"));
            run.commit();
        }
        assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo("new csv");
        assertThat(Files.readString(out.resolve("sweep.json"))).isEqualTo("new json");
        // the figures folder is the new run's alone; files the run does not write stay
        assertThat(names(out.resolve("figures"))).containsExactly("new.png");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("the user's own notes");
        assertThat(names(dir)).containsExactly("sweep-rnn");
        assertThat(names(out)).containsExactlyInAnyOrder("figures", "notes.txt", "sweep.csv", "sweep.json");
    }

    @Test
    void aRunThatFailsLeavesTheOldOutputsAndNoStagingFolder() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("sweep.csv"), "old");
        try (RunFolder run = RunFolder.begin(out)) {
            Files.writeString(run.staging().resolve("sweep.csv"), "half");
        }
        assertThat(Files.readString(out.resolve("sweep.csv"))).isEqualTo("old");
        assertThat(names(dir)).containsExactly("out");
    }

    @Test
    void aSecondRunOnTheSameTargetIsRefusedWhileTheFirstRuns() throws IOException {
        Path out = dir.resolve("out");
        try (RunFolder first = RunFolder.begin(out)) {
            assertThatThrownBy(() -> RunFolder.begin(out)).isInstanceOf(BadInputException.class)
                    .hasMessage(out + ": another run is writing it now; wait for it to finish or choose another name");
            first.commit();
        }
        try (RunFolder again = RunFolder.begin(out)) {
            again.commit();
        }
        assertThat(names(dir)).containsExactly("out");
    }

    @Test
    void stagingFoldersOfKilledRunsAreRemovedByTheNextRun() throws Exception {
        long gone = EndedProcess.pid();
        Path stale = Files.createDirectories(dir.resolve(AtomicFiles.tempName("out", gone, 7)));
        Files.writeString(stale.resolve("sweep.csv"), "from a killed run");
        Path live = Files.createDirectories(dir.resolve(AtomicFiles.tempName("out", ProcessHandle.current().pid(), 9)));
        try (RunFolder run = RunFolder.begin(dir.resolve("out"))) {
            run.commit();
        }
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void fileGroupsRenameTogetherAndRefuseOneFileUnderTwoNames() throws IOException {
        Path zip = dir.resolve("p.zip");
        Path npz = dir.resolve("p.npz");
        Files.writeString(zip, "old zip");
        try (FileGroup g = FileGroup.claim(zip, npz, null)) {
            Files.writeString(g.stage(zip), "new zip");
            Files.writeString(g.stage(npz), "new npz");
            assertThat(Files.readString(zip)).isEqualTo("old zip");
            assertThatThrownBy(() -> FileGroup.claim(npz)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("another run is writing it now");
            g.commit();
        }
        assertThat(Files.readString(zip)).isEqualTo("new zip");
        assertThat(names(dir)).containsExactlyInAnyOrder("p.zip", "p.npz");
        assertThatThrownBy(() -> FileGroup.claim(zip, dir.resolve(".").resolve("p.zip")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is named for two outputs");
        try (FileGroup g = FileGroup.claim(zip)) {
            Files.writeString(g.stage(zip), "never committed");
        }
        assertThat(Files.readString(zip)).isEqualTo("new zip");
        assertThat(names(dir)).containsExactlyInAnyOrder("p.zip", "p.npz");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
