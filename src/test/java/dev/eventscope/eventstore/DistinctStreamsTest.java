package dev.eventscope.eventstore;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link IdempotentRetry#requireDistinctStreams} compares pairs for a short append and hashes a long one: both find a
 * stream given twice wherever the two parts stand, and neither refuses distinct streams.
 */
class DistinctStreamsTest {

    private static List<StreamAppend> appends(int count, int repeatAt) {
        List<StreamAppend> appends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String stream = i == repeatAt ? "account-0" : "account-" + i;
            appends.add(new StreamAppend(StreamId.of(stream), ExpectedVersion.ANY, List.of()));
        }
        return appends;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 9, 40})
    void a_stream_given_twice_is_refused_wherever_it_stands(int count) {
        EventStoreException refused = assertThrows(EventStoreException.class,
                () -> IdempotentRetry.requireDistinctStreams(appends(count, count - 1)));
        assertMentions(refused.getMessage(), "'account-0' appears twice", "Nothing was written");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 8, 9, 40})
    void distinct_streams_pass(int count) {
        assertDoesNotThrow(() -> IdempotentRetry.requireDistinctStreams(appends(count, -1)));
    }
}
