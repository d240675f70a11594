package dev.eventscope.journal;

/** Something the journal reader yields, in file order: a transaction or a kept directive. */
public sealed interface JournalItem permits JournalTransaction, JournalDirective {

    SourceLocation location();
}
