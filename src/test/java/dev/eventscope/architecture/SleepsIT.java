package dev.eventscope.architecture;

/** A fixture for {@code SourceHygieneTest}: a integration test that sleeps (never run: it has no test). */
final class SleepsIT {

    private SleepsIT() {
    }

    static void sleeps() throws InterruptedException {
        Thread.sleep(1);
    }
}
