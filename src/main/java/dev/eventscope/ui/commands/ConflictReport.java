package dev.eventscope.ui.commands;

/**
 * What another writer changed while a form was being filled in: the stream, the version the
 * command saw and the version it is at now, and a one-line description of its latest event.
 */
public record ConflictReport(String stream, long seenVersion, long actualVersion, String lastEvent) {

    /** "assets:bank changed while you were editing: it is now at version 12 (you saw 11); its last event: ...". */
    public String describe() {
        String what = stream.startsWith("account-") ? stream.substring("account-".length()) : stream;
        String text = what + " changed while you were editing: it is now at version " + actualVersion
                + (seenVersion >= 0 ? " (you saw " + seenVersion + ")" : "");
        return lastEvent.isEmpty() ? text + "." : text + "; its last event: " + lastEvent + ".";
    }
}
