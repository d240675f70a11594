package dev.eventscope.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Assertions about messages a person reads. */
public final class Texts {

    private Texts() {
    }

    /** Fails unless {@code text} contains every one of {@code parts}, showing the whole text. */
    public static void assertMentions(String text, String... parts) {
        for (String part : parts) {
            if (text == null || !text.contains(part)) {
                fail("expected the message to mention \"" + part + "\" but it was:\n  " + text);
            }
        }
    }
}
