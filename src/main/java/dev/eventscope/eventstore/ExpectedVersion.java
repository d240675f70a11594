package dev.eventscope.eventstore;

/**
 * What a writer believes about a stream's current version when it appends. A mismatch makes the
 * store throw {@link ConcurrencyConflict} and write nothing.
 */
public sealed interface ExpectedVersion {

    /** Append whatever the stream's version. */
    record Any() implements ExpectedVersion {
        @Override
        public String toString() {
            return "any version";
        }
    }

    /** The stream must not exist yet. */
    record NoStream() implements ExpectedVersion {
        @Override
        public String toString() {
            return "no stream";
        }
    }

    /** The stream must exist, whatever its version. */
    record StreamExists() implements ExpectedVersion {
        @Override
        public String toString() {
            return "an existing stream";
        }
    }

    /** The stream's version must be exactly this (versions start at 1; 0 means no stream). */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("a version cannot be negative: " + version);
            }
        }

        @Override
        public String toString() {
            return "version " + version;
        }
    }

    ExpectedVersion ANY = new Any();
    ExpectedVersion NO_STREAM = new NoStream();
    ExpectedVersion STREAM_EXISTS = new StreamExists();

    static ExpectedVersion exactly(long version) {
        return version == 0 ? NO_STREAM : new Exact(version);
    }

    /** Whether a stream currently at {@code actualVersion} (0 = absent) satisfies this expectation. */
    default boolean isSatisfiedBy(long actualVersion) {
        if (this instanceof Any) {
            return true;
        } else if (this instanceof NoStream) {
            return actualVersion == 0;
        } else if (this instanceof StreamExists) {
            return actualVersion > 0;
        } else if (this instanceof Exact exact) {
            return exact.version() == actualVersion;
        }
        throw new IllegalStateException("unhandled expected version " + this);
    }
}
