package dev.eventscope.audit;

import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.RecordedEvent;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks each seal during the walk: its signature, that the chain still holds the sealed head hash
 * at the sealed position, and that the key is trusted here. The hashes of the last
 * {@value #WINDOW} positions are kept, so a seal may name any head within that many events before it
 * (a seal names the head it verified, and others may post between that verification and the seal).
 */
final class SealCheck implements ChainObserver {

    static final int WINDOW = 65_536;

    private final TrustedKeys trustedKeys;
    private final String[] recentHashes = new String[WINDOW];
    private final List<String> broken = new ArrayList<>();
    private final List<String> unconfirmed = new ArrayList<>();
    private String ledgerId;
    private int seen;
    private SealFindings.ConfirmedSeal lastConfirmed;
    private SealFindings.ConfirmedSeal lastValid;
    private Set<String> trustedFingerprints;

    /** {@code trustedKeys} may be null: then no seal is confirmed, but the last valid one is still known. */
    SealCheck(TrustedKeys trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    @Override
    public void verified(RecordedEvent event) {
        if (event.position() == 1) {
            ledgerId = event.eventId();
        }
        if (Seal.EVENT_TYPE.equals(event.type()) && event.streamId() != null && Seal.STREAM.equals(event.streamId().value())) {
            check(event);
        }
        recentHashes[(int) (event.position() % WINDOW)] = event.hash();
    }

    private void check(RecordedEvent event) {
        seen++;
        String where = "the seal at #" + event.position();
        Seal seal;
        try {
            seal = Seal.fromJson(ledgerId, event.data());
        } catch (IllegalArgumentException unreadable) {
            broken.add(where + " cannot be read (" + unreadable.getMessage() + ")");
            return;
        }
        String who = where + " by " + seal.sealedBy() + " (key fingerprint " + seal.fingerprint() + ")";
        if (!signatureHolds(seal)) {
            broken.add(who + " carries a signature that does not match what it states");
            return;
        }
        long sealed = seal.sealedPosition();
        if (sealed < 1 || sealed >= event.position()) {
            broken.add(who + " names position " + sealed + ", which does not lie before it");
            return;
        }
        if (event.position() - sealed >= WINDOW) {
            unconfirmed.add(who + " names position " + sealed + ", too far before it to check");
            return;
        }
        String actual = recentHashes[(int) (sealed % WINDOW)];
        if (!seal.sealedHash().equals(actual)) {
            broken.add(who + " vouches for head " + seal.sealedHash() + " at #" + sealed + ", but the chain now holds " + actual
                    + " there: the history up to #" + sealed + " was rewritten after it was sealed");
            return;
        }
        lastValid = new SealFindings.ConfirmedSeal(event.position(), seal);
        if (trustedKeys == null) {
            return;
        }
        if (trustedFingerprints == null) {
            // read the key folder once per walk, not once per seal
            trustedFingerprints = trustedKeys.list().stream().map(TrustedKeys.TrustedKey::fingerprint).collect(Collectors.toSet());
        }
        if (!trustedFingerprints.contains(seal.fingerprint())) {
            unconfirmed.add(who + " is signed, but by a key this machine does not trust (fingerprint " + seal.fingerprint() + ")");
            return;
        }
        lastConfirmed = new SealFindings.ConfirmedSeal(event.position(), seal);
    }

    private static boolean signatureHolds(Seal seal) {
        if (seal.publicKey() == null || seal.signature() == null) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(SigningKeys.publicKey(Base64.getDecoder().decode(seal.publicKey())));
            ed25519.update(seal.signedBytes());
            return ed25519.verify(Base64.getDecoder().decode(seal.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The last seal whose signature and sealed head hold, whoever's key made it. */
    Optional<SealFindings.ConfirmedSeal> lastValid() {
        return Optional.ofNullable(lastValid);
    }

    SealFindings findings() {
        return new SealFindings(seen, Optional.ofNullable(lastConfirmed), broken, unconfirmed);
    }
}
