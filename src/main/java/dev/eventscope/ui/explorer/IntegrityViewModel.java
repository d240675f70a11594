package dev.eventscope.ui.explorer;

import dev.eventscope.audit.LedgerSealer;
import dev.eventscope.audit.LedgerVerification;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the integrity check off the UI thread and words its outcome for the banner: the hash chain
 * alone, or (in the desktop app) this machine's full verification; also Tools › Seal.
 */
public final class IntegrityViewModel {

    /** What the banner shows. */
    public enum BannerState { HIDDEN, INTACT, TAMPERED }

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final Consumer<String> errors;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<IntegrityReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerState> bannerState = new ReadOnlyObjectWrapper<>(BannerState.HIDDEN);

    /** The machine's full verification (remembered head, seals, books); null checks the hash chain alone. */
    private LedgerVerifier verifier;

    public IntegrityViewModel(LedgerSession session, TaskExecutor executor, Consumer<String> errors) {
        this.session = session;
        this.executor = executor;
        this.errors = errors;
    }

    /**
     * Verifies with this machine's memory from now on: the head it remembered for the ledger, the
     * seals against its trusted keys and the books' balance, and remembers the head it verified.
     */
    public void useMachineVerification(LedgerVerifier machineVerifier) {
        this.verifier = machineVerifier;
    }

    /**
     * The quick check when the ledger is opened: the event at the remembered position must still have
     * the remembered head hash; if not, the red banner says so. Does nothing without machine verification.
     */
    public void checkOnOpen() {
        if (verifier == null) {
            return;
        }
        LedgerVerifier quick = verifier;
        executor.run(() -> session.checkRememberedHead(quick), problem -> problem.ifPresent(finding -> {
            bannerText.set("Tampered: " + finding);
            bannerState.set(BannerState.TAMPERED);
        }), failure -> errors.accept(ErrorMessages.of(failure)));
    }

    public void verify() {
        if (running.get()) {
            return;
        }
        running.set(true);
        if (verifier != null) {
            LedgerVerifier machine = verifier;
            executor.run(() -> session.verify(machine), outcome -> {
                report.set(outcome.chain());
                bannerText.set(bannerTextOf(outcome));
                bannerState.set(outcome.tampered() ? BannerState.TAMPERED : BannerState.INTACT);
                running.set(false); // last: whoever waits for the end reads the new banner

            }, failure -> {
                running.set(false);
                errors.accept(ErrorMessages.of(failure));
            });
            return;
        }
        executor.run(session::verifyChain, outcome -> {
            report.set(outcome);
            bannerText.set(bannerTextOf(outcome));
            bannerState.set(outcome.intact() ? BannerState.INTACT : BannerState.TAMPERED);
            running.set(false);
        }, failure -> {
            running.set(false);
            errors.accept(ErrorMessages.of(failure));
        });
    }

    /**
     * Tools › Seal: verifies the ledger with this machine's memory, then appends a seal of the verified
     * head signed with {@code user}'s key; the banner says what was sealed, or why not.
     */
    public void seal(String user) {
        if (verifier == null || running.get()) {
            return;
        }
        if (session.readOnly()) {
            errors.accept("The ledger is open read-only (auditor mode); open it normally to seal it.");
            return;
        }
        running.set(true);
        LedgerVerifier machine = verifier;
        executor.run(() -> session.seal(new LedgerSealer(machine, machine.signingKeys(), Clock.systemUTC()), user), outcome -> {
                    running.set(false);
                    report.set(outcome.verification().chain());
                    if (outcome.sealed()) {
                        bannerText.set(sealedText(outcome, user) + " · head hash "
                                + abbreviate(outcome.seal().sealedHash()) + " · key " + abbreviate(outcome.seal().fingerprint()));
                        bannerState.set(BannerState.INTACT);
                    } else if (outcome.verification().tampered()) {
                        bannerText.set("Not sealed: " + bannerTextOf(outcome.verification()));
                        bannerState.set(BannerState.TAMPERED);
                    } else {
                        errors.accept("The ledger holds no events yet; there is nothing to seal.");
                    }
                }, failure -> {
                    running.set(false);
                    errors.accept(ErrorMessages.of(failure));
                });
    }

    /**
     * What a seal sealed, in words: the seal is an event of its own, stored after the head it seals, so the status
     * bar counts one event more than the position sealed; the banner says so rather than leave "#762" beside "763
     * events" unexplained.
     */
    static String sealedText(LedgerSealer.Outcome outcome, String user) {
        return "Sealed through #" + outcome.seal().sealedPosition() + " by " + user + " (the seal itself is event #"
                + outcome.position() + ")";
    }

    /** Whether Tools › Seal can work here: this machine's verification is in use. */
    public boolean canSeal() {
        return verifier != null;
    }

    public void dismissBanner() {
        bannerState.set(BannerState.HIDDEN);
    }

    static String bannerTextOf(IntegrityReport outcome) {
        if (outcome.intact()) {
            if (outcome.lastPosition() == 0) {
                return "Intact · the ledger holds no events yet";
            }
            return "Intact through #" + outcome.lastPosition() + " · head hash " + abbreviate(outcome.headHash());
        }
        if (outcome.kind() == IntegrityReport.Tampering.METADATA) {
            return "Tampered: the ledger's records beside the chain were edited — " + outcome.detail();
        }
        return "Tampered at #" + outcome.firstBadPosition() + ": " + outcome.kind().name().toLowerCase(Locale.ROOT)
                + " — " + outcome.detail();
    }

    /** The banner of a full verification: a broken chain first, then the first other finding of tampering. */
    static String bannerTextOf(LedgerVerification outcome) {
        if (!outcome.chain().intact() || !outcome.tampered()) {
            return bannerTextOf(outcome.chain());
        }
        return outcome.lines().stream().filter(line -> line.startsWith("TAMPERED: ") || line.startsWith("The books DO NOT"))
                .findFirst().map(line -> line.startsWith("TAMPERED: ") ? "Tampered: " + line.substring("TAMPERED: ".length()) : line)
                .orElse("Tampered");
    }

    private static String abbreviate(String hash) {
        return hash == null || hash.length() <= 12 ? String.valueOf(hash) : hash.substring(0, 12) + "…";
    }

    /** The position the banner's link jumps to: the first bad event; 0 when the chain is intact. */
    public long jumpPosition() {
        IntegrityReport outcome = report.get();
        return outcome == null || outcome.intact() ? 0 : outcome.firstBadPosition();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IntegrityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BannerState> bannerStateProperty() {
        return bannerState.getReadOnlyProperty();
    }
}
