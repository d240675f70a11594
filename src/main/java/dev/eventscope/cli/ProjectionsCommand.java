package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.RebuildOutcome;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope projections --ledger FILE} and {@code eventscope projections rebuild --ledger FILE [--name N]}. */
@Command(name = "projections",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Shows each read model's status, checkpoint and lag after catching them up; 'rebuild' rebuilds them.",
                "The status opens the ledger read-only and writes nothing into it or beside it: the read models it"
                        + " catches up are the ones in your cache (as for any read-only ledger). 'rebuild' rebuilds the"
                        + " read models kept in the ledger file, or with --read-only those in your cache."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Every projection is up to date.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line or projection name, or the file is missing or not a ledger.",
                "5:A projection or rebuild stopped on an event; the report names it."})
public final class ProjectionsCommand implements Callable<Integer> {

    static final int PROJECTION_FAILED = 5;

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Parameters(index = "0", arity = "0..1", paramLabel = "rebuild",
            description = "'rebuild': rebuild read models from position 0 beside the old ones and swap them in when done.")
    private String action;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "With rebuild: only this projection (default: all).")
    private String name;

    @Option(names = "--read-only", description = "With rebuild: never write the ledger file; rebuild the read models in your cache.")
    private boolean readOnly;

    public ProjectionsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        if (action != null) {
            if (!action.equals("rebuild")) {
                throw new CommandProblem("'" + action + "' is not something projections can do; the only action is 'rebuild'.",
                        ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            return rebuild();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openToAsk(sessions)) {
            session.projections().open(progressBar(spec.commandLine().getErr()));
            return printStatus(out, session);
        }
    }

    private int rebuild() {
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openSession(sessions, !readOnly)) {
            session.projections().open(ProgressListener.NONE);
            List<Projection> chosen = session.projections().projections();
            if (name != null) {
                try {
                    chosen = List.of(session.projections().projection(name));
                } catch (IllegalArgumentException unknown) {
                    throw new CommandProblem(unknown.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
            }
            int exit = ExitCodes.OK;
            for (Projection projection : chosen) {
                RebuildOutcome outcome = session.projections().rebuild(projection.name(),
                        progressBar(spec.commandLine().getErr()), new CancellationToken());
                out.println("Rebuild of " + projection.name() + ": " + outcome.result().name().toLowerCase()
                        + " at position " + outcome.position() + ".");
                if (outcome.failure().isPresent()) {
                    out.println(outcome.failure().get().describe());
                    exit = PROJECTION_FAILED;
                }
            }
            out.flush();
            return exit == ExitCodes.OK ? printStatus(out, session) : exit;
        }
    }

    static int printStatus(PrintWriter out, LedgerSession session) {
        List<ProjectionStatus> statuses = session.projections().status();
        TextTable table = new TextTable("PROJECTION", "VERSION", "STATUS", "CHECKPOINT", "LAG").alignRight(1)
                .alignRight(3).alignRight(4);
        for (ProjectionStatus status : statuses) {
            table.addRow(status.name(), Integer.toString(status.version()), status.health(),
                    Long.toString(status.checkpoint()), Long.toString(status.lag()));
        }
        table.print(out);
        out.println("Read models kept in " + session.readModelsLocation());
        boolean failed = false;
        for (ProjectionStatus status : statuses) {
            if (status.failure().isPresent()) {
                out.println(status.failure().get().describe());
                failed = true;
            }
        }
        out.flush();
        return failed ? PROJECTION_FAILED : ExitCodes.OK;
    }

    /** A one-line progress bar on the terminal's error stream. */
    static ProgressListener progressBar(PrintWriter err) {
        return progress -> {
            int width = 30;
            int filled = (int) Math.round(progress.fraction() * width);
            err.printf("\r%-14s [%s%s] %3d%%  %,d/%,d events  %,.0f events/s  %ds left ", progress.projection(),
                    "#".repeat(filled), ".".repeat(width - filled), Math.round(progress.fraction() * 100),
                    progress.position(), progress.lastPosition(), progress.eventsPerSecond(),
                    progress.estimatedRemaining().toSeconds());
            if (progress.position() >= progress.lastPosition()) {
                err.println();
            }
            err.flush();
        };
    }

}
