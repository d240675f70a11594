package dev.eventscope.timetravel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changed between two points (balance by balance, or field by field of one aggregate's state) and
 * why a balance is what it is (the postings that made it). Thread-safe; throws {@link TimeTravelException}
 * like the questions it asks of {@link LedgerAtPoint} and {@link AggregateHistory}.
 */
public final class Differences {

    private final EventCodec codec;
    private final LedgerAtPoint ledger;
    private final AggregateHistory history;

    public Differences(EventCodec codec, LedgerAtPoint ledger, AggregateHistory history) {
        this.codec = codec;
        this.ledger = ledger;
        this.history = history;
    }

    /** Per account and commodity, the balances that differ between two points. */
    public List<BalanceChange> diff(Point from, Point to) {
        return BalanceChange.between(ledger.ledgerBalancesAt(from).balances(), ledger.ledgerBalancesAt(to).balances());
    }

    /** Field by field, what changed in one aggregate's state between two points. */
    public List<FieldChange> diff(StreamId stream, Point from, Point to) {
        return fieldChanges(codec, history.stateOf(stream, from).state(), history.stateOf(stream, to).state());
    }

    /** Field by field, what differs between two states of one aggregate (as their JSON shows them). */
    public static List<FieldChange> fieldChanges(EventCodec codec, Object beforeState, Object afterState) {
        Map<String, String> before = flatten(codec.readTree(codec.toJson(beforeState)));
        Map<String, String> after = flatten(codec.readTree(codec.toJson(afterState)));
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new FieldChange(path, was, is));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", node, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), fields);
            }
        } else if (!node.isNull()) {
            fields.put(path, node.isNumber() ? node.decimalValue().toPlainString() : node.asText());
        }
    }

    /** Every posting that made an account's balance in a commodity what it is at a point. */
    public Explanation why(String account, String commodity, Point point) {
        List<RegisterLine> contributions;
        long position;
        Optional<LocalDate> date = point instanceof Point.AsOfDate asOf ? Optional.of(asOf.date())
                : point instanceof Point.AsKnownAt known ? Optional.of(known.date()) : Optional.empty();
        if (date.isPresent()) {
            position = ledger.positionOf(point);
            ledger.ensureRegister(position);
            contributions = ledger.queries().accountRegisterAsOf(account, date.get(), position).stream()
                    .filter(line -> line.commodity().equals(commodity)).toList();
        } else {
            position = ledger.positionOf(point);
            ledger.ensureRegister(position);
            contributions = ledger.queries().accountRegister(account, commodity, 0, position);
        }
        BigDecimal balance = contributions.stream().map(RegisterLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Explanation(account, commodity, point, position, Amounts.normalise(balance), contributions);
    }
}
