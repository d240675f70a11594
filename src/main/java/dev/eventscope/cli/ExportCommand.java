package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.audit.OutputFile;
import dev.eventscope.audit.OutputRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope export --ledger FILE [--out JOURNAL]}: the ledger as an hledger journal. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Writes the ledger as an hledger journal (every entry, reversals included), to a file or standard output.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Exported.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger, or JOURNAL may not be written (it is a ledger, or it exists"
                + " and --force was not given); nothing was written."})
final class ExportCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOption ledger;

    @Option(names = {"-o", "--out"}, paramLabel = "JOURNAL", description = "Write to this file instead of standard output.")
    Path out;

    @Option(names = {"-f", "--force"}, description = "Replace JOURNAL if it exists.")
    boolean force;

    ExportCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() throws IOException {
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
                        if (out == null) {
                session.exportJournal(spec.commandLine().getOut());
            } else {
                long entries;
                try (OutputFile file = OutputFile.prepare(out, "the journal", force, List.of(ledger.file()))) {
                    try (Writer writer = Files.newBufferedWriter(file.temporary(), StandardCharsets.UTF_8)) {
                        entries = session.exportJournal(writer);
                    } catch (IOException | UncheckedIOException failed) {
                        // the journal writer wraps the system's reason (e.g. "No space left on device") in an unchecked one
                        IOException cause = failed instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) failed;
                        throw new CommandProblem("Could not write the journal to " + PrintableText.of(out) + ": " + PrintableText.of(cause.getMessage())
                                + "; nothing was changed.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                    }
                    file.commit();
                } catch (OutputRefused refused) {
                    throw new CommandProblem(refused.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                spec.commandLine().getErr().println("Exported " + entries + " entries to " + PrintableText.of(out) + ".");
                spec.commandLine().getErr().flush();
            }
        }
        return ExitCodes.OK;
    }
}
