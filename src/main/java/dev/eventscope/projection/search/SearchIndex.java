package dev.eventscope.projection.search;

import java.util.List;

/**
 * A full-text and filter index of a ledger's events, kept outside the ledger and rebuildable from it at
 * any time. Which ledger it indexes and how far ({@link #checkpoint()}) are kept with it. Failures throw
 * {@link SearchIndexException}.
 */
public interface SearchIndex extends AutoCloseable {

    /** The id of the ledger indexed (its first event's id), or null for an empty index. */
    String ledgerId();

    /** The position of the last event indexed; 0 for an empty index. */
    long checkpoint();

    /** Adds the documents (in position order, after the checkpoint) and moves the checkpoint, in one transaction. */
    void add(String ledgerId, List<SearchDocument> documents, long checkpoint);

    /** Refreshes whatever statistics the index keeps for choosing how to answer a query; by default nothing. */
    default void analyze() {
    }

    /**
     * Loads in the background what a long-running user keeps in memory to answer later queries faster (a one-shot command
     * does not call it: it would pay for what it does not use); never waits. By default nothing.
     */
    default void warmUp() {
    }

    /** Forgets everything, for a rebuild. */
    void clear();

    /** The query's page, counted from the first hit (an offset: page N reads the N - 1 pages before it). */
    SearchPage search(SearchQuery query);

    /**
     * The page that follows {@code after} (null: the first page) in the query's order, found by its key (keyset
     * paging): as cheap for the thousandth page as for the first. The query's page number is not used.
     */
    SearchPage search(SearchQuery query, SearchCursor after);

    /** How many events match the query, all pages together. */
    long count(SearchQuery query);

    @Override
    void close();
}
