package dev.eventscope.projection.sqlite.search;

/**
 * FTS5's {@code bm25()} (k1 = 1.2, b = 0.75, an IDF of 1e-6 for a phrase in half the rows or more) re-done in
 * Java with the same operations in the same order, so a score computed here is the double FTS5's {@code rank}
 * gives for the same row: {@code RelevanceRankingTest} compares them exactly. Higher scores are better; the rank
 * is the negated score, as FTS5 gives it.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final double averageLength;
    private final double[] idf;

    /**
     * @param rows          the index's row count
     * @param tokens        the index's token count
     * @param phraseRows    for each phrase of the query, in order, the number of rows it occurs in
     */
    Bm25(long rows, long tokens, long[] phraseRows) {
        this.averageLength = (double) tokens / (double) rows;
        this.idf = new double[phraseRows.length];
        for (int phrase = 0; phrase < phraseRows.length; phrase++) {
            double value = Math.log((rows - phraseRows[phrase] + 0.5) / (phraseRows[phrase] + 0.5));
            idf[phrase] = value <= 0.0 ? 1e-6 : value;
        }
    }

    /** The score of a row of {@code length} tokens in which phrase i occurs {@code frequencies[i]} times. */
    double score(int[] frequencies, int length) {
        double size = length;
        double score = 0.0;
        for (int phrase = 0; phrase < idf.length; phrase++) {
            double frequency = frequencies[phrase];
            score += idf[phrase] * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * size / averageLength)));
        }
        return score;
    }

}
