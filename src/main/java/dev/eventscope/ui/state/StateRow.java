package dev.eventscope.ui.state;

/**
 * One line of the state panel: {@code section} groups lines (Status, Balances, Assets, …), {@code key}
 * identifies the line across points. {@code before} is the value at the previous point when
 * {@code changed}. A balance line names its {@code account} and {@code commodity} (for "why this
 * value?"); a line about one event names its {@code position} (0 when none).
 */
public record StateRow(String key, String section, String label, String value, String before, boolean changed,
                       String account, String commodity, long position) {

    public static StateRow of(String key, String section, String label, String value) {
        return new StateRow(key, section, label, value, null, false, null, null, 0);
    }

    public static StateRow balance(String key, String section, String label, String value, String account, String commodity) {
        return new StateRow(key, section, label, value, null, false, account, commodity, 0);
    }

    public StateRow atPosition(long eventPosition) {
        return new StateRow(key, section, label, value, before, changed, account, commodity, eventPosition);
    }

    /** This line marked as changed from {@code previous}. */
    public StateRow changedFrom(String previous) {
        return new StateRow(key, section, label, value, previous, true, account, commodity, position);
    }

    public boolean explainable() {
        return account != null && commodity != null;
    }

    /** "before → after" for a changed line, else the value. */
    public String display() {
        return changed ? before + " → " + value : value;
    }

    /** The journal entry this line names ("Reverses", "Reversed by"), for a link to it; null for other lines. */
    public String linkedEntry() {
        boolean names = key.equals("reverses") || key.equals("reversed-by");
        return names && value != null && !value.isBlank() && !value.equals("not reversed") && !value.equals(StateRows.ABSENT)
                ? value : null;
    }
}
