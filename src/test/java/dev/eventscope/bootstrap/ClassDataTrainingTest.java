package dev.eventscope.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The class-data archive's training asks its questions of the bundled small-business sample (the file
 * packaging/class-data-archive.sh passes): each must answer there, or the build's training run fails and the launcher
 * starts without an archive.
 */
class ClassDataTrainingTest {

    @TempDir
    Path folder;

    @Test
    void every_training_question_answers_on_the_small_business_sample() throws Exception {
        Path ledger = folder.resolve("training.ledger");
        Files.copy(Path.of("sample-data", "ledgers", "small-business.ledger"), ledger);

        assertFalse(ClassDataTraining.QUESTIONS.isEmpty());
        for (List<String> question : ClassDataTraining.QUESTIONS) {
            List<String> arguments = new ArrayList<>(question);
            arguments.addAll(List.of("--ledger", ledger.toString()));

            TestBootstrap.Run run = TestBootstrap.run(arguments.toArray(String[]::new));

            assertEquals(0, run.exitCode(), question + ": " + run.err());
            assertFalse(run.out().isBlank(), question + " printed nothing");
        }
    }
}
