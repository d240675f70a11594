package dev.eventscope.projection.search;

/** The search index could not be read or written; the message says which file and why. */
public class SearchIndexException extends RuntimeException {

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchIndexException(String message) {
        super(message);
    }
}
