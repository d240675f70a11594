package dev.eventscope.projection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Register lines as the balances read model keeps them since version 8 (session 23): many lines a blob, written once,
 * instead of one row and one index entry each. A line is its position (a variable-length integer), then its texts, each
 * a variable-length length plus one and its UTF-8 bytes (0 for none): in a blob of consecutive lines
 * ({@code register_runs}) account and commodity first, in a blob of one account and commodity's lines
 * ({@code register_blocks}, which name them in their columns) without them; then amount, running balance, entry id,
 * the posting's index (an integer), date, description and reversed entry. Lines follow each other in position order.
 */
public final class RegisterBlob {

    /** How many lines a blob holds once it is full (the last ones of a register, or of an account, may hold fewer). */
    public static final int LINES = 256;

    private RegisterBlob() {
    }

    /** Appends lines to a blob; starts empty or from a blob written before (an open one that grows). */
    public static final class Writer {
        private final boolean withAccount;
        private byte[] bytes;
        private int size;

        public Writer(boolean withAccount) {
            this.withAccount = withAccount;
            this.bytes = new byte[1 << 12];
        }

        public Writer(boolean withAccount, byte[] written) {
            this.withAccount = withAccount;
            this.bytes = Arrays.copyOf(written, Math.max(written.length * 2, 1 << 12));
            this.size = written.length;
        }

        public void line(long position, String account, String commodity, String amount, String runningBalance,
                         String entryId, long postingIndex, String date, String description, String reverses) {
            number(position);
            if (withAccount) {
                text(account);
                text(commodity);
            }
            text(amount);
            text(runningBalance);
            text(entryId);
            number(postingIndex);
            text(date);
            text(description);
            text(reverses);
        }

        public byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        public boolean isEmpty() {
            return size == 0;
        }

        /** Hands the lines written so far to {@code digest} and starts again empty (to compare lines by their bytes). */
        public void digestInto(java.security.MessageDigest digest) {
            digest.update(bytes, 0, size);
            size = 0;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        private void number(long value) {
            room(10);
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }

        private void text(String text) {
            if (text == null) {
                number(0);
                return;
            }
            int length = text.length();
            boolean ascii = true;
            for (int i = 0; i < length && ascii; i++) {
                ascii = text.charAt(i) < 0x80;
            }
            if (ascii) {
                number(length + 1L);
                room(length);
                for (int i = 0; i < length; i++) {
                    bytes[size++] = (byte) text.charAt(i);
                }
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            number(utf8.length + 1L);
            room(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
    }

    /**
     * Reads a blob's lines one after the other; a field's text is made only when asked for. The account and commodity
     * of a blob without them are the ones it was opened with.
     */
    public static final class Lines {
        private static final int ACCOUNT = 0;
        private static final int COMMODITY = 1;
        private static final int AMOUNT = 2;
        private static final int RUNNING = 3;
        private static final int ENTRY = 4;
        private static final int DATE = 5;
        private static final int DESCRIPTION = 6;
        private static final int REVERSES = 7;

        private final byte[] bytes;
        private final boolean withAccount;
        private final String account;
        private final String commodity;
        private int at;
        private long position;
        private long postingIndex;
        private final int[] starts = new int[8];
        private final int[] lengths = new int[8];

        /** The lines of a blob of consecutive lines (each names its account and commodity). */
        public static Lines ofRun(byte[] bytes) {
            return new Lines(bytes, true, null, null);
        }

        /** The lines of a blob of {@code account}'s lines in {@code commodity}. */
        public static Lines ofBlock(byte[] bytes, String account, String commodity) {
            return new Lines(bytes, false, account, commodity);
        }

        private Lines(byte[] bytes, boolean withAccount, String account, String commodity) {
            if (bytes == null) {
                throw damaged();
            }
            this.bytes = bytes;
            this.withAccount = withAccount;
            this.account = account;
            this.commodity = commodity;
        }

        /**
         * Moves to the next line; false after the last one.
         *
         * @throws ReadModelException when the blob is not of the form above
         */
        public boolean next() {
            if (at >= bytes.length) {
                return false;
            }
            try {
                position = number();
                if (withAccount) {
                    skip(ACCOUNT);
                    skip(COMMODITY);
                }
                skip(AMOUNT);
                skip(RUNNING);
                skip(ENTRY);
                postingIndex = number();
                skip(DATE);
                skip(DESCRIPTION);
                skip(REVERSES);
            } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
                throw damaged();
            }
            if (at > bytes.length || lengths[AMOUNT] < 0 || lengths[RUNNING] < 0 || lengths[DATE] < 0
                    || (withAccount && (lengths[ACCOUNT] < 0 || lengths[COMMODITY] < 0))) {
                throw damaged();
            }
            return true;
        }

        public long position() {
            return position;
        }

        public String account() {
            return withAccount ? text(ACCOUNT) : account;
        }

        public String commodity() {
            return withAccount ? text(COMMODITY) : commodity;
        }

        public String amountText() {
            return text(AMOUNT);
        }

        public BigDecimal amount() {
            return decimal(AMOUNT);
        }

        public String runningBalanceText() {
            return text(RUNNING);
        }

        public BigDecimal runningBalance() {
            return decimal(RUNNING);
        }

        public String entryId() {
            return text(ENTRY);
        }

        public long postingIndex() {
            return postingIndex;
        }

        public String date() {
            return text(DATE);
        }

        public String description() {
            return text(DESCRIPTION);
        }

        public String reverses() {
            return text(REVERSES);
        }

        /** The line as {@link RecordedRegister.Line} (the texts as stored). */
        public RecordedRegister.Line line() {
            return new RecordedRegister.Line(position, account(), commodity(), amountText(), runningBalanceText(), entryId(),
                    postingIndex, date(), description(), reverses());
        }

        private BigDecimal decimal(int field) {
            try {
                return new BigDecimal(text(field));
            } catch (NumberFormatException e) {
                throw damaged();
            }
        }

        private String text(int field) {
            return lengths[field] < 0 ? null : new String(bytes, starts[field], lengths[field], StandardCharsets.UTF_8);
        }

        private void skip(int field) {
            long length = number() - 1;
            if (length < -1 || length > bytes.length - at) {
                throw new IllegalStateException("past the end");
            }
            starts[field] = at;
            lengths[field] = (int) length;
            if (length > 0) {
                at += (int) length;
            }
        }

        private long number() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = bytes[at++];
                value |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a number too long");
        }

        private ReadModelException damaged() {
            return new ReadModelException("The balances read model's register lines are damaged"
                    + (position > 0 ? " after position " + position : "") + ": rebuild the balances projection.");
        }
    }
}
