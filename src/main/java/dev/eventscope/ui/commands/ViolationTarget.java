package dev.eventscope.ui.commands;

import dev.eventscope.domain.ledger.AccountAlreadyFrozen;
import dev.eventscope.domain.ledger.NegativeMarketPrice;
import dev.eventscope.domain.ledger.PriceInItsOwnCommodity;
import dev.eventscope.domain.ledger.AccountAlreadyOpen;
import dev.eventscope.domain.ledger.AccountHasBalance;
import dev.eventscope.domain.ledger.AccountIsClosed;
import dev.eventscope.domain.ledger.AccountIsFrozen;
import dev.eventscope.domain.ledger.AccountNotFrozen;
import dev.eventscope.domain.ledger.AccountNotOpen;
import dev.eventscope.domain.ledger.ClosingDateTooEarly;
import dev.eventscope.domain.ledger.DuplicateEntry;
import dev.eventscope.domain.ledger.EntryAlreadyReversed;
import dev.eventscope.domain.ledger.EntryDoesNotBalance;
import dev.eventscope.domain.ledger.EntryNotFound;
import dev.eventscope.domain.ledger.InvalidAccountName;
import dev.eventscope.domain.ledger.InvalidCommodity;
import dev.eventscope.domain.ledger.InvalidDescription;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.NegativePrice;
import dev.eventscope.domain.ledger.NoClosedPeriod;
import dev.eventscope.domain.ledger.PeriodAlreadyClosed;
import dev.eventscope.domain.ledger.PostingBeforeAccountOpened;
import dev.eventscope.domain.ledger.PostingInClosedPeriod;
import dev.eventscope.domain.ledger.RequiredValueMissing;
import dev.eventscope.domain.ledger.ReversalBeforeOriginal;
import dev.eventscope.domain.ledger.TooFewPostings;

/**
 * Where a rule violation belongs on a form: a field key ({@link #ACCOUNT}, {@link #DATE}, ...),
 * and for violations about one account or commodity, which one (so that the postings grid can
 * point at the row). {@link #GENERAL} when no field fits.
 */
public record ViolationTarget(String field, String account, String commodity) {

    public static final String ACCOUNT = "account";
    public static final String DATE = "date";
    public static final String DESCRIPTION = "description";
    public static final String ENTRY = "entry";
    public static final String REASON = "reason";
    public static final String POSTINGS = "postings";
    public static final String COMMODITY = "commodity";
    public static final String PRICE = "price";
    public static final String GENERAL = "general";

    static ViolationTarget field(String field) {
        return new ViolationTarget(field, null, null);
    }

    static ViolationTarget account(String account) {
        return new ViolationTarget(ACCOUNT, account, null);
    }

    /** Maps every named rule violation of the ledger domain to the field it concerns. */
    public static ViolationTarget of(LedgerRuleViolation violation) {
        if (violation instanceof AccountIsFrozen v) {
            return account(v.account().value());
        } else if (violation instanceof AccountNotOpen v) {
            return account(v.account().value());
        } else if (violation instanceof AccountIsClosed v) {
            return account(v.account().value());
        } else if (violation instanceof PostingBeforeAccountOpened v) {
            return account(v.account().value());
        } else if (violation instanceof AccountAlreadyOpen v) {
            return account(v.account().value());
        } else if (violation instanceof AccountAlreadyFrozen v) {
            return account(v.account().value());
        } else if (violation instanceof AccountNotFrozen v) {
            return account(v.account().value());
        } else if (violation instanceof AccountHasBalance v) {
            return account(v.account().value());
        } else if (violation instanceof InvalidAccountName v) {
            return account(v.name());
        } else if (violation instanceof ClosingDateTooEarly) {
            return field(DATE);
        } else if (violation instanceof PostingInClosedPeriod || violation instanceof ReversalBeforeOriginal
                || violation instanceof PeriodAlreadyClosed) {
            return field(DATE);
        } else if (violation instanceof EntryDoesNotBalance || violation instanceof TooFewPostings) {
            return field(POSTINGS);
        } else if (violation instanceof PriceInItsOwnCommodity || violation instanceof NegativeMarketPrice) {
            return field(PRICE);
        } else if (violation instanceof InvalidCommodity v) {
            return new ViolationTarget(POSTINGS, null, v.commodity());
        } else if (violation instanceof NegativePrice v) {
            return new ViolationTarget(POSTINGS, null, v.price().commodity());
        } else if (violation instanceof EntryNotFound || violation instanceof EntryAlreadyReversed
                || violation instanceof DuplicateEntry) {
            return field(ENTRY);
        } else if (violation instanceof InvalidDescription) {
            return field(DESCRIPTION);
        } else if (violation instanceof NoClosedPeriod) {
            return field(REASON);
        } else if (violation instanceof RequiredValueMissing v) {
            return field(requiredField(v.what()));
        }
        return field(GENERAL);
    }

    private static String requiredField(String what) {
        String lower = what.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("date")) {
            return DATE;
        } else if (lower.contains("description")) {
            return DESCRIPTION;
        } else if (lower.contains("reason")) {
            return REASON;
        } else if (lower.contains("entry")) {
            return ENTRY;
        } else if (lower.contains("account")) {
            return ACCOUNT;
        } else if (lower.contains("amount") || lower.contains("posting") || lower.contains("commodity")) {
            return POSTINGS;
        }
        return GENERAL;
    }
}
