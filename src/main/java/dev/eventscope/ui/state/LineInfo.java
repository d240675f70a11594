package dev.eventscope.ui.state;

/**
 * What a line of the whole ledger keeps from point to point: its key, section and label; {@code account} (null for
 * totals) and {@code commodity} (null for totals) as its row names them; {@code unit}, the commodity its amount is in.
 */
record LineInfo(String key, String section, String label, String account, String commodity, String unit) {
}
