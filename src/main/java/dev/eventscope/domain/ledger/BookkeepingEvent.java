package dev.eventscope.domain.ledger;

/**
 * Every event of the bookkeeping domain. Each family is a sealed interface of plain records, so a
 * codec can walk {@link Class#getPermittedSubclasses()} to register every type by its simple name.
 */
public sealed interface BookkeepingEvent permits LedgerEvent, AccountEvent, EntryEvent, PriceEvent {
}
