package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.EventCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given the Acme ledger, each scope keeps exactly its events and states its balances. */
class ReportScopeTest {

    @TempDir
    static Path folder;
    static Path ledger;

    @BeforeAll
    static void ledger() {
        ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
    }

    private static JsonNode report(ReportScope scope) throws Exception {
        Path out = folder.resolve("scope-" + System.nanoTime() + ".json");
        ReportFiles.write(ledger, scope, ReportFormat.JSON, out);
        return EventCodec.newObjectMapper().readTree(out.toFile());
    }

    private static List<Long> positions(JsonNode report) {
        List<Long> positions = new ArrayList<>();
        report.path("events").forEach(event -> positions.add(event.path("position").asLong()));
        return positions;
    }

    private static JsonNode balance(JsonNode report, String account) {
        for (JsonNode balance : report.path("summary").path("balances")) {
            if (balance.path("account").asText().equals(account)) {
                return balance;
            }
        }
        throw new AssertionError("no balance for " + account);
    }

    @Test
    void one_entry_comes_with_its_postings_and_its_reversal() throws Exception {
        JsonNode report = report(ReportScope.wholeLedger().withEntry("E5"));
        // E5 posted (3 events) and R5 (posted, 2 postings, E5 reversed)
        assertEquals(List.of(22L, 23L, 24L, 25L, 26L, 27L, 28L), positions(report));
        assertEquals(1, report.path("summary").path("reversals").asLong());
        assertTrue(report.path("header").path("scope").asText().contains("journal entry E5"));
    }

    @Test
    void one_users_actions() throws Exception {
        JsonNode report = report(ReportScope.wholeLedger().withUser("bob"));
        report.path("events").forEach(event -> assertEquals("bob", event.path("user").asText()));
        assertEquals(9, report.path("events").size());
        assertEquals(List.of("bob"), EventCodec.newObjectMapper().convertValue(report.path("summary").path("users"), List.class));
    }

    @Test
    void one_account_in_a_period_by_entry_date_with_opening_and_closing_balances() throws Exception {
        JsonNode report = report(ReportScope.wholeLedger().withAccount("assets")
                .withPeriod(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 31), TimeBasis.ENTRY_DATE));
        JsonNode bank = balance(report, AuditFixtures.BANK);
        assertEquals(0, new BigDecimal("1000.00").compareTo(bank.path("opening").decimalValue()));
        assertEquals(0, new BigDecimal("550.00").compareTo(bank.path("closing").decimalValue()));
        assertEquals(0, new BigDecimal("-450.00").compareTo(bank.path("change").decimalValue()));
        report.path("events").forEach(event -> {
            LocalDate date = LocalDate.parse(event.path("entryDate").asText());
            assertTrue(!date.isBefore(LocalDate.of(2024, 1, 10)) && !date.isAfter(LocalDate.of(2024, 1, 31)), event.toString());
        });
        // the late invoice of 20 January is in the period and in the report
        assertTrue(report.path("events").toString().contains("Invoice 8"));
    }

    @Test
    void a_period_by_recorded_time_that_holds_nothing() throws Exception {
        JsonNode report = report(ReportScope.wholeLedger()
                .withPeriod(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31), TimeBasis.RECORDED_TIME));
        assertEquals(0, report.path("events").size());
        assertEquals(0, report.path("summary").path("events").asLong());
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        var problem = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                ReportScope.wholeLedger().withPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), TimeBasis.ENTRY_DATE));
        assertTrue(problem.getMessage().contains("ends (2024-01-01) before it starts (2024-02-01)"));
    }
}
