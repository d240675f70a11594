package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.projection.search.LedgerSearch;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchIndexException;
import dev.eventscope.projection.search.SearchIndexes;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope search [QUERY] --ledger FILE [filters]}: full-text search over every stream of a ledger
 * (descriptions, account names, entry ids, users, commands, event data), with filters, paged, by position or
 * relevance. Without QUERY it lists the whole log (every stream in position order) through the filters.
 */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Searches every event of a ledger: words in descriptions, account names, entry ids, users, commands"
                + " and event data, with filters; without words, lists the whole log through the filters.",
                "The index is kept outside the ledger (one file per ledger id) and brought up to date before each search."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The search ran (whether or not anything was found).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line or query, or the file is missing or not a ledger."})
final class SearchCommand implements Callable<Integer> {

    enum Format { TEXT, CSV, JSON }

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Parameters(arity = "0..*", paramLabel = "WORD", description = "Words to find (all must match; end one with * for a prefix).")
    private List<String> words = List.of();

    @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Event types, e.g. EntryPosted,PeriodClosed.")
    private List<String> types = List.of();

    @Option(names = "--user", paramLabel = "USER", description = "Only events recorded by this user.")
    private String user;

    @Option(names = "--command", paramLabel = "NAME", description = "Only events of this command, e.g. ReverseEntry.")
    private String command;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only postings to this account or its subaccounts.")
    private String account;

    @Option(names = "--category", paramLabel = "NAME", description = "Only streams of this category: ledger, account or entry.")
    private String category;

    @Option(names = "--min-amount", paramLabel = "AMOUNT", description = "Amount at least (a posting's, or an entry's debits).")
    private BigDecimal minAmount;

    @Option(names = "--max-amount", paramLabel = "AMOUNT", description = "Amount at most.")
    private BigDecimal maxAmount;

    @Option(names = "--recorded-from", paramLabel = "TIME", description = "Recorded at or after (2025-05-06 or 2025-05-06T12:00:00Z).")
    private String recordedFrom;

    @Option(names = "--recorded-to", paramLabel = "TIME", description = "Recorded before (a date means its start, UTC).")
    private String recordedTo;

    @Option(names = "--date-from", paramLabel = "DATE", description = "Business date on or after.")
    private LocalDate dateFrom;

    @Option(names = "--date-to", paramLabel = "DATE", description = "Business date on or before.")
    private LocalDate dateTo;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "position", description = "position (default) or relevance.")
    private SearchQuery.Order order;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Which page (default 1).")
    private int page;

    @Option(names = "--after", paramLabel = "KEY", description = "The page after KEY, the key the page before printed"
            + " (\"next page: --after KEY\"): as fast for page 1,000 as for page 1; --page counts through the pages before it.")
    private String after;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "50", description = "Events per page (1-1000, default 50).")
    private int pageSize;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default), csv or json.")
    private Format format;

    @Option(names = "--count", description = "Also count every event found (the total; with filters this can take a few"
            + " hundred ms on a million events, so the first page is printed without it unless asked).")
    private boolean count;

    @Option(names = "--index-dir", hidden = true, paramLabel = "DIR", description = "Where search indexes are kept.")
    private Path indexDirectory;

    SearchCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        SearchQuery query = query();
        SearchPage found;
        long total;
        try (LedgerSession session = ledger.openReadOnly(sessions);
             LedgerSearch search = session.openSearch(indexDirectory != null ? indexDirectory : SearchIndexes.forCurrentUser())) {
            search.catchUp();
            SearchCursor key = afterKey();
            found = search.search(query, key);
            // a first page with nothing after it holds every event found: its total is known without counting
            total = count ? search.count(query) : key == null && query.page() == 1 && !found.hasMore() ? found.hits().size() : UNCOUNTED;
        } catch (SearchIndexException failed) {
            throw new CommandProblem(failed.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        SearchResultWriter.write(format.name(), after == null ? query : null, query.order(), found, total, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The total when it was neither asked for ({@code --count}) nor known from the page. */
    static final long UNCOUNTED = -1;

    private SearchQuery query() {
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw usage("--min-amount " + minAmount.toPlainString() + " is above --max-amount " + maxAmount.toPlainString() + ".");
        }
        try {
            return new SearchQuery(String.join(" ", words), types, user, command, account, category, minAmount, maxAmount,
                    instant("--recorded-from", recordedFrom), instant("--recorded-to", recordedTo), dateFrom, dateTo, order, page, pageSize);
        } catch (IllegalArgumentException wrong) {
            throw usage(wrong.getMessage());
        }
    }

    private SearchCursor afterKey() {
        if (after == null) {
            return null;
        }
        try {
            return SearchCursor.parse(after);
        } catch (IllegalArgumentException wrong) {
            throw usage("--after " + wrong.getMessage());
        }
    }

    private static Instant instant(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeException wrong) {
            throw usage(option + " " + value + " is not a date (2025-05-06) or a time (2025-05-06T12:00:00Z).");
        }
    }

    private static CommandProblem usage(String message) {
        return new CommandProblem(message, ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
    }

    /** Prints a page of hits. */
    static final class SearchResultWriter {
        private SearchResultWriter() {
        }

        /** {@code query} is null when the page was asked for by key (its number is then unknown). */
        static void write(String format, SearchQuery query, SearchQuery.Order order, SearchPage found, long total, PrintWriter out) {
            switch (format) {
                case "CSV" -> {
                    dev.eventscope.audit.CsvWriter csv = dev.eventscope.audit.CsvWriter.withUnixLineEnds(out);
                    csv.writeRecord("position", "stream", "type", "user", "command", "recorded_at", "date", "entry_id", "snippet");
                    for (SearchHit hit : found.hits()) {
                        csv.writeRecord(Long.toString(hit.position()), hit.streamId(), hit.type(), text(hit.user()), text(hit.command()),
                                hit.recordedAt().toString(), hit.entryDate() == null ? "" : hit.entryDate().toString(),
                                text(hit.entryId()), text(hit.snippet()));
                    }
                    csv.flush();
                }
                case "JSON" -> {
                    com.fasterxml.jackson.databind.node.ObjectNode json = dev.eventscope.codec.EventCodec.newObjectMapper()
                            .createObjectNode();
                    if (total == UNCOUNTED) {
                        json.putNull("total");
                    } else {
                        json.put("total", total);
                    }
                    if (query != null) {
                        json.put("page", query.page());
                    }
                    json.put("hasMore", found.hasMore()).put("next", found.next() == null ? null : found.next().text(order));
                    out.println(json.set("hits", dev.eventscope.codec.EventCodec.newObjectMapper().valueToTree(found.hits()))
                            .toPrettyString());
                }
                default -> {
                    out.println(heading(query, found, total));
                    TextTable table = new TextTable("POSITION", "RECORDED", "USER", "TYPE", "STREAM", "DATE", "MATCH").alignRight(0);
                    for (SearchHit hit : found.hits()) {
                        table.addRow(Long.toString(hit.position()), hit.recordedAt().toString(), text(hit.user()), hit.type(),
                                hit.streamId(), hit.entryDate() == null ? "" : hit.entryDate().toString(), text(hit.snippet()));
                    }
                    if (!found.hits().isEmpty()) {
                        table.print(out);
                    }
                    if (found.next() != null) {
                        out.println("Next page: --after " + found.next().text(order));
                    }
                }
            }
            out.flush();
        }

        /** "N events found; page P of M.", or without a total "Page P; more follow (--count counts them all)." */
        private static String heading(SearchQuery query, SearchPage found, long total) {
            if (total == UNCOUNTED) {
                String which = query == null ? "The page after the given key" : "Page " + query.page();
                return which + (found.hasMore() ? "; more follow (--count counts them all)." : ", the last.");
            }
            String which = query == null ? "the page after the given key" : "page " + query.page() + " of "
                    + ((total + query.pageSize() - 1) / query.pageSize());
            return total == 0 ? "Nothing found." : total + (total == 1 ? " event" : " events") + " found; " + which + ".";
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }
}
