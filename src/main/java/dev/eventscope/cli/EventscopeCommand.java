package dev.eventscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command {@code eventscope}; on its own it prints its help. */
@Command(name = "eventscope",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Audit and time-travel explorer for event-sourced bookkeeping ledgers.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:Done; for verify, the ledger is intact.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the ledger is missing, not a ledger or unreadable.",
                "3:verify found a tampered event.",
                "4:A bookkeeping rule or a journal error refused the command; nothing was written."})
public final class EventscopeCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
