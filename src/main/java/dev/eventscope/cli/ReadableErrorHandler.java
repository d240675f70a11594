package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception thrown by a command into one readable sentence on standard error and an
 * exit code, never a stack trace (which goes to the debug log for whoever needs it).
 */
final class ReadableErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReadableErrorHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LOG.debug("command failed", exception);
        // one printable line whatever the message quotes (session 22, adversary2): a file name, a description or an
        // account name holding a line break, an escape sequence or a right-to-left override, from any layer, is shown
        // as \\uXXXX; no message of Eventscope's spans lines on purpose
        commandLine.getErr().println(PrintableText.of(sentence(exception)));
        commandLine.getErr().flush();
        return exitCode(exception);
    }

    static String sentence(Exception exception) {
        if (exception instanceof EventStoreException || exception instanceof CommandProblem) {
            return exception.getMessage();
        }
        String message = exception.getMessage();
        return message == null || message.isBlank()
                ? "Eventscope failed unexpectedly (" + exception.getClass().getSimpleName() + ")."
                : message;
    }

    static int exitCode(Exception exception) {
        if (exception instanceof CommandProblem problem) {
            return problem.exitCode();
        }
        if (exception instanceof EventStoreException) {
            return ExitCodes.USAGE_OR_UNREADABLE_LEDGER;
        }
        if (exception instanceof dev.eventscope.domain.ledger.LedgerRuleViolation
                || exception instanceof dev.eventscope.journal.JournalImportException
                || exception instanceof dev.eventscope.journal.JournalImporter.ImportCancelled
                || exception instanceof dev.eventscope.journal.DuplicateImport
                || exception instanceof dev.eventscope.application.ConflictPersisted
                || exception instanceof dev.eventscope.application.UnreadableHistory
                || exception instanceof dev.eventscope.timetravel.TimeTravelException
                || exception instanceof dev.eventscope.audit.UnsafePrivateKey
                || exception instanceof dev.eventscope.audit.SigningKeys.DamagedKey) {
            return ExitCodes.REFUSED;
        }
        return ExitCodes.UNEXPECTED_FAILURE;
    }
}
