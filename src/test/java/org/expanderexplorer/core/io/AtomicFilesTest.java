package org.expanderexplorer.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    /** The target holds {@code content} and is the only file in the folder: no temporary file was left behind. */
    private void holdsOnly(Path target, String content) throws IOException {
        assertThat(Files.readString(target)).isEqualTo(content);
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        holdsOnly(target, "hello");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old content that is longer");
        AtomicFiles.writeText(target, w -> w.write("new"));
        holdsOnly(target, "new");
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("partial");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage(target + ": disk full");
        holdsOnly(target, "old");
    }

    /** What the half-way test saw while its body was writing. */
    private record Seen(String target, long tempBytes) {
    }

    private Seen halfWay(Path target) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> temps = s.filter(p -> !p.equals(target)).toList();
            assertThat(temps).hasSize(1);
            return new Seen(Files.readString(target), Files.size(temps.get(0)));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWriteFailingHalfWayLeavesTheOldFileIntactAndNoTemporaryFile(boolean checked) throws IOException {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "old");
        byte[] chunk = new byte[100_000]; // past the 64 KiB buffer: bytes really reach the disk before the failure
        java.util.Arrays.fill(chunk, (byte) 'x');
        Seen[] seen = new Seen[1];
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(chunk);
            out.write(chunk);
            out.flush();
            seen[0] = halfWay(target);
            out.write(chunk);
            if (checked) {
                throw new IOException("disk full");
            }
            throw new IllegalStateException("bug in the writer");
        })).hasMessage(checked ? target + ": disk full" : "bug in the writer");
        // half-way: the new bytes were in the temporary file, the target was still the old one
        assertThat(seen[0].target()).isEqualTo("old");
        assertThat(seen[0].tempBytes()).isEqualTo(200_000);
        // after the failure: the old content and nothing else
        holdsOnly(target, "old");
    }

    @Test
    void aMissingFolderIsAnIOException() {
        Path target = dir.resolve("missing").resolve("a.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theResultHasTheUsualPermissionsOfANewFile() throws IOException {
        PosixFileAttributeView probe = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (probe == null) {
            return; // not a POSIX file system: nothing to compare
        }
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeText(atomic, w -> w.write("x"));
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    /** Names of 234-255 bytes (the file-system limit) work: the temporary name is shortened, not the target's. */
    @Test
    void namesUpToTheFileSystemLimitAreWritable() throws IOException {
        for (int length : new int[] {233, 234, 240, 254, 255}) {
            String name = "n".repeat(length - 4) + ".csv";
            Path target = dir.resolve(name);
            AtomicFiles.writeText(target, w -> w.write("1,2\n"));
            assertThat(Files.readString(target)).isEqualTo("1,2\n");
        }
        String wide = "\u00e9".repeat(127) + "x"; // 255 bytes in UTF-8, two per letter
        AtomicFiles.writeText(dir.resolve(wide), w -> w.write("e"));
        assertThat(Files.readString(dir.resolve(wide))).isEqualTo("e");
        assertThat(AtomicFiles.tempName(wide, 123456, 0x7fffffff).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(255);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /** A killed run's temporary file (its process is gone) is removed by the next write; a live one's is kept. */
    @Test
    void temporaryFilesOfDeadProcessesAreRemovedOnTheNextWrite() throws Exception {
        long gone = EndedProcess.pid();
        String name = "sweep.csv";
        Path stale = Files.writeString(dir.resolve(AtomicFiles.tempName(name, gone, 0xabc)), "half");
        Path live = Files.writeString(dir.resolve(AtomicFiles.tempName(name, ProcessHandle.current().pid(), 0xdef)),
                "in progress");
        Path other = Files.writeString(dir.resolve(AtomicFiles.tempName("other.csv", gone, 0x1)), "not ours");
        assertThat(AtomicFiles.pidOf(stale.getFileName().toString(), name)).isEqualTo(gone);
        assertThat(AtomicFiles.pidOf(".sweep.csv.12ab.tmp", name)).isEqualTo(-1);
        AtomicFiles.writeText(dir.resolve(name), w -> w.write("q\n"));
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }

    /** A full disk's IOException names no file: the failure names the target, and the old file stays. */
    @Test
    void aFailedWriteNamesTheTarget() throws IOException {
        Path target = Files.writeString(dir.resolve("model.zip"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(target + ": No space left on device");
        assertThat(Files.readString(target)).isEqualTo("old");
    }
}
