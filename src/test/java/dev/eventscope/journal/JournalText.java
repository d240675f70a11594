package dev.eventscope.journal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test helper: reads journal text given as lines and keeps what the reader yielded and warned. */
final class JournalText {

    final List<JournalItem> items = new ArrayList<>();
    final List<JournalWarning> warnings = new ArrayList<>();

    static JournalText read(String... lines) {
        JournalText result = new JournalText();
        JournalReadListener listener = new JournalReadListener() {
            @Override
            public void warning(JournalWarning warning) {
                result.warnings.add(warning);
            }
        };
        try (JournalReader reader = JournalReader.open(new StringReader(String.join("\n", lines) + "\n"), "test.journal",
                listener)) {
            reader.forEachRemaining(result.items::add);
        }
        return result;
    }

    static JournalTransaction only(String... lines) {
        List<JournalTransaction> transactions = read(lines).transactions();
        if (transactions.size() != 1) {
            throw new AssertionError("expected one transaction but read " + transactions.size());
        }
        return transactions.get(0);
    }

    List<JournalTransaction> transactions() {
        return items.stream().filter(JournalTransaction.class::isInstance).map(JournalTransaction.class::cast)
                .collect(Collectors.toList());
    }

    static Amount amount(String quantity, String commodity) {
        return Amount.of(quantity, commodity);
    }
}
