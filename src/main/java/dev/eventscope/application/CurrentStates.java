package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountLookAlikes;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.PricesState;

/** Where a decision gets the current states from: the store, or an import's running cache. */
interface CurrentStates {

    Loaded<LedgerState> ledger();

    Loaded<AccountState> account(AccountName account);

    Loaded<EntryState> entry(EntryId entry);

    Loaded<PricesState> prices();

    /** The ledger's accounts by their look (asked only when an account is opened). */
    AccountLookAlikes lookAlikes();
}
