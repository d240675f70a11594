package dev.eventscope.codec;

/**
 * An event or a state could not be turned into JSON, or JSON could not be turned back into the
 * requested type. The message is one sentence that names the type and what went wrong.
 */
public class CodecException extends RuntimeException {

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
