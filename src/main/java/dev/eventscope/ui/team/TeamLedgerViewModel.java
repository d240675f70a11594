package dev.eventscope.ui.team;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.ErrorMessages;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * File › Open team ledger…: a ledger on a PostgreSQL server, named by its URL and a user, with a password
 * that is held only while the dialog and then the opened ledger need it — never saved, never shown. "Test
 * connection" connects read-only and says in one sentence whether the ledger can be opened, and if not, why.
 */
public final class TeamLedgerViewModel {

    /** What the dialog's "Open" does with a checked ledger name and the typed password. */
    @FunctionalInterface
    public interface Opener {
        void open(Path ledger, boolean readOnly, char[] password);
    }

    private final LedgerSessions sessions;
    private final TaskExecutor executor;
    private final Opener opener;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultGood = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private char[] password = new char[0];

    public TeamLedgerViewModel(LedgerSessions sessions, TaskExecutor executor, Opener opener) {
        this.sessions = sessions;
        this.executor = executor;
        this.opener = opener;
        url.addListener((observable, before, now) -> clearResult());
        user.addListener((observable, before, now) -> clearResult());
    }

    /** Fills in a ledger from the recent list (its URL holds the user; the password is asked again). */
    public void prefill(Path ledger) {
        url.set(LedgerSessions.displayName(ledger));
        user.set("");
    }

    /** The password as typed; the dialog hands it over on every change and it is never stored elsewhere. */
    public void setPassword(char[] typed) {
        Arrays.fill(password, '\0');
        password = typed == null ? new char[0] : typed.clone();
        clearResult();
    }

    private void clearResult() {
        result.set("");
        resultGood.set(false);
    }

    /** The ledger name from the fields, or a sentence saying what is wrong with them (shown as the result). */
    private Optional<Path> ledger() {
        if (url.get() == null || url.get().isBlank()) {
            failed("Type the ledger's URL, such as postgresql://db.example.com/accounts?schema=books.");
            return Optional.empty();
        }
        try {
            return Optional.of(sessions.serverLedger(url.get(), user.get()));
        } catch (RuntimeException refused) {
            failed(ErrorMessages.of(refused));
            return Optional.empty();
        }
    }

    private void failed(String sentence) {
        resultGood.set(false);
        result.set(sentence);
    }

    /** Connects read-only, counts the ledger's events and disconnects; the result is one sentence. */
    public void testConnection() {
        Optional<Path> ledger = ledger();
        if (ledger.isEmpty()) {
            return;
        }
        char[] typed = password.clone();
        testing.set(true);
        result.set("Connecting…");
        resultGood.set(false);
        executor.run(() -> sessions.testConnection(ledger.get(), typed), events -> {
            Arrays.fill(typed, '\0');
            testing.set(false);
            resultGood.set(true);
            result.set("Connected: " + LedgerSessions.displayName(ledger.get()) + " is an Eventscope ledger with "
                    + String.format("%,d", events) + (events == 1 ? " event." : " events."));
        }, failure -> {
            Arrays.fill(typed, '\0');
            testing.set(false);
            failed(ErrorMessages.of(failure));
        });
    }

    /** Opens the ledger (the window reports a failure); the dialog closes when this returns true. */
    public boolean open() {
        Optional<Path> ledger = ledger();
        if (ledger.isEmpty()) {
            return false;
        }
        opener.open(ledger.get(), readOnly.get(), password.length == 0 ? null : password.clone());
        forgetPassword();
        return true;
    }

    /** Wipes the typed password (the dialog closes). */
    public void forgetPassword() {
        Arrays.fill(password, '\0');
        password = new char[0];
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the last result says the connection works. */
    public ReadOnlyBooleanProperty resultGoodProperty() {
        return resultGood.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
