package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.projection.CancellationToken;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ProjectionStatus;
import dev.eventscope.projection.RebuildOutcome;
import picocli.CommandLine;
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
        description = "Shows each read model's status, checkpoint and lag, after catching them up.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Every projection is up to date.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger.",
                "5:A projection stopped on an event; the report names it."})
public final class ProjectionsCommand implements Callable<Integer> {

    static final int PROJECTION_FAILED = 5;

    private final LedgerStoreFactory stores;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    public ProjectionsCommand(LedgerStoreFactory stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** The command with its {@code rebuild} subcommand, ready for {@code addSubcommand}. */
    public static CommandLine withRebuild(LedgerStoreFactory stores) {
        return new CommandLine(new ProjectionsCommand(stores)).addSubcommand(new RebuildCommand(stores));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TimeTravelSession session = TimeTravelSession.open(stores, ledger, true)
                .openProjections(progressBar(spec.commandLine().getErr()))) {
            return printStatus(out, session);
        }
    }

    static int printStatus(PrintWriter out, TimeTravelSession session) {
        List<ProjectionStatus> statuses = session.projections().status();
        TextTable table = new TextTable("PROJECTION", "VERSION", "STATUS", "CHECKPOINT", "LAG").alignRight(1)
                .alignRight(3).alignRight(4);
        for (ProjectionStatus status : statuses) {
            table.addRow(status.name(), Integer.toString(status.version()), status.health(),
                    Long.toString(status.checkpoint()), Long.toString(status.lag()));
        }
        table.print(out);
        out.println("Read models kept in " + session.readModels().location());
        boolean failed = false;
        for (ProjectionStatus status : statuses) {
            if (status.failure() != null) {
                out.println(status.failure().describe());
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

    /** {@code eventscope projections rebuild --ledger FILE [--name N]}. */
    @Command(name = "rebuild",
            mixinStandardHelpOptions = true,
            versionProvider = ManifestVersionProvider.class,
            description = "Rebuilds read models from position 0 beside the old ones and swaps them in when done.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                    "0:Every rebuild completed.",
                    "1:Eventscope failed unexpectedly.",
                    "2:Wrong command line or projection name, or the file is missing or not a ledger.",
                    "5:A rebuild stopped on an event; the old read model was kept and the report names the event."})
    static final class RebuildCommand implements Callable<Integer> {

        private final LedgerStoreFactory stores;

        @Spec
        private CommandSpec spec;

        @Mixin
        private LedgerOption ledger;

        @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Only this projection (default: all).")
        private String name;

        RebuildCommand(LedgerStoreFactory stores) {
            this.stores = stores;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (TimeTravelSession session = TimeTravelSession.open(stores, ledger, true)
                    .openProjections(ProgressListener.NONE)) {
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
                    if (outcome.failure() != null) {
                        out.println(outcome.failure().describe());
                        exit = PROJECTION_FAILED;
                    }
                }
                out.flush();
                return exit == ExitCodes.OK ? printStatus(out, session) : exit;
            }
        }
    }
}
