package org.expanderexplorer.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 digests of files, recorded in run metadata so that a result names exactly the model it came from.
 * Streams the file (O(size) time, constant memory).
 */
public final class FileDigests {

    private FileDigests() {
    }

    /** The lowercase hexadecimal SHA-256 of the file's bytes. */
    public static String sha256(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        // SHA-256 rather than a faster checksum: the digest identifies a model in published results, so it must resist
        // a deliberately different file with the same value.
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // 64 KiB: large enough that the per-read cost vanishes, small enough to stay constant for multi-GB files
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        // lowercase hex, as sha256sum prints it, so users can compare the recorded value with their own tool
        return HexFormat.of().formatHex(md.digest());
    }
}
