package dev.eventscope.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lines of one journal file with one line of look-ahead, counting lines and (UTF-8) bytes read. Only the
 * current and the next line are held, so memory does not grow with the file. A byte-order mark at the start
 * of the file is dropped, as hledger drops it.
 */
final class LineSource implements AutoCloseable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Where lines come from: a reader, or a UTF-8 byte stream decoded line by line. */
    private interface Input {
        String readLine() throws IOException;

        void close() throws IOException;
    }

    private final Input input;
    private final String file;
    private String lookahead;
    private boolean lookaheadLoaded;
    private boolean firstLineRead;
    private int lineNumber;
    private long bytesRead;

    private LineSource(Input input, String file) {
        this.input = input;
        this.file = file;
    }

    static LineSource of(Reader reader, String file) {
        BufferedReader buffered = reader instanceof BufferedReader already ? already : new BufferedReader(reader, 1 << 16);
        return new LineSource(new Input() {
            @Override
            public String readLine() throws IOException {
                return buffered.readLine();
            }

            @Override
            public void close() throws IOException {
                buffered.close();
            }
        }, file);
    }

    /** A UTF-8 file: a line that is not UTF-8 is refused with its line number. */
    static LineSource ofUtf8(InputStream in, String file) {
        Utf8Lines lines = new Utf8Lines(in, file);
        return new LineSource(new Input() {
            @Override
            public String readLine() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        }, file);
    }

    /**
     * A UTF-8 byte stream as {@link #ofUtf8}, its bytes hashed as they are read: two readings of one file that read the
     * same bytes give the same {@link #sha256()} (session 21: a journal written to between the reading that checks it
     * and the one that is imported).
     */
    static LineSource ofUtf8Hashed(InputStream in, String file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        LineSource source = ofUtf8(new DigestInputStream(in, digest), file);
        source.digest = digest;
        return source;
    }

    private MessageDigest digest;

    /** The SHA-256 (64 lower-case hex digits) of the bytes read so far; only for {@link #ofUtf8Hashed}. */
    String sha256() {
        if (digest == null) {
            throw new IllegalStateException("the journal " + file + " is not read hashed");
        }
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this Java cannot copy a SHA-256 digest", e);
        }
    }

    /**
     * A UTF-8 file opened at its first read, not before: the files a glob include matches wait their turn without an
     * open file or a buffer each (session 21: {@code include many/*.journal} over 25,000 files).
     */
    static LineSource ofUtf8File(Path path, String file) {
        return new LineSource(new Input() {
            private Utf8Lines lines;

            @Override
            public String readLine() throws IOException {
                if (lines == null) {
                    lines = new Utf8Lines(Files.newInputStream(path), file);
                }
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                if (lines != null) {
                    lines.close();
                }
            }
        }, file);
    }

    /** The name used in messages. */
    String file() {
        return file;
    }

    /** The next line without consuming it, or null at the end. */
    String peek() {
        if (!lookaheadLoaded) {
            try {
                lookahead = input.readLine();
            } catch (IOException failure) {
                throw new UncheckedIOException("could not read the journal " + file + " after line " + lineNumber, failure);
            }
            if (!firstLineRead && lookahead != null && !lookahead.isEmpty() && lookahead.charAt(0) == BYTE_ORDER_MARK) {
                lookahead = lookahead.substring(1);
                bytesRead += 3;
            }
            firstLineRead = true;
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
            input.close();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not close the journal " + file, failure);
        }
    }

    /** The whole text of {@code reader}, which is closed; {@code file} names it in the message of a failure. */
    static String readWhole(Reader reader, String file) {
        try (Reader input = reader) {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            for (int read; (read = input.read(buffer)) >= 0; ) {
                all.append(buffer, 0, read);
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
