package dev.eventscope.ui.state;

/** One posting that made a balance what it is: where it was recorded, its entry, date, amount, who and which command. */
public record WhyLine(long position, String entryId, String date, String amount, String runningBalance, String user,
                      String command, String description) {
}
