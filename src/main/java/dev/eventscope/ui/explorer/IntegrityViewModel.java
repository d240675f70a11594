package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;
import java.util.function.Consumer;

/** Runs the hash-chain check off the UI thread and words its outcome for the banner. */
public final class IntegrityViewModel {

    /** What the banner shows. */
    public enum BannerState { HIDDEN, INTACT, TAMPERED }

    private final EventStore store;
    private final TaskExecutor executor;
    private final Consumer<String> errors;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<IntegrityReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerState> bannerState = new ReadOnlyObjectWrapper<>(BannerState.HIDDEN);

    public IntegrityViewModel(EventStore store, TaskExecutor executor, Consumer<String> errors) {
        this.store = store;
        this.executor = executor;
        this.errors = errors;
    }

    public void verify() {
        if (running.get()) {
            return;
        }
        running.set(true);
        executor.run(store::verify, outcome -> {
            running.set(false);
            report.set(outcome);
            bannerText.set(bannerTextOf(outcome));
            bannerState.set(outcome.intact() ? BannerState.INTACT : BannerState.TAMPERED);
        }, failure -> {
            running.set(false);
            errors.accept(ErrorMessages.of(failure));
        });
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
        return "Tampered at #" + outcome.firstBadPosition() + ": " + outcome.kind().name().toLowerCase(Locale.ROOT)
                + " — " + outcome.detail();
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
