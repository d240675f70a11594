package dev.eventscope.ui.knownat;

/** One posting recorded after the knowledge point that changed the figures as of the date, as the panel lists it. */
public record RestatingLine(long position, String recorded, String user, String command, String entry, String date,
                            String account, String amount) {
}
