package dev.eventscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryCommandTest {

    private static final String BANK = "account-assets:bank";

    @TempDir
    Path folder;

    private Path file;
    private FakeLedgerStores stores;

    @BeforeEach
    void smallLedger() {
        file = LedgerFixtures.smallLedger(folder.resolve("books.ledger"));
    }

    private CliRun history(String... options) {
        stores = new FakeLedgerStores().with(file);
        String[] args = new String[options.length + 3];
        args[0] = "history";
        args[1] = "--ledger";
        args[2] = file.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.run(stores, args);
    }

    @Nested
    @DisplayName("as text")
    class AsText {

        @Test
        void prints_every_event_of_the_stream_with_its_metadata() {
            CliRun run = history("--stream", BANK);

            assertEquals(ExitCodes.OK, run.exitCode());
            List<String> lines = run.out().lines().toList();
            assertEquals("#2  version 1  AccountOpened (schema 1)", lines.get(0));
            assertEquals("  recorded:    2024-03-31T09:00:01.000001Z by alice", lines.get(1));
            assertEquals("  command:     OpenAccount", lines.get(2));
            assertEquals("  correlation: correlation-2  causation: event-1", lines.get(3));
            assertEquals("  event id:    event-2", lines.get(4));
            assertEquals("  hash:        " + LedgerFixtures.hashAt(file, 2), lines.get(5));
            assertEquals("  data:        {\"account\":\"assets:bank\"}", lines.get(6));
            assertEquals(3, lines.stream().filter(line -> line.startsWith("#")).count());
        }

        @Test
        void starts_at_a_version_and_stops_at_a_limit() {
            CliRun run = history("--stream", BANK, "--from-version", "2", "--limit", "1");

            List<String> headers = run.out().lines().filter(line -> line.startsWith("#")).toList();
            assertEquals(List.of("#4  version 2  PostingRecorded (schema 2)"), headers);
        }

        @Test
        void reads_a_long_stream_page_by_page() throws Exception {
            file = folder.resolve("long.ledger");
            List<NewEvent> events = new java.util.ArrayList<>();
            for (int number = 1; number <= HistoryCommand.PAGE_SIZE + 20; number++) {
                events.add(new NewEvent("event-" + number, "Noted", 1, "{}", EventMetadata.by("alice")));
            }
            try (SqliteEventStore store = SqliteEventStore.open(file)) {
                store.append(StreamId.of("ledger"), ExpectedVersion.NO_STREAM, events);
            }

            CliRun run = history("--stream", "ledger");

            assertEquals(HistoryCommand.PAGE_SIZE + 20, run.out().lines().filter(line -> line.startsWith("#")).count());
            assertEquals(2, stores.opened().get(0).readStreamCalls());
        }

        @Test
        void says_so_when_the_start_version_is_past_the_end() {
            CliRun run = history("--stream", BANK, "--from-version", "9");

            assertEquals(ExitCodes.OK, run.exitCode());
            assertEquals("No events." + System.lineSeparator(), run.out());
        }
    }

    @Nested
    @DisplayName("as JSON")
    class AsJson {

        @Test
        void prints_an_array_of_objects_with_the_data_embedded_as_json() throws Exception {
            CliRun run = history("--stream", BANK, "--format", "json");

            JsonNode array = EventCodec.newObjectMapper().readTree(run.out());
            assertEquals(3, array.size());
            JsonNode posting = array.get(1);
            assertEquals(4, posting.get("position").asLong());
            assertEquals(2, posting.get("version").asLong());
            assertEquals("PostingRecorded", posting.get("type").asText());
            assertEquals(2, posting.get("schemaVersion").asInt());
            assertEquals("2024-03-31T09:00:03.000003Z", posting.get("recordedAt").asText());
            assertEquals("bob", posting.get("user").asText());
            assertEquals("PostEntry", posting.get("command").asText());
            assertEquals("correlation-4", posting.get("correlationId").asText());
            assertEquals("command-9", posting.get("causationId").asText());
            assertEquals("event-4", posting.get("eventId").asText());
            assertEquals(LedgerFixtures.hashAt(file, 4), posting.get("hash").asText());
            assertTrue(posting.get("data").isObject(), "data must be embedded as JSON, not as a string");
            assertEquals("0.10", posting.get("data").get("amount").decimalValue().toPlainString());
            assertTrue(array.get(2).get("command").isNull());
        }

        @Test
        void embeds_data_that_is_not_json_as_a_string_with_the_reason() throws Exception {
            LedgerFixtures.append(file, BANK, new NewEvent("event-6", "Broken", 1, "not json {", EventMetadata.by("eve")));

            CliRun run = history("--stream", BANK, "--format", "JSON", "--from-version", "4");

            JsonNode broken = EventCodec.newObjectMapper().readTree(run.out()).get(0);
            assertEquals("not json {", broken.get("data").asText());
            assertTrue(broken.get("dataError").asText().startsWith("not valid JSON"), broken.toString());
        }
    }

    @Nested
    @DisplayName("as CSV")
    class AsCsv {

        @Test
        void prints_a_header_and_quotes_fields_as_rfc_4180_says() {
            CliRun run = history("--stream", BANK, "--format", "csv", "--from-version", "2", "--limit", "1");

            assertEquals("position,version,type,schema_version,recorded_at,user,command,correlation_id,causation_id,event_id,hash,data\r\n"
                    + "4,2,PostingRecorded,2,2024-03-31T09:00:03.000003Z,bob,PostEntry,correlation-4,command-9,event-4,"
                    + LedgerFixtures.hashAt(file, 4) + ","
                    + "\"{\"\"amount\"\":0.10,\"\"description\"\":\"\"Coffee, \\\"\"beans\\\"\"\\nline two\"\"}\"\r\n",
                    run.out());
        }

        @Test
        void writes_missing_metadata_as_empty_fields() {
            CliRun run = history("--stream", BANK, "--format", "csv", "--from-version", "3");

            String record = run.out().split("\r\n")[1];
            assertTrue(record.startsWith("5,3,PostingRecorded,2,2024-03-31T09:00:04.000004Z,bob,,,,event-5,"
                    + LedgerFixtures.hashAt(file, 5) + ","), record);
        }
    }

    @Nested
    @DisplayName("when the request cannot be met")
    class Refusals {

        @Test
        void an_unknown_stream_exits_2_with_one_sentence() {
            CliRun run = history("--stream", "account-nothing");

            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertEquals(1, run.errLines().size());
            assertTrue(run.err().contains("has no stream 'account-nothing'"), run.err());
        }

        @Test
        void an_unknown_format_is_a_usage_error() {
            CliRun run = history("--stream", BANK, "--format", "xml");

            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertTrue(run.errLines().get(0).startsWith("Invalid value for option '--format'"), run.err());
        }

        @Test
        void a_version_below_1_is_a_usage_error() {
            CliRun run = history("--stream", BANK, "--from-version", "0");

            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertEquals("--from-version must be 1 or more (stream versions start at 1), was 0.", run.errLines().get(0));
        }

        @Test
        void a_limit_below_1_is_a_usage_error() {
            CliRun run = history("--stream", BANK, "--limit", "0");

            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
            assertEquals("--limit must be 1 or more, was 0.", run.errLines().get(0));
        }
    }
}
