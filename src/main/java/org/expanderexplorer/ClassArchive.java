package org.expanderexplorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class-data-sharing archive of this installation (decision 0031): the classes a window session loaded, parsed
 * and verified once and then mapped into every later JVM, which starts the window and reads the first model about
 * a second sooner on a two-core machine (docs/performance.md). The first window session of an installation writes
 * the archive when it ends ({@code -XX:ArchiveClassesAtExit}, to a temporary file that is moved into place only
 * after the session ended normally); later launches, the command line included, use it
 * ({@code -XX:SharedArchiveFile}).
 *
 * <p>The archive is a cache: {@code $XDG_CACHE_HOME/expander-explorer} (or {@code $HOME/.cache/expander-explorer}),
 * about 60 MB, named by a digest of the Java runtime and of every jar on the class path (path, size, time), so an
 * update of either makes a new one and the old ones are deleted when it is written. Used only when every class path
 * entry is a jar (the JVM refuses to archive classes from directories, as in a build's test run) and the runtime has
 * its own base archive; the system property {@code expander.cds=false} turns it off. The JVM's own messages about
 * the archive are silenced ({@code -Xlog:cds*=off}): a stale or unusable archive is simply not used.
 */
final class ClassArchive {

    /** {@code -Dexpander.cds=false} turns the archive off. */
    static final String PROPERTY = "expander.cds";
    private static final String PREFIX = "classes-";
    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL = ".partial-";
    private static final String CHECK = ".check";
    /** Free space needed to write the archive (about 60 MB), with room to spare for everything else. */
    static final long MIN_FREE = 512L << 20;

    private final Path file;
    private final Path folder;

    private ClassArchive(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /**
     * The archive for this runtime and class path, or null when class-data sharing is off or cannot work here.
     *
     * @param env        the environment (for {@code XDG_CACHE_HOME})
     * @param javaHome   the runtime's home
     * @param classPath  the class path (entries separated by the path separator)
     */
    static ClassArchive of(Map<String, String> env, String javaHome, String classPath) {
        if ("false".equals(System.getProperty(PROPERTY)) || classPath == null || classPath.isBlank()
                || !Files.isRegularFile(Path.of(javaHome, "lib", "server", "classes.jsa"))) {
            return null;
        }
        List<Path> jars = jars(classPath);
        if (jars == null) {
            return null;
        }
        // the XDG base directories: $XDG_CACHE_HOME, else $HOME/.cache (the JVM's user.home is the password
        // database's home, which a changed HOME does not move)
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        Path cache = absolute(xdg) ? Path.of(xdg)
                : Path.of(absolute(home) ? home : System.getProperty("user.home"), ".cache");
        Path folder = cache.resolve("expander-explorer");
        return new ClassArchive(folder, folder.resolve(PREFIX + key(javaHome, jars) + SUFFIX));
    }

    private static boolean absolute(String path) {
        return path != null && !path.isBlank() && Path.of(path).isAbsolute();
    }

    /**
     * Every jar the class path names, with the jars their manifests' {@code Class-Path} adds (those that exist), as
     * absolute paths; null if an entry is not a jar file (a directory of classes, a missing file).
     */
    static List<Path> jars(String classPath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
                return null;
            }
            jars.add(jar);
            try (JarFile j = new JarFile(jar.toFile())) {
                Manifest m = j.getManifest();
                String more = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                if (more != null) {
                    for (String name : more.trim().split("\\s+")) {
                        Path dep = jar.resolveSibling(name).normalize();
                        if (!Files.exists(dep)) {
                            // the JVM skips it too: the installed image has the JavaFX jars the manifest names
                            // as modules of its runtime instead
                            continue;
                        }
                        if (!Files.isRegularFile(dep) || !name.endsWith(".jar")) {
                            return null;
                        }
                        jars.add(dep);
                    }
                }
            } catch (IOException e) {
                return null;
            }
        }
        return jars.isEmpty() ? null : jars;
    }

    /** 16 hex digits of a SHA-256 over the runtime (home, version) and each jar's path, size and time. */
    static String key(String javaHome, List<Path> jars) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            StringBuilder sb = new StringBuilder(javaHome).append('\n')
                    .append(System.getProperty("java.vm.version")).append('\n');
            for (Path jar : jars) {
                BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                sb.append(jar).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis())
                        .append('\n');
            }
            return HexFormat.of().formatHex(d.digest(sb.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The archive's path. */
    Path file() {
        return file;
    }

    /**
     * The JVM options: use the archive if it is there; else, for a window session ({@code writes}), write it at the
     * session's end to {@link #partial}; else none.
     */
    List<String> options(boolean writes, long pid) {
        if (Files.isRegularFile(file) && !intact()) {
            discard();
            if (Files.exists(file)) {
                return List.of(); // could not be deleted: never handed to the JVM
            }
        }
        if (Files.isRegularFile(file) || !writes) {
            return options(writes, pid, 0);
        }
        try {
            Files.createDirectories(folder);
            return options(writes, pid, Files.getFileStore(folder).getUsableSpace());
        } catch (IOException e) {
            return List.of(); // a cache that cannot be written is no cache
        }
    }

    /**
     * As {@link #options(boolean, long)}, with {@code usable} bytes free where the archive goes: with less than
     * {@link #MIN_FREE} it is not written. (A JVM that cannot write the whole archive at exit reports "Unable to
     * write to shared archive file" and exits with status 1 after a session that had ended normally.)
     */
    List<String> options(boolean writes, long pid, long usable) {
        if (Files.isRegularFile(file)) {
            return List.of("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + file);
        }
        if (!writes || usable < MIN_FREE) {
            return List.of();
        }
        return List.of("-Xlog:cds*=off", "-XX:ArchiveClassesAtExit=" + partial(pid));
    }

    /** Where the session with process id {@code pid} writes the archive. */
    Path partial(long pid) {
        return folder.resolve(file.getFileName() + PARTIAL + pid);
    }

    /**
     * After the session {@code pid} ended with {@code exitCode}: its archive moved into place if the session ended
     * normally (atomically, so a concurrent launch sees the whole file or none), else deleted; older archives and
     * the partial files of sessions no longer running are deleted.
     */
    void finish(long pid, int exitCode) {
        Path partial = partial(pid);
        try {
            if (exitCode == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                String check = check(partial);
                Path checkPartial = partial.resolveSibling(partial.getFileName() + CHECK);
                Files.writeString(checkPartial, check, StandardCharsets.US_ASCII);
                Files.move(checkPartial, checkFile(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // a cache: the next window session tries again
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                int at = name.indexOf(PARTIAL);
                String owner = at < 0 ? null : name.substring(at + PARTIAL.length()).replace(CHECK, "");
                boolean stale = at >= 0 ? !running(owner)
                        : !p.equals(file) && !p.equals(checkFile()) && Files.isRegularFile(file);
                if (stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // nothing to tidy
        }
    }

    /** The file that holds the archive's size and CRC-32C, written when the archive was. */
    Path checkFile() {
        return file.resolveSibling(file.getFileName() + CHECK);
    }

    /**
     * Whether the archive is whole: its size and CRC-32C equal those recorded when it was written. The JVM maps the
     * archive without checking it: a truncated one crashes it with SIGBUS, a damaged one with SIGSEGV (both seen),
     * at every launch. Reading and summing the 60 MB takes 0.1-0.15 s of the launching JVM (measured with
     * {@code --version}), less than the archive saves.
     */
    boolean intact() {
        try {
            return Files.isRegularFile(checkFile())
                    && Files.readString(checkFile(), StandardCharsets.US_ASCII).equals(check(file));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the archive and its check (damaged or unchecked: the next window session writes it again). */
    private void discard() {
        try {
            Files.deleteIfExists(checkFile());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left as it is: intact() keeps refusing it
        }
    }

    /** "size crc32c" of a file. */
    static String check(Path p) throws IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(1 << 20);
        long size = 0;
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(p)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
                size += n;
            }
        }
        return size + " " + Long.toHexString(crc.getValue());
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
