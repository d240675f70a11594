package dev.eventscope.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * What the desktop app was started with: a ledger to open ({@code eventscope books.ledger}, as a
 * file manager passes it), or a bundled sample by name ({@code --sample audit-case}), and
 * {@code --read-only} to open it as an auditor.
 */
public record LaunchArguments(Path ledger, String sample, boolean readOnly) {

    public static LaunchArguments parse(List<String> raw) {
        Path ledger = null;
        String sample = null;
        boolean readOnly = false;
        for (int i = 0; i < raw.size(); i++) {
            String argument = raw.get(i);
            if (argument.equals("--read-only")) {
                readOnly = true;
            } else if (argument.equals("--sample") && i + 1 < raw.size()) {
                sample = raw.get(++i);
            } else if (argument.startsWith("--sample=")) {
                sample = argument.substring("--sample=".length());
            } else if (!argument.startsWith("--") && ledger == null) {
                ledger = Path.of(argument);
            }
        }
        return new LaunchArguments(ledger, sample, readOnly);
    }
}
