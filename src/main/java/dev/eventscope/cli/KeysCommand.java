package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.CommandContext;
import dev.eventscope.audit.OutputFile;
import dev.eventscope.audit.OutputRefused;
import dev.eventscope.audit.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code eventscope keys list|export|trust}: the keys whose signatures this machine accepts on
 * seals and reports — the user's own, and the public keys imported with {@code keys trust FILE}.
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Lists, exports and trusts the Ed25519 keys that sign seals and reports.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Export.class, KeysCommand.Trust.class})
public final class KeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the keys this machine trusts, with their fingerprints.")
    static final class ListKeys implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private MachineStateOptions machine;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<TrustedKeys.TrustedKey> keys = machine.trustedKeys().list();
            if (keys.isEmpty()) {
                out.println("No keys yet: your own key is made when you first sign a report or seal a ledger;"
                        + " others' keys are added with 'eventscope keys trust FILE'.");
            }
            for (TrustedKeys.TrustedKey key : keys) {
                out.println((key.own() ? "own      " : "trusted  ") + key.fingerprint() + "  " + key.name());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code keys export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes your public key (made if you have none) for others to trust; never the private key.")
    static final class Export implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private MachineStateOptions machine;

        @Option(names = "--user", paramLabel = "NAME", description = "Whose key (default: the operating-system user).")
        private String user;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the key to FILE instead of the standard output.")
        private Path out;

        @Override
        public Integer call() {
            String owner = user == null ? CommandContext.osUser().user() : user;
            String key = Base64.getEncoder().encodeToString(machine.keys().forUser(owner).getPublic().getEncoded()) + "\n";
            if (out == null) {
                spec.commandLine().getOut().print(key);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new CommandProblem("Not exported: " + PrintableText.of(out) + " already exists.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            // written as every output file is: never onto a ledger or a database's -wal/-shm/-journal, never a folder,
            // never over an existing file; whole or not at all
            try (OutputFile file = OutputFile.prepare(out, "the key", false, List.of())) {
                try {
                    Files.writeString(file.temporary(), key, StandardCharsets.US_ASCII);
                } catch (IOException failed) {
                    throw new CommandProblem("Could not write the key to " + PrintableText.of(out) + ": " + PrintableText.of(failed.getMessage())
                            + "; nothing was changed.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                file.commit();
            } catch (OutputRefused refused) {
                throw new CommandProblem("Not exported: " + refused.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            spec.commandLine().getOut().println("Exported the public key of " + owner + " (fingerprint "
                    + TrustedKeys.fingerprint(Base64.getDecoder().decode(key.strip())) + ") to " + PrintableText.of(out) + ".");
            return ExitCodes.OK;
        }
    }

    /** {@code keys trust FILE}. */
    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = "Trusts the public key in FILE (written by 'eventscope keys export') for seals and reports.")
    static final class Trust implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private MachineStateOptions machine;

        @Parameters(index = "0", paramLabel = "FILE", description = "The public key file.")
        private Path file;

        @Override
        public Integer call() {
            String fingerprint;
            try {
                fingerprint = machine.trustedKeys().trust(file);
            } catch (IllegalArgumentException notAKey) {
                throw new CommandProblem(notAKey.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            spec.commandLine().getOut().println("Trusted the key " + fingerprint + " from " + PrintableText.of(file) + ".");
            return ExitCodes.OK;
        }
    }
}
