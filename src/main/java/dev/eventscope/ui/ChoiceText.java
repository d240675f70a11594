package dev.eventscope.ui;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a choice box shows its choices: each choice's text, never typed back (choices are picked). */
public final class ChoiceText {

    private ChoiceText() {
    }

    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
