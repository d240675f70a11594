package dev.eventscope.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Lines of a journal with one line of look-ahead, counting lines and (UTF-8) bytes read. Only the current
 * and the next line are held, so memory does not grow with the file.
 */
final class LineSource implements AutoCloseable {

    private final BufferedReader reader;
    private String lookahead;
    private boolean lookaheadLoaded;
    private int lineNumber;
    private long bytesRead;

    LineSource(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    }

    /** The next line without consuming it, or null at the end. */
    String peek() {
        if (!lookaheadLoaded) {
            try {
                lookahead = reader.readLine();
            } catch (IOException failure) {
                throw new UncheckedIOException("could not read the journal after line " + lineNumber, failure);
            }
            lookaheadLoaded = true;
        }
        return lookahead;
    }

    /** Consumes and returns the next line, or null at the end. */
    String next() {
        String line = peek();
        lookaheadLoaded = false;
        if (line != null) {
            lineNumber++;
            bytesRead += utf8Length(line) + 1;
        }
        return line;
    }

    /** The number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }

    private static long utf8Length(String line) {
        long length = 0;
        for (int index = 0; index < line.length(); index++) {
            char character = line.charAt(index);
            if (character < 0x80) {
                length += 1;
            } else if (character < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(character)) {
                length += 4;
                index++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not close the journal", failure);
        }
    }
}
