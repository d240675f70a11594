package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope history --ledger FILE --stream ID}: prints one stream's events with their metadata. */
@Command(name = "history",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Prints the events of one stream, oldest first, exactly as stored.",
                "Each event shows its position, version, type, schema version, recorded time (UTC), user, command,"
                        + " correlation and causation ids, event id, hash and data."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The events were printed (possibly none).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, the stream does not exist, or the file is missing or not a ledger."})
public final class HistoryCommand implements Callable<Integer> {

    /** Events are read in pages of this size so that a long history never sits in memory. */
    static final int PAGE_SIZE = 500;

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = {"-s", "--stream"}, required = true, paramLabel = "ID",
            description = "The stream, such as 'ledger' or 'account-assets:bank'.")
    private String stream;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    private HistoryFormat format;

    @Option(names = "--from-version", paramLabel = "V", defaultValue = "1",
            description = "Start at this version of the stream (default: ${DEFAULT-VALUE}).")
    private long fromVersion;

    @Option(names = "--limit", paramLabel = "N",
            description = "Print at most this many events (default: all).")
    private Long limit;

    public HistoryCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        validate();
        StreamId streamId = StreamId.of(stream);
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            if (session.streamVersion(streamId) == 0) {
                throw new CommandProblem("The ledger " + PrintableText.of(ledger.file()) + " has no stream '" + PrintableText.of(stream) + "'.",
                        ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            HistoryWriter writer = writerFor(out);
            writer.begin();
            long written = 0;
            long nextVersion = fromVersion;
            long wanted = limit == null ? Long.MAX_VALUE : limit;
            while (written < wanted) {
                int pageSize = (int) Math.min(PAGE_SIZE, wanted - written);
                List<RecordedEvent> page = session.readStream(streamId, nextVersion, Direction.FORWARD, pageSize);
                for (RecordedEvent event : page) {
                    writer.write(event);
                    nextVersion = event.version() + 1;
                }
                written += page.size();
                if (page.size() < pageSize) {
                    break;
                }
            }
            writer.end(written);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void validate() {
        if (fromVersion < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--from-version must be 1 or more (stream versions start at 1), was " + fromVersion + ".");
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, was " + limit + ".");
        }
        if (stream.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--stream cannot be blank.");
        }
    }

    private HistoryWriter writerFor(PrintWriter out) {
        return switch (format) {
            case TEXT -> new TextHistoryWriter(out);
            case JSON -> new JsonHistoryWriter(out);
            case CSV -> new CsvHistoryWriter(out);
        };
    }
}
