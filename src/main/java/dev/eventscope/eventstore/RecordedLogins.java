package dev.eventscope.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * What a server ledger kept, beside the hash chain, about the login that wrote each event: the user recorded on
 * an event ({@link EventMetadata#user()}) is chosen by the client and hashed, so a writer can record any name;
 * the server fills {@code login_role} itself ({@code DEFAULT session_user}, a column the writer role may not name).
 * {@code kept} is false for a ledger made before logins were kept and not upgraded; {@code withoutLogin} counts the
 * events written before its upgrade; {@code elsewhere} lists, by login and recorded user, the events whose recorded
 * user is not the login that wrote them (at most {@link #SHOWN} pairs; {@code pairs} counts them all). Not
 * tampering: a service login may post for a person, and events copied in carry the login that copied them.
 */
public record RecordedLogins(boolean kept, long withoutLogin, List<Elsewhere> elsewhere, long pairs) {

    /** The most (login, recorded user) pairs listed. */
    public static final int SHOWN = 10;

    public RecordedLogins {
        elsewhere = List.copyOf(elsewhere);
    }

    /** A ledger that does not keep the login. */
    public static RecordedLogins notKept() {
        return new RecordedLogins(false, 0, List.of(), 0);
    }

    /** {@code events} events from {@code first} to {@code last} written by {@code login} under the user {@code user}. */
    public record Elsewhere(String login, String user, long events, long first, long last) {

        public Elsewhere {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(user, "user");
        }
    }
}
