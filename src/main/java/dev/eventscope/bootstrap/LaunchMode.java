package dev.eventscope.bootstrap;

import java.util.List;
import java.util.Locale;

/**
 * What the one {@code eventscope} launcher does with its arguments: with none, with a single
 * {@code *.ledger} file (a double click on a ledger in the file manager), or with a bundled sample
 * ({@code --sample audit-case}), either of the two optionally followed by {@code --read-only}, it starts
 * the desktop explorer; with anything else (a subcommand, {@code --help}, {@code --version}) it runs the
 * command line, which needs no display.
 */
public enum LaunchMode {
    DESKTOP,
    COMMAND_LINE;

    /** The mode for the launcher's arguments. */
    public static LaunchMode of(List<String> args) {
        List<String> rest = args.size() > 1 && args.get(args.size() - 1).equals("--read-only")
                ? args.subList(0, args.size() - 1) : args;
        if (rest.isEmpty()) {
            return args.isEmpty() ? DESKTOP : COMMAND_LINE;
        }
        if (rest.size() == 1) {
            String only = rest.get(0);
            if (!only.startsWith("-") && only.toLowerCase(Locale.ROOT).endsWith(".ledger")) {
                return DESKTOP;
            }
            if (only.startsWith("--sample=") && only.length() > "--sample=".length()) {
                return DESKTOP;
            }
        }
        if (rest.size() == 2 && rest.get(0).equals("--sample") && !rest.get(1).startsWith("-")) {
            return DESKTOP;
        }
        return COMMAND_LINE;
    }
}
