package dev.eventscope.bootstrap;

import java.util.List;

/**
 * What the one {@code eventscope} launcher does with its arguments: with none, or with a single
 * {@code *.ledger} file (a double click on a ledger in the file manager), it starts the desktop
 * explorer; with anything else (a subcommand, {@code --help}, {@code --version}) it runs the command line,
 * which needs no display.
 */
public enum LaunchMode {
    DESKTOP,
    COMMAND_LINE;

    /** The mode for the launcher's arguments. */
    public static LaunchMode of(List<String> args) {
        if (args.isEmpty()) {
            return DESKTOP;
        }
        if (args.size() == 1) {
            String only = args.get(0);
            if (!only.startsWith("-") && only.toLowerCase(java.util.Locale.ROOT).endsWith(".ledger")) {
                return DESKTOP;
            }
        }
        return COMMAND_LINE;
    }
}
