package dev.eventscope.bench;

import dev.eventscope.eventstore.postgres.StatementPartsRounds;

/**
 * What each part of the one-event PostgreSQL append costs its server backend, in paired rotating rounds
 * ({@link StatementPartsRounds}, which lives beside the store it takes apart). On demand:
 * <pre>
 * bench/run.sh OneEventStatementParts [appends per variant and round, default 300] [rounds, default 41] [21 | 21u]
 * </pre>
 * (21: session 21's candidates; 21u: the same with random UUID event ids)
 */
public final class OneEventStatementParts {

    private OneEventStatementParts() {
    }

    public static void main(String[] arguments) throws Exception {
        StatementPartsRounds.main(arguments);
    }
}
