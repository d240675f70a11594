package dev.eventscope.journal;

import dev.eventscope.domain.ledger.AccountType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/** A directive the reader keeps because it means something to a ledger: an account or commodity declaration, a market price. */
public sealed interface JournalDirective extends JournalItem {

    /** {@code account NAME  ; comment}: the account exists from here on (an account opening). */
    record AccountDeclaration(String account, String comment, List<Tag> tags, SourceLocation location)
            implements JournalDirective {

        /** The tag that declares an account's type, as in hledger: {@code account NAME  ; type: A}. */
        public static final String TYPE_TAG = "type";

        public AccountDeclaration {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(location, "location");
            tags = List.copyOf(tags);
        }

        /** The type its first {@code type:} tag declares, if any (the reader refuses a tag naming no type). */
        public Optional<AccountType> declaredType() {
            return tags.stream().filter(tag -> tag.name().equals(TYPE_TAG)).findFirst()
                    .flatMap(tag -> AccountType.fromTag(tag.value()));
        }
    }

    /**
     * {@code commodity $1,000.00} or {@code commodity EUR} with an optional {@code format} line:
     * declares a commodity and, when a sample amount is given, its display style (which also fixes
     * its decimal mark for the amounts that follow). {@code style} may be null.
     */
    record CommodityDeclaration(String commodity, AmountStyle style, SourceLocation location)
            implements JournalDirective {
        public CommodityDeclaration {
            Objects.requireNonNull(commodity, "commodity");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * {@code P 2025-01-31 EUR $1.08}: from that date one unit of {@code commodity} is worth {@code price} (the price
     * keeps the decimal places it was written with). A time after the date is read and dropped, as hledger drops it.
     */
    record MarketPrice(LocalDate date, String commodity, Amount price, SourceLocation location) implements JournalDirective {
        public MarketPrice {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(commodity, "commodity");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(location, "location");
        }
    }
}
