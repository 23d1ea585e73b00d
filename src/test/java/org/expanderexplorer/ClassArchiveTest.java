package org.expanderexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing archive: when it is used, what it is named by, and how a session's archive lands. */
class ClassArchiveTest {

    @TempDir
    Path dir;

    private Path jar(String name, String classPath) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Path jar = dir.resolve(name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    /** A runtime home with a base archive, as the JVM needs for an archive of the application's classes. */
    private Path runtime() throws IOException {
        Path home = dir.resolve("jdk");
        Files.createDirectories(home.resolve("lib/server"));
        Files.write(home.resolve("lib/server/classes.jsa"), new byte[] {1});
        return home;
    }

    @Test
    void onlyAClassPathOfJarsGetsAnArchive() throws IOException {
        Path lib = jar("lib/dep.jar", null);
        Path app = jar("app.jar", "lib/dep.jar");
        assertThat(ClassArchive.jars(app.toString())).containsExactly(app, lib);
        // a build's test run has class folders on its class path: the JVM would refuse to start with the option
        Files.createDirectories(dir.resolve("classes"));
        assertThat(ClassArchive.jars(app + java.io.File.pathSeparator + dir.resolve("classes"))).isNull();
        assertThat(ClassArchive.jars(dir.resolve("missing.jar").toString())).isNull();
        // a Class-Path entry that does not exist is skipped, as the JVM skips it (the installed image has the JavaFX
        // jars that the manifest names as modules of its runtime); a directory there is refused
        Path partly = jar("partly.jar", "lib/dep.jar lib/none.jar");
        assertThat(ClassArchive.jars(partly.toString())).containsExactly(partly, lib);
        Files.createDirectories(dir.resolve("lib/classes.jar"));
        assertThat(ClassArchive.jars(jar("folder.jar", "lib/classes.jar").toString())).isNull();
        Path home = runtime();
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        assertThat(ClassArchive.of(env, home.toString(), app.toString())).isNotNull();
        assertThat(ClassArchive.of(env, home.toString(), app + java.io.File.pathSeparator + dir.resolve("classes")))
                .isNull();
        // a runtime without its own base archive (a trimmed one) cannot have one either
        assertThat(ClassArchive.of(env, dir.resolve("bare").toString(), app.toString())).isNull();
        assertThat(ClassArchive.of(env, home.toString(), app.toString()).file().getParent())
                .isEqualTo(dir.resolve("cache/expander-explorer"));
        assertThat(ClassArchive.of(Map.of("HOME", dir.resolve("home").toString()), home.toString(), app.toString())
                .file().getParent()).isEqualTo(dir.resolve("home/.cache/expander-explorer"));
    }

    @Test
    void anUpdatedJarOrRuntimeGetsANewArchive() throws IOException {
        Path lib = jar("lib/dep.jar", null);
        Path app = jar("app.jar", "lib/dep.jar");
        List<Path> jars = ClassArchive.jars(app.toString());
        String key = ClassArchive.key("/jdk", jars);
        assertThat(key).matches("[0-9a-f]{16}").isEqualTo(ClassArchive.key("/jdk", jars));
        assertThat(ClassArchive.key("/other-jdk", jars)).isNotEqualTo(key);
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 5000));
        assertThat(ClassArchive.key("/jdk", jars)).isNotEqualTo(key);
    }

    @Test
    void aWindowSessionWritesTheArchiveWhichLaterLaunchesUse() throws IOException {
        Path app = jar("app.jar", null);
        ClassArchive a = ClassArchive.of(Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                runtime().toString(), app.toString());
        // a command does not write it (its run would end later); a window session does, to its own partial file
        assertThat(a.options(false, 42)).isEmpty();
        assertThat(a.options(true, 42, ClassArchive.MIN_FREE))
                .containsExactly("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + a.partial(42));
        // a nearly full disk: the JVM would fail at the session's end (status 1, a message), so nothing is written
        assertThat(a.options(true, 42, ClassArchive.MIN_FREE - 1)).isEmpty();
        Files.createDirectories(a.file().getParent());
        Path older = a.file().resolveSibling("classes-0000000000000000.jsa");
        Files.write(older, new byte[] {7});
        // a session that failed leaves nothing
        Files.write(a.partial(42), new byte[] {1, 2});
        a.finish(42, 1);
        assertThat(a.partial(42)).doesNotExist();
        assertThat(a.file()).doesNotExist();
        assertThat(older).exists();
        // a session that ended normally: its archive lands whole, the older one and dead sessions' partials go
        Files.write(a.partial(42), new byte[] {1, 2, 3});
        long dead = ProcessHandle.current().pid() + 1_000_000;
        Files.write(a.partial(dead), new byte[] {9});
        long alive = ProcessHandle.current().pid();
        Files.write(a.partial(alive), new byte[] {8});
        a.finish(42, 0);
        assertThat(a.file()).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(older).doesNotExist();
        assertThat(a.partial(dead)).doesNotExist();
        assertThat(a.partial(alive)).exists();
        assertThat(a.checkFile()).hasContent(ClassArchive.check(a.file()));
        // later launches, commands included, use it
        assertThat(a.options(false, 43)).containsExactly("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + a.file());
        assertThat(a.options(true, 43)).containsExactly("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + a.file());
    }

    /**
     * The JVM maps an archive without checking it (a truncated one crashed it with SIGBUS, a damaged one with
     * SIGSEGV): one whose size or CRC differs from those recorded, or that has no record, is deleted and not used.
     */
    @Test
    void aDamagedOrTruncatedArchiveIsNeverHandedToTheJvm() throws IOException {
        Path app = jar("app.jar", null);
        ClassArchive a = ClassArchive.of(Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()),
                runtime().toString(), app.toString());
        Files.createDirectories(a.file().getParent());
        byte[] archive = new byte[300_000];
        new java.util.Random(3).nextBytes(archive);
        for (int damage = 0; damage < 3; damage++) {
            Files.write(a.partial(7), archive);
            a.finish(7, 0);
            assertThat(a.intact()).isTrue();
            if (damage == 0) {
                a.file().toFile().setWritable(true);
                byte[] flipped = archive.clone();
                flipped[123_456] ^= 1;
                Files.write(a.file(), flipped);
            } else if (damage == 1) {
                a.file().toFile().setWritable(true);
                Files.write(a.file(), java.util.Arrays.copyOf(archive, 200_000));
            } else {
                Files.delete(a.checkFile());
            }
            assertThat(a.intact()).as("damage %d", damage).isFalse();
            assertThat(a.options(false, 8)).isEmpty();
            assertThat(a.file()).doesNotExist();
            assertThat(a.checkFile()).doesNotExist();
        }
    }
}
