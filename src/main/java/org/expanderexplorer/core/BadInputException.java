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

    /** "FILE: problem", with control characters in the file name escaped so the message stays one line. */
    public static BadInputException inFile(Path file, String problem) {
        return new BadInputException(printable(String.valueOf(file)) + ": " + problem);
    }

    /** "FILE, line N: problem" (the file name escaped as in {@link #inFile}). */
    public static BadInputException atLine(Path file, long line, String problem) {
        return new BadInputException(printable(String.valueOf(file)) + ", line " + line + ": " + problem);
    }

    /**
     * {@code text} as it may appear in a one-line message: ISO control characters (a newline or an escape sequence
     * in a file name) and line separators are shown as {@code \n}, {@code \r}, {@code \t} or hexadecimal
     * {@code \\uXXXX} escapes, so a message stays one line and a file name cannot move the cursor or recolour a
     * terminal.
     */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b == null) {
                continue;
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b == null ? text : b.toString();
    }

    /** {@link #printable(String)}, cut to {@code max} characters with "..." when longer. */
    public static String printable(String text, int max) {
        String s = printable(text);
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
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
