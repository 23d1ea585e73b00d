package org.expanderexplorer.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old content that is longer");
        AtomicFiles.writeText(target, w -> w.write("new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("partial");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(filesIn(dir)).isEqualTo(1);
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
}
