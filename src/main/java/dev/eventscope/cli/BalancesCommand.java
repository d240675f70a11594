package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What {@code balance} and {@code trial-balance} share: the ledger, the point, how it is answered, the format. */
abstract class BalancesCommand implements Callable<Integer> {

    enum Format { TEXT, CSV, JSON }

    private final LedgerSessions sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOption ledger;

    @Mixin
    BalanceQuestion question;

    @Mixin
    ValuationOptions valuation;

    @Option(names = "--format", paramLabel = "text|csv|json", description = "Output format (default: text).")
    Format format = Format.TEXT;

    BalancesCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public final Integer call() throws Exception {
        Balances balances = question.answer(ledger, sessions, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        Optional<ValuationOptions.Answer> valued = valuation.value(balances, ledger, sessions, question.asOf, question.point());
        if (valued.isPresent()) {
            new ValuedBalancesWriter(valuedAsTrialBalance(), valued.get().places()).write(out, format, valued.get().valued(), question);
        } else {
            write(out, balances);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Whether valued lines are shown as debits and credits (the trial balance) rather than as one value. */
    boolean valuedAsTrialBalance() {
        return false;
    }

    /** Writes the answer in {@link #format}. */
    abstract void write(PrintWriter out, Balances balances) throws Exception;

    /** The sentence for a ledger with no balance at the asked point. */
    final String nothingToShow() {
        return "No account has a balance" + (question.asOf != null ? " as of " + question.asOf : "")
                + (question.knownAt.given() ? " as known at " + question.knownAt.knownAt : "") + ".";
    }
}
