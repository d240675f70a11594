package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope streams --ledger FILE}: lists the ledger's streams as a table. */
@Command(name = "streams",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Lists the streams of a ledger with their category, version and last position.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The streams were listed (possibly none).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger."})
public final class StreamsCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY",
            description = "Only streams of this category, such as 'account' (the part of the name before the first '-').")
    private String category;

    @Option(names = {"-n", "--name"}, paramLabel = "PATTERN",
            description = "Only streams whose name matches this pattern; '*' matches any text, '?' one character.")
    private String namePattern;

    public StreamsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        List<StreamInfo> streams;
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            streams = session.streams(new StreamFilter(category, namePattern));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (streams.isEmpty()) {
            out.println("No streams match.");
            out.flush();
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("STREAM", "CATEGORY", "VERSION", "LAST POSITION").alignRight(2).alignRight(3);
        for (StreamInfo stream : streams) {
            table.addRow(stream.streamId().value(), stream.category(),
                    Long.toString(stream.version()), Long.toString(stream.lastPosition()));
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
