package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.CompletedImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope imports --ledger FILE}: the committed imports of a ledger. An import is listed
 * exactly when its transaction was committed, so this tells whether an interrupted import went in.
 */
@Command(name = "imports",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Lists the journals imported into a ledger: when, by whom, the journal's SHA-256 and its entries.",
                "Only committed imports are listed: an interrupted import that is not here wrote nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The imports were listed (possibly none).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger."})
final class ImportsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    ImportsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        List<CompletedImport> imports;
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            imports = session.imports();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (imports.isEmpty()) {
            out.println("No journal was imported into " + PrintableText.of(ledger.file().getFileName()) + ".");
            out.flush();
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("IMPORTED AT", "USER", "JOURNAL", "ENTRIES", "IDS", "SHA-256", "POSITION")
                .alignRight(3).alignRight(6);
        for (CompletedImport imported : imports) {
            String ids = imported.firstEntryId() == null ? "-" : imported.firstEntryId() + "–" + imported.lastEntryId();
            table.addRow(TIME.format(imported.recordedAt()), imported.user(), imported.journal(),
                    Long.toString(imported.entries()), ids, imported.sha256(), Long.toString(imported.position()));
        }
        table.print(out);
        return ExitCodes.OK;
    }
}
