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

    Utf8Lines(InputStream in, String file) {
        this.in = in;
        this.file = file;
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
                line = Arrays.copyOf(line, length * 2);
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
