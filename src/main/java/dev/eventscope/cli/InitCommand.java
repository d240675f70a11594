package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope init --ledger LEDGER}: creates a new, empty ledger, in a PostgreSQL schema
 * (created when missing) or in a new SQLite file; refuses a ledger that exists, changing nothing.
 */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Creates a new, empty ledger.",
                "For postgresql://[user@]host[:port]/db?schema=name the schema is created when missing and must hold no"
                        + " tables; the password comes from PGPASSWORD or ~/.pgpass and is never stored.",
                "For a file path, a new SQLite ledger file is created; an existing file is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger was created.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, the ledger exists already, or the server or file cannot be used."})
public final class InitCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--grant-roles",
            description = "For a PostgreSQL ledger, also create its group roles <schema>_writer (append) and"
                    + " <schema>_auditor (read only) with the least rights each needs; add people with GRANT role TO login."
                    + " On a ledger that exists, the owner's step: also brings it to this Eventscope's schema version.")
    private boolean grantRoles;

    public InitCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        if (grantRoles && !LedgerStoreFactory.isServerLedger(ledger.file())) {
            throw new CommandProblem("Only a PostgreSQL ledger has writer and auditor roles; who may change the ledger file "
                    + PrintableText.of(ledger.file()) + " is decided by its file permissions. Nothing was created.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        // a path folds the URL's "//" into "/"; the person reads back what they typed
        String name = ledger.file().toString().replaceFirst("^postgresql:/(?!/)", "postgresql://");
        try (LedgerSession session = sessions.create(ledger.file())) {
            spec.commandLine().getOut().println("Created the ledger " + name + ".");
        } catch (EventStoreException exists) {
            if (!grantRoles || exists.problem() != EventStoreException.Problem.ALREADY_A_LEDGER) {
                throw exists;
            }
            // session 20: the owner grants the roles of a ledger made earlier, which also makes the server keep the login
            // that writes each event from now on
            spec.commandLine().getOut().println("The ledger " + name + " exists already; its events are left as they are.");
        }
        if (grantRoles) {
            List<String> roles = sessions.grantRoles(ledger.file());
            spec.commandLine().getOut().println("Created the roles " + roles.get(0) + " (may append) and " + roles.get(1)
                    + " (may only read); give them to people with GRANT " + roles.get(0) + " TO <login>.");
            spec.commandLine().getOut().println("The server keeps the PostgreSQL login that writes each new event;"
                    + " verify names the events recorded under another user.");
            if (roles.size() > 2) {
                spec.commandLine().getOut().println(roles.get(2));
            }
        }
        return ExitCodes.OK;
    }
}
