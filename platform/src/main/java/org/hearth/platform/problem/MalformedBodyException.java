package org.hearth.platform.problem;

/**
 * The body's bytes are not acceptable JSON before parsing even starts (e.g. a leading byte-order mark). Thrown while
 * the body is read, so it reaches the handler inside the converter's failure, like {@link PayloadTooLargeException}.
 */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
