package dev.eventscope.ui;

import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Date pickers as the rest of the app shows dates: ISO ({@code 2025-06-30}) is shown and accepted, and so
 * is the user's own short or medium form ({@code 6/30/25}, {@code 30.06.2025}). A typed date that cannot be
 * read is never dropped in silence: the picker turns red, its tooltip says what to type, and the form is
 * told (so it can say it where it shows its messages).
 */
public final class DateFields {

    /** The style class of a picker whose text cannot be read as a date. */
    public static final String UNREADABLE = "unreadable-date";

    private DateFields() {
    }

    /** The date {@code text} means: ISO first, then the forms of {@code locale}; empty for blank or unreadable text. */
    public static Optional<LocalDate> parse(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        List<DateTimeFormatter> forms = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
        for (DateTimeFormatter form : forms) {
            try {
                return Optional.of(LocalDate.parse(typed, form));
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** The sentence for text that is not a date. */
    public static String problem(String text) {
        return "'" + text.strip() + "' is not a date; type it like " + LocalDate.of(2025, 6, 30) + ".";
    }

    /**
     * Shows and reads ISO dates in {@code picker}; {@code problems} receives the sentence for unreadable
     * text as it is typed, and "" once the text is a date again (or empty).
     */
    public static void install(DatePicker picker, Consumer<String> problems) {
        Locale locale = Locale.getDefault(Locale.Category.FORMAT);
        if (picker.getPromptText() == null || picker.getPromptText().isBlank()) {
            picker.setPromptText("YYYY-MM-DD");
        }
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                // unreadable text keeps the value the picker had; the red state says why
                return text == null || text.isBlank() ? null : parse(text, locale).orElse(picker.getValue());
            }
        });
        Tooltip hint = new Tooltip("Type a date like 2025-06-30, or pick one.");
        picker.setTooltip(hint);
        picker.getEditor().textProperty().addListener((observable, before, text) -> {
            boolean unreadable = text != null && !text.isBlank() && parse(text, locale).isEmpty();
            picker.getStyleClass().remove(UNREADABLE);
            if (unreadable) {
                picker.getStyleClass().add(UNREADABLE);
                hint.setText(problem(text));
                problems.accept(problem(text));
            } else {
                hint.setText("Type a date like 2025-06-30, or pick one.");
                problems.accept("");
                parse(text, locale).ifPresent(date -> {
                    if (!date.equals(picker.getValue())) {
                        // typed dates count at once, not only when the field loses focus
                        picker.setValue(date);
                    }
                });
                if (text == null || text.isBlank()) {
                    picker.setValue(null);
                }
            }
        });
    }
}
