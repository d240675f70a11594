package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries already in a ledger, each reduced to a 64-bit fingerprint of its date, description and
 * postings (account, amount, commodity, in order), kept as a sorted array (8 bytes an entry) and
 * counted: an import that brings the same entry twice matches two entries of the ledger, not one.
 */
public final class EntryFingerprints {

    private final long[] sorted;
    private final Map<Long, Integer> used = new HashMap<>();

    private EntryFingerprints(long[] sorted) {
        this.sorted = sorted;
    }

    /** Reads every posted entry of the ledger once, in constant memory per entry. */
    public static EntryFingerprints of(EventStore store, EventCodec codec) {
        long[] values = new long[1024];
        int size = 0;
        try (EventCursor cursor = store.readAll(0, Set.of("entry"))) {
            while (cursor.hasNext()) {
                if (codec.decodeValue(cursor.next()).value().orElse(null) instanceof EntryPosted posted) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, size * 2);
                    }
                    values[size++] = of(posted.date(), posted.description(), posted.postings());
                }
            }
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new EntryFingerprints(sorted);
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** Whether the ledger holds one more entry with this fingerprint than were claimed before; claims it if so. */
    public boolean claim(long fingerprint) {
        int index = Arrays.binarySearch(sorted, fingerprint);
        if (index < 0) {
            return false;
        }
        int first = index;
        while (first > 0 && sorted[first - 1] == fingerprint) {
            first--;
        }
        int last = index;
        while (last + 1 < sorted.length && sorted[last + 1] == fingerprint) {
            last++;
        }
        int claimed = used.getOrDefault(fingerprint, 0);
        if (claimed > last - first) {
            return false;
        }
        used.put(fingerprint, claimed + 1);
        return true;
    }

    /** The fingerprint of an entry: date, description and postings; amounts compared by value (1.50 = 1.5). */
    public static long of(LocalDate date, String description, List<Posting> postings) {
        StringBuilder text = new StringBuilder().append(date).append('\u0000').append(description);
        for (Posting posting : postings) {
            text.append('\u0000').append(posting.account().value())
                    .append('\u0001').append(posting.amount().amount().stripTrailingZeros().toPlainString())
                    .append('\u0001').append(posting.amount().commodity());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
