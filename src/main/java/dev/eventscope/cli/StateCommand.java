package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.AggregateStateAt;
import dev.eventscope.timetravel.Point;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope state --ledger FILE --stream ID [--version V | --at-position N | --at-time ISO | --as-of DATE]
 * [--known-at POINT] [--replay]}.
 */
@Command(name = "state",
        description = {"Shows one aggregate's state at a version, a global position, a recorded time or as of an entry date"
                + " (with --known-at: as of that date as the ledger stood at a knowledge point), from snapshots and the"
                + " read models, or with --replay by folding the stream from its first event."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The state was shown.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger."})
public final class StateCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { TEXT, JSON }

    static final class PointOptions {
        @Option(names = "--version", paramLabel = "V", description = "After version V of the stream.")
        Long version;
        @Option(names = "--at-position", paramLabel = "N", description = "After global position N.")
        Long position;
        @Option(names = "--at-time", paramLabel = "ISO", description = "As recorded at this instant, e.g. 2025-04-02T09:00:00Z.")
        Instant time;
        @Option(names = "--as-of", paramLabel = "DATE", description = "Only events dated on or before this entry date.")
        LocalDate asOf;

        Point point() {
            if (version != null) {
                return new Point.AtVersion(version);
            }
            if (position != null) {
                return new Point.AtPosition(position);
            }
            if (time != null) {
                return new Point.AtRecordedTime(time);
            }
            return asOf != null ? new Point.AsOfDate(asOf) : new Point.Latest();
        }
    }

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    /** Its own help option: the standard mixin's {@code --version} would clash with the stream version below. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Mixin
    private LedgerOption ledger;

    @Option(names = {"-s", "--stream"}, required = true, paramLabel = "ID", description = "The stream, e.g. account-assets:bank.")
    private String stream;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private PointOptions point = new PointOptions();

    @Mixin
    private KnownAtOption knownAt;

    @Option(names = "--replay", description = "Fold the stream from its first event, with no snapshot or read model:"
            + " the reference answer.")
    private boolean replay;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    private Format format;

    /**
     * Refuses a stream whose first event was recorded after a recorded-clock point (a position, a time, a date as known
     * at one): as of that point the ledger had no such stream, as a ledger cut there would say (before session 18 it was
     * shown at version 0, empty, which told of a stream that was only recorded later).
     */
    private void requireBegunBy(LedgerSession session, StreamId streamId, Point at) {
        if (!(at instanceof Point.AtPosition || at instanceof Point.AtRecordedTime || at instanceof Point.AsKnownAt)) {
            return;
        }
        long known = session.fullReplay().positionKnownAt(at);
        List<RecordedEvent> first = session.readStream(streamId, 1, Direction.FORWARD, 1);
        if (first.isEmpty() || first.get(0).position() > known) {
            throw new CommandProblem("The ledger had no stream '" + stream + "' at " + at + ": nothing was recorded in it by then.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    public StateCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openToAsk(sessions)) {
            StreamId streamId = StreamId.of(stream);
            if (session.streamVersion(streamId) == 0) {
                throw new CommandProblem("The ledger has no stream '" + stream + "'.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            Point at = knownAt.applyTo((point == null ? new PointOptions() : point).point());
            RecordedPoints.requireRecorded(session, at);
            requireBegunBy(session, streamId, at);
            if (replay) {
                String json = BookkeepingCodec.create().toJson(session.fullReplay().stateAt(streamId, at));
                if (format == Format.JSON) {
                    out.println("{\"stream\":\"" + stream.replace("\"", "\\\"") + "\",\"point\":\"" + at
                            + "\",\"replayed\":true,\"state\":" + json + "}");
                } else {
                    out.println("Stream:   " + stream);
                    out.println("Point:    " + at);
                    out.println("Rebuilt:  by replaying the stream from its first event (no snapshot, no read model)");
                    out.println("State:");
                    DiffCommand.printJsonFields(out, json);
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (at instanceof Point.AsOfDate || at instanceof Point.AsKnownAt) {
                // an account as of a date is read from the register: the read models must be there and current
                session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
            }
            AggregateStateAt state = session.timeTravel().stateOf(streamId, at);
            String json = BookkeepingCodec.create().toJson(state.state());
            if (format == Format.JSON) {
                out.println("{\"stream\":\"" + stream.replace("\"", "\\\"") + "\",\"version\":" + state.version()
                        + ",\"position\":" + state.position() + ",\"state\":" + json + "}");
            } else {
                out.println("Stream:   " + stream + " (" + state.kind() + ")");
                out.println("Point:    " + state.point());
                out.println("Version:  " + state.version() + " (global position " + state.position() + ")");
                out.println("Rebuilt:  " + (state.fromSnapshotVersion() > 0 ? "snapshot at version "
                        + state.fromSnapshotVersion() + " + " : "") + state.eventsReplayed() + " events");
                out.println("State:");
                DiffCommand.printJsonFields(out, json);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
