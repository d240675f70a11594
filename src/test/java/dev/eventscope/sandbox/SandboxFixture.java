package dev.eventscope.sandbox;

import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** A small real ledger for sandbox tests: a bank, rent, sales and fees accounts and two entries in January 2025. */
public final class SandboxFixture {

    static final CommandContext ALICE = CommandContext.byUser("alice");
    static final AccountName BANK = AccountName.of("assets:bank");
    static final AccountName RENT = AccountName.of("expenses:rent");
    static final AccountName FEES = AccountName.of("expenses:fees");
    static final AccountName SALES = AccountName.of("income:sales");

    private SandboxFixture() {
    }

    /** Creates the ledger file with its accounts and two entries (E1 rent 500, E2 sales 1200). */
    public static void write(Path file) {
        try (LedgerSession session = TestSessions.SQLITE.create(file)) {
            session.commands().execute(new LedgerCommand.CreateLedger("fixture", "EUR"), ALICE);
            for (AccountName account : List.of(BANK, RENT, FEES, SALES)) {
                session.commands().execute(new AccountCommand.OpenAccount(account, LocalDate.of(2025, 1, 1), null), ALICE);
            }
            session.commands().execute(post("E1", "2025-01-05", "Rent", RENT, "500"), ALICE);
            session.commands().execute(post("E2", "2025-01-20", "Sales", SALES, "-1200"), ALICE);
        }
    }

    /** A two-posting entry: {@code amount} EUR into {@code account}, the other side at the bank. */
    static EntryCommand.PostEntry post(String id, String date, String description, AccountName account, String amount) {
        Money money = Money.of(amount, "EUR");
        return EntryCommand.PostEntry.simple(EntryId.of(id), LocalDate.parse(date), description,
                List.of(Posting.of(account, money), Posting.of(BANK, money.negate())));
    }

    /** The position of the first event of {@code stream}. */
    public static long firstPositionOf(LedgerSession session, String stream) {
        try (dev.eventscope.eventstore.EventCursor events = session.readAll(0)) {
            while (events.hasNext()) {
                dev.eventscope.eventstore.RecordedEvent event = events.next();
                if (event.streamId().value().equals(stream)) {
                    return event.position();
                }
            }
        }
        throw new AssertionError("no event of " + stream);
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
