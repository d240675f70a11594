package dev.eventscope.bench;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.Proposal;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.timetravel.RandomLedger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sandbox costs beside its reference: opening it (deciding every proposal over the overlay) and computing as
 * adjusted (which includes its check against a full replay of the overlay), each next to a plain full replay of the
 * same ledger in the same run. Run:
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.eventscope.bench.SandboxBenchmark
 */
public final class SandboxBenchmark {

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("sandbox-bench");
        System.out.println("| entries | events | proposals | open + decide (ms) | as adjusted, checked (ms) | full replay, reference (ms) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int entries : new int[]{1_000, 10_000, 50_000}) {
            Path ledger = folder.resolve("ledger-" + entries + ".ledger");
            RandomLedger.writeLedger(ledger, entries, "ev", 8, entries);
            try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledger)) {
                for (int proposals : new int[]{1, 20}) {
                    List<Proposal> list = new ArrayList<>();
                    for (int i = 1; i <= proposals; i++) {
                        Money money = Money.of(i + ".00", "EUR");
                        list.add(new Proposal(i, EntryCommand.PostEntry.simple(EntryId.of("p" + i), LocalDate.of(2025, 6, 30), "adj " + i,
                                List.of(Posting.of(AccountName.of("assets:bank:a0"), money),
                                        Posting.of(AccountName.of("expenses:cost:a1"), money.negate()))),
                                "bench", "auditor", Instant.EPOCH, null, null));
                    }
                    SandboxContents contents = new SandboxContents(Sandbox.ledgerId(session), "auditor", SandboxBase.HEAD, list);
                    long start = System.nanoTime();
                    Sandbox sandbox = Sandbox.open(session, contents);
                    long opened = System.nanoTime();
                    sandbox.adjustments(null);
                    long adjusted = System.nanoTime();
                    session.fullReplay().balances(Long.MAX_VALUE);
                    long replayed = System.nanoTime();
                    System.out.printf("| %d | %d | %d | %d | %d | %d |%n", entries, session.lastPosition(), proposals,
                            (opened - start) / 1_000_000, (adjusted - opened) / 1_000_000, (replayed - adjusted) / 1_000_000);
                }
            }
        }
    }
}
