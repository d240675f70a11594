package dev.eventscope.audit;

import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Seals a ledger: verifies it, then appends a {@link Seal} of the head it verified, signed with the
 * sealing user's key. A ledger that does not pass verification is never sealed.
 */
public final class LedgerSealer {

    private final LedgerVerifier verifier;
    private final SigningKeys keys;
    private final Clock clock;

    public LedgerSealer(LedgerVerifier verifier, SigningKeys keys, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What sealing did: the verification it rests on, and the seal with the position it was stored at (0 when refused). */
    public record Outcome(LedgerVerification verification, Seal seal, long position) {
        public boolean sealed() {
            return position > 0;
        }
    }

    public Outcome seal(EventStore store, Path ledgerFile, String user) {
        LedgerVerification verification = verifier.verify(store, ledgerFile);
        if (verification.tampered() || verification.ledgerId() == null) {
            return new Outcome(verification, null, 0);
        }
        KeyPair pair = keys.forUser(user);
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long position = verification.chain().lastPosition();
        String hash = verification.chain().headHash();
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(pair.getPrivate());
            ed25519.update(Seal.signedBytes(verification.ledgerId(), position, hash, sealedAt, user));
            Seal seal = new Seal(verification.ledgerId(), position, hash, sealedAt, user,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(ed25519.sign()));
            long stored = store.append(StreamId.of(Seal.STREAM), ExpectedVersion.ANY, List.of(new NewEvent(
                    "seal-" + UUID.randomUUID(), Seal.EVENT_TYPE, 1, seal.toJson(),
                    new EventMetadata(user, null, null, "Seal")))).lastPosition();
            return new Outcome(verification, seal, stored);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("Could not sign the seal with the key of " + user + ": " + failed.getMessage(), failed);
        } catch (ConcurrencyConflict impossible) {
            throw new IllegalStateException("a seal is appended with any expected version", impossible);
        }
    }
}
