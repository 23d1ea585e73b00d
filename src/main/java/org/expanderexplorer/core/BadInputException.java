package org.expanderexplorer.core;

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
}
