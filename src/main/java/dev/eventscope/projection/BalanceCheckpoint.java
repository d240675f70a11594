package dev.eventscope.projection;

/**
 * Every account's balance in every commodity after the event at {@code position}, as a compact
 * text blob (one {@code account TAB commodity TAB amount} line per nonzero balance), with the hash of
 * the event at {@code position} and a SHA-256 digest of the blob, so that a checkpoint that does not
 * belong to this ledger, or was damaged, is noticed and rebuilt instead of trusted.
 */
public record BalanceCheckpoint(long position, String eventHash, String digest, byte[] data) {
}
