package org.expanderexplorer.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A problem the user caused and can fix: a malformed or foreign file, an impossible parameter. The message is
 * one line naming the file (and line, where there is one) and what is wrong; front ends show it without a stack
 * trace.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "FILE: problem". */
    public static BadInputException inFile(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }

    /** "FILE, line N: problem". */
    public static BadInputException atLine(Path file, long line, String problem) {
        return new BadInputException(file + ", line " + line + ": " + problem);
    }

    /** "FILE: cannot read: reason", the reason in words (no such file or folder, permission denied, ...). */
    public static BadInputException cannotRead(Path file, IOException e) {
        return inFile(file, "cannot read: " + reason(e));
    }

    /** "FILE: cannot write: reason", as {@link #cannotRead}. */
    public static BadInputException cannotWrite(Path file, IOException e) {
        return inFile(file, "cannot write: " + reason(e));
    }

    /**
     * The file system's reason in words. Java's own messages for these exceptions are just the path again, which
     * the one-line report already names, so the kind of failure is spelled out instead.
     */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
