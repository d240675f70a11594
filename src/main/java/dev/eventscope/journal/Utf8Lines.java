package dev.eventscope.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 file, decoded one line at a time so that bytes that are not UTF-8 (a Latin-1 journal)
 * are reported with their line and column instead of failing somewhere inside a read-ahead buffer.
 * A line ends at LF, CR LF or CR, as {@link java.io.BufferedReader#readLine()} reads them.
 */
final class Utf8Lines {

    /**
     * The longest line read, in bytes (16 MiB): far beyond any journal's line (session 15 imported a 10 MB account
     * name), and a bound on the memory one line takes. A longer line (a file of one 100 MB line, a 2 GB sparse file of
     * NUL bytes) is refused with its line number rather than filling the heap (session 21, adversary).
     */
    static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineNumber;

    private final int maxLineBytes;

    Utf8Lines(InputStream in, String file) {
        this(in, file, MAX_LINE_BYTES);
    }

    /** With a smaller longest line, for tests. */
    Utf8Lines(InputStream in, String file, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    private static String sizeOf(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** The next line without its terminator, or null at the end of the file. */
    String readLine() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position >= limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            byte next = buffer[position++];
            if (next == '\n') {
                break;
            }
            if (next == '\r') {
                if (position >= limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                    }
                }
                if (position < limit && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            if (length == line.length) {
                if (length >= maxLineBytes) {
                    throw new JournalParseException(file, lineNumber + 1, 0, "this line is longer than "
                            + sizeOf(maxLineBytes) + ", the longest line Eventscope reads (a journal's lines are far"
                            + " shorter: is this a journal?); split it, or import the journal it should be");
                }
                line = Arrays.copyOf(line, Math.min(length * 2, maxLineBytes));
            }
            line[length++] = next;
        }
        lineNumber++;
        return decode(length);
    }

    private String decode(int length) {
        if (ascii(length)) {
            // nearly every line of a journal is ASCII, which is its own UTF-8: one copy, no decoder and no char buffer
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            int badByte = line[bytes.position()] & 0xff;
            String before = new String(line, 0, bytes.position(), StandardCharsets.UTF_8);
            throw new JournalParseException(file, lineNumber, before.length() + 1, String.format(
                    "this line is not UTF-8 text (byte 0x%02X after \"%s\"); save the journal as UTF-8, as hledger"
                            + " and Eventscope read it", badByte, before.strip()));
        }
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }

    private boolean ascii(int length) {
        for (int index = 0; index < length; index++) {
            if (line[index] < 0) {
                return false;
            }
        }
        return true;
    }

    void close() throws IOException {
        in.close();
    }
}
