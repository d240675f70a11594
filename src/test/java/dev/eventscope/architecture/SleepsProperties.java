package dev.eventscope.architecture;

/** A fixture for {@code SourceHygieneTest}: a property class that sleeps (never run: it has no property). */
final class SleepsProperties {

    private SleepsProperties() {
    }

    static void sleeps() throws InterruptedException {
        Thread.sleep(1);
    }
}
