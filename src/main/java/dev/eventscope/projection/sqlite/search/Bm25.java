package dev.eventscope.projection.sqlite.search;

/**
 * FTS5's {@code bm25()} (k1 = 1.2, b = 0.75, an IDF of 1e-6 for a phrase in half the rows or more) re-done in
 * Java with the same operations in the same order, so a score computed here is the double FTS5's {@code rank}
 * gives for the same row: {@code RelevanceRankingProperties} compares them exactly. Higher scores are better; the rank
 * is the negated score, as FTS5 gives it. The logarithm of the IDF is SQLite's own {@code ln()}, the C library's
 * {@code log} FTS5 calls: Java's {@code Math.log} differs from it in the last bit for about one argument in 2,000
 * (and {@code StrictMath.log} more often), and one bit of difference reorders equal scores and breaks key paging.
 */
final class Bm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final double averageLength;
    private final double[] idf;

    private Bm25(double averageLength, double[] idf) {
        this.averageLength = averageLength;
        this.idf = idf;
    }

    /**
     * @param connection    where SQLite's {@code ln()} is asked (once per phrase)
     * @param rows          the index's row count
     * @param tokens        the index's token count
     * @param phraseRows    for each phrase of the query, in order, the number of rows it occurs in
     */
    static Bm25 of(java.sql.Connection connection, long rows, long tokens, long[] phraseRows) throws java.sql.SQLException {
        double[] idf = new double[phraseRows.length];
        try (java.sql.PreparedStatement ln = connection.prepareStatement("SELECT ln(?)")) {
            for (int phrase = 0; phrase < phraseRows.length; phrase++) {
                ln.setDouble(1, (rows - phraseRows[phrase] + 0.5) / (phraseRows[phrase] + 0.5));
                try (java.sql.ResultSet result = ln.executeQuery()) {
                    result.next();
                    double value = result.getDouble(1);
                    idf[phrase] = value <= 0.0 ? 1e-6 : value;
                }
            }
        }
        return new Bm25((double) tokens / (double) rows, idf);
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
