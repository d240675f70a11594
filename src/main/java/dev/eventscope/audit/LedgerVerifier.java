package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedLogins;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.projection.RecordedRegister;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a ledger in one walk over one consistent read: the hash chain, the head this machine
 * remembered for it, its seals against the trusted keys, and whether the books balance; then
 * replays every snapshot's stream to check it equals the state it stands for. When the ledger
 * passes, the head it was verified through is remembered for the next time. Never changes the ledger.
 */
public final class LedgerVerifier {

    private final EventCodec codec;
    private final RememberedHeads heads;
    private final TrustedKeys trustedKeys;
    private final Clock clock;

    public LedgerVerifier(EventCodec codec, RememberedHeads heads, TrustedKeys trustedKeys, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.heads = Objects.requireNonNull(heads, "heads");
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trusted keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** With the current user's remembered heads and trusted keys. */
    public static LedgerVerifier forCurrentUser() {
        return new LedgerVerifier(BookkeepingCodec.create(), RememberedHeads.forCurrentUser(), TrustedKeys.forCurrentUser(),
                Clock.systemUTC());
    }

    /**
     * The quick check made when a ledger is opened, without walking the chain: that the event at the
     * position this machine remembered still has the remembered head hash. Empty when it does (or
     * nothing is remembered); otherwise the finding, as {@link LedgerVerification#historyProblem}.
     */
    public Optional<String> checkRememberedHead(EventStore store) {
        Optional<RecordedEvent> first = store.readAt(1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return heads.recall(first.get().eventId()).flatMap(remembered -> {
            Optional<RecordedEvent> atHead = store.readAt(remembered.position());
            return atHead.isPresent() && remembered.headHash().equals(atHead.get().hash()) ? Optional.empty()
                    : Optional.of(HeadCheck.problem(remembered, atHead.isPresent() ? remembered.position()
                            : store.lastPosition()));
        });
    }

    /** The keys this verifier trusts, whose own keys also sign this machine's seals. */
    public SigningKeys signingKeys() {
        return trustedKeys.signingKeys();
    }

    public LedgerVerification verify(EventStore store, Path ledgerFile) {
        return verify(store, ledgerFile, List.of());
    }

    /**
     * As {@link #verify(EventStore, Path)}, also comparing the balances read models' register lines kept for the
     * ledger with its postings (session 19); the registers are read before the walk begins (a read model never runs
     * ahead of the events), and closed here.
     */
    public LedgerVerification verify(EventStore store, Path ledgerFile, List<RecordedRegister> registers) {
        HeadCheck headCheck = new HeadCheck(heads);
        SealCheck sealCheck = new SealCheck(trustedKeys);
        LedgerBalanceCheck balanceCheck = new LedgerBalanceCheck(codec);
        ReadModelRegisterCheck registerCheck = new ReadModelRegisterCheck(codec, registers);
        IntegrityReport chain;
        List<String> readModelProblems;
        try {
            chain = store.verify(event -> {
                headCheck.verified(event);
                sealCheck.verified(event);
                balanceCheck.verified(event);
                registerCheck.verified(event);
            });
            readModelProblems = chain.intact() ? registerCheck.problems(chain.lastPosition()) : List.of();
        } finally {
            registerCheck.close();
        }
        String historyProblem = headCheck.problem();
        if (historyProblem != null && headCheck.remembered().filter(head -> head.position() > chain.lastPosition())
                .flatMap(head -> store.readAt(head.position()).filter(now -> head.headHash().equals(now.hash())))
                .isPresent()) {
            // session 19 (adversary2): a verification made meanwhile by another process remembered a head beyond the
            // snapshot this walk read; the ledger, read now, still holds that head, so nothing was rolled back
            historyProblem = null;
        }
        SealFindings seals = sealCheck.findings();
        SnapshotFindings snapshots = new SnapshotAudit(codec).check(store);
        Optional<RecordedLogins> logins = chain.lastPosition() > 0 ? store.recordedLogins(chain.lastPosition()) : Optional.empty();
        boolean passes = chain.intact() && historyProblem == null && !seals.broken();
        boolean remember = passes && headCheck.ledgerId() != null && chain.lastPosition() > 0
                // a verification that raced with another one never moves the remembered head backwards
                && heads.recall(headCheck.ledgerId()).map(latest -> latest.position() <= chain.lastPosition()).orElse(true);
        String rememberProblem = null;
        if (remember) {
            try {
                heads.remember(new RememberedHead(headCheck.ledgerId(), ledgerFile, chain.lastPosition(), chain.headHash(),
                        clock.instant()));
            } catch (UncheckedIOException unwritable) {
                // the verification stands; only the memory for next time is missing, and the output says so
                remember = false;
                rememberProblem = unwritable.getMessage();
            }
        }
        return new LedgerVerification(chain, headCheck.ledgerId(), headCheck.remembered(), historyProblem, remember,
                rememberProblem, seals, snapshots, balanceCheck.result(), readModelProblems, logins);
    }
}
