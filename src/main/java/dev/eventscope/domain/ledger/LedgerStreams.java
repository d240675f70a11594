package dev.eventscope.domain.ledger;

/** The stream names of the bookkeeping domain. */
public final class LedgerStreams {

    /** The single stream of the ledger aggregate. */
    public static final String LEDGER = "ledger";
    public static final String ACCOUNT_PREFIX = "account-";
    public static final String ENTRY_PREFIX = "entry-";
    /** The single stream of the market prices ({@code P} directives). */
    public static final String PRICES = "prices";

    private LedgerStreams() {
    }

    /** {@code account-assets:bank:checking}. */
    public static String account(AccountName account) {
        return ACCOUNT_PREFIX + account.value();
    }

    /** {@code entry-2024-0042}. */
    public static String entry(EntryId entryId) {
        return ENTRY_PREFIX + entryId.value();
    }
}
