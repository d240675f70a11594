package dev.eventscope.session;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CompletedImport;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.RecordedImports;
import dev.eventscope.audit.LedgerSealer;
import dev.eventscope.audit.LedgerVerification;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.audit.ReportProgress;
import dev.eventscope.audit.ReportRequest;
import dev.eventscope.audit.ReportVerification;
import dev.eventscope.audit.ReportVerifier;
import dev.eventscope.audit.SignedReportFile;
import dev.eventscope.eventstore.AppendListener;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.journal.JournalExporter;
import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.projection.Projections;
import dev.eventscope.timetravel.FullReplay;
import dev.eventscope.timetravel.TimeTravel;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One open ledger, as the desktop app and the command line see it: commands, histories (the streams and
 * their events), change notification, projections and time travel (opened on first use), verification and
 * reports. Opened by {@link LedgerSessions}; the views, view models and commands ask it, never the store.
 * Thread-safe as its parts are; {@link #close()} closes the read models, then the store.
 *
 * <p>Every method that reads throws {@link dev.eventscope.eventstore.EventStoreException} with a readable
 * message when the ledger cannot be read; {@link #projections()} and {@link #timeTravel()} throw
 * {@link IllegalStateException} once the session is closed.
 */
public final class LedgerSession implements AutoCloseable {

    private final Path file;
    private final OwnAppends store;
    private final LedgerReadModels readModels;
    /** One codec for the session (thread-safe), made on first use: each builds a Jackson mapper, too costly per call. */
    private dev.eventscope.codec.EventCodec codec;
    private LedgerCommandService commands;

    /** The balances registers kept for the ledger, opened for {@link #verify} to compare with the events. */
    private final java.util.function.Supplier<List<dev.eventscope.projection.RecordedRegister>> registers;

    LedgerSession(Path file, EventStore store, LedgerReadModels readModels,
                  java.util.function.Supplier<List<dev.eventscope.projection.RecordedRegister>> registers) {
        this.file = Objects.requireNonNull(file, "file");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.store = new OwnAppends(Objects.requireNonNull(store, "store"));
        this.readModels = Objects.requireNonNull(readModels, "readModels");
    }

    /** The ledger's file (or the path a {@code postgresql://} URL was given as). */
    public Path file() {
        return file;
    }

    /** The ledger file's name in its printable form ({@link PrintableText}), or a server ledger's whole URL. */
    public String fileName() {
        if (dev.eventscope.application.LedgerStoreFactory.isServerLedger(file)) {
            return dev.eventscope.application.LedgerStoreFactory.displayName(file);
        }
        // printable (session 22): it names the ledger in messages, the window's title and the sandbox's sentences
        Path name = file.getFileName();
        return PrintableText.of(name == null ? file : name);
    }

    /** Whether the ledger was opened without the right to change it (an auditor's view). */
    public boolean readOnly() {
        return store.isReadOnly();
    }

    // commands

    /** The command service on this ledger (one per session). */
    public synchronized LedgerCommandService commands() {
        if (commands == null) {
            commands = LedgerCommandService.create(store);
        }
        return commands;
    }

    /** Every journal import recorded in the ledger, oldest first. */
    public List<CompletedImport> imports() {
        return RecordedImports.list(store);
    }

    /** The account types the imported journals declared: they choose a statement's sections as in hledger 1.25. */
    public dev.eventscope.domain.ledger.DeclaredAccountTypes declaredAccountTypes() {
        return RecordedImports.declaredAccountTypes(store);
    }

    /** The account types declared by the imports recorded at or before {@code upToPosition} ({@link Long#MAX_VALUE}: all). */
    public dev.eventscope.domain.ledger.DeclaredAccountTypes declaredAccountTypes(long upToPosition) {
        return RecordedImports.declaredAccountTypes(store, upToPosition);
    }

    /**
     * The display styles the journals imported at or before {@code upToPosition} ({@link Long#MAX_VALUE}: all) gave their
     * commodities: the places reports show them with, as hledger 1.25 does.
     */
    public dev.eventscope.domain.ledger.CommodityStyles commodityStyles(long upToPosition) {
        return RecordedImports.commodityStyles(store, upToPosition);
    }

    // histories

    public long lastPosition() {
        return store.lastPosition();
    }

    public List<StreamInfo> streams(StreamFilter filter) {
        return store.streams(filter);
    }

    public long streamVersion(StreamId stream) {
        return store.streamVersion(stream);
    }

    /** Up to {@code limit} events of {@code stream} from {@code fromVersion} on, in {@code direction}. */
    public List<RecordedEvent> readStream(StreamId stream, long fromVersion, Direction direction, int limit) {
        return store.readStream(stream, fromVersion, direction, limit);
    }

    public Optional<RecordedEvent> readAt(long position) {
        return store.readAt(position);
    }

    /** Every event after {@code afterPosition}, streamed; the caller closes the cursor. */
    public EventCursor readAll(long afterPosition) {
        return store.readAll(afterPosition);
    }

    /** A stream's versions, positions and recorded times, without reading its events' data. */
    public void streamStamps(StreamId stream, EventStore.StampSink sink) {
        store.streamStamps(stream, sink);
    }

    /**
     * The ledger's events through {@code position}, read-only, read as the ledger cut there would be: what a sandbox
     * reads its base through (the one read path of a ledger up to a position, shared with the report's).
     */
    public EventStore eventsThrough(long position) {
        return new dev.eventscope.eventstore.EventsThrough(store, position);
    }

    /** The latest snapshot of a stream at or below {@code maxVersion} with the given state schema version (as commands load them). */
    public Optional<dev.eventscope.eventstore.Snapshot> loadSnapshot(StreamId stream, long maxVersion, int stateSchemaVersion) {
        return store.loadSnapshot(stream, maxVersion, stateSchemaVersion);
    }

    /**
     * Whether this session (its commands, imports, seals) appended the event at {@code position}, rather than another
     * process writing the same ledger. Waits for the appends of this session begun before the call to return or fail
     * (however long that takes on a loaded machine): not on the UI thread.
     */
    public boolean appendedHere(long position) throws InterruptedException {
        return store.appendedHere(position);
    }

    /** Tells {@code listener} of new positions (appends by this or another process) until the returned handle is closed. */
    public AutoCloseable subscribe(AppendListener listener) {
        return store.subscribe(listener);
    }

    /** Every entry as an hledger journal, in order; returns the number of entries written. */
    public long exportJournal(Writer out) {
        return new JournalExporter(store, codec()).export(out);
    }

    /** Every market price recorded in the ledger, in the order recorded (reads the {@code prices} stream). */
    public dev.eventscope.domain.ledger.MarketPrices marketPrices() {
        return dev.eventscope.application.MarketPriceHistory.read(store, codec());
    }

    /**
     * The valuation of balances in the market prices recorded at or before {@code position} ({@code Long.MAX_VALUE}:
     * all of them), as hledger's {@code -X} / {@code -V} value them.
     */
    public dev.eventscope.domain.ledger.Valuation valuation(long position) {
        return new dev.eventscope.domain.ledger.Valuation(
                dev.eventscope.application.MarketPriceHistory.readThrough(store, codec(), position));
    }

    // projections and time travel

    /** Balances folded from position 1 with no read model, snapshot or checkpoint (works on any ledger, read-only too). */
    public FullReplay fullReplay() {
        return new FullReplay(store, codec());
    }

    /** The projection engine, opened (not caught up) on first call, which may do I/O: call it off the UI thread. */
    public Projections projections() {
        return readModels.projections();
    }

    /**
     * Opens the read models and catches them up, or waits for an opening under way (on a first open they are built, an
     * outdated one is rebuilt): a panel that asks them before the projections panel or the timeline opened them would
     * otherwise find the register stopped. Off the UI thread.
     */
    public void openReadModels() {
        readModels.projections().open(ProgressListener.NONE);
    }

    /** Time travel over the ledger, answering from the read models where it can (opened on first call). */
    public TimeTravel timeTravel() {
        return readModels.timeTravel();
    }

    /** The read models' queries (opening the read models on first call, off the UI thread). */
    public LedgerQueries queries() {
        return readModels.projections().readModels().ledgerQueries();
    }

    /** Balance sheets, income statements and trial balances of this ledger, with columns per period. */
    public LedgerStatements statements() {
        return new LedgerStatements(this);
    }

    /** Whether the read models were opened already (so reading them does no I/O of opening). */
    public boolean readModelsOpen() {
        return readModels.isOpen();
    }

    /** Where the read models are kept ("" until opened): the ledger file, or a cache file for a read-only ledger. */
    public String readModelsLocation() {
        return readModels.location();
    }

    // verification and reports

    /** The hash chain alone, from the first event to the last. */
    public IntegrityReport verifyChain() {
        return store.verify();
    }

    /** The quick check on opening: the remembered head must still be there; empty when it is. */
    public Optional<String> checkRememberedHead(LedgerVerifier verifier) {
        return verifier.checkRememberedHead(store);
    }

    /**
     * This machine's full verification (chain, remembered head, seals, snapshots, books, and the balances read models
     * kept for the ledger against its postings).
     */
    public LedgerVerification verify(LedgerVerifier verifier) {
        return verifier.verify(store, file, registers.get());
    }

    /** Verifies, then appends a seal of the verified head signed by {@code user}. */
    public LedgerSealer.Outcome seal(LedgerSealer sealer, String user) {
        return sealer.seal(store, file, user);
    }

    /** Writes a signed report of this ledger to {@code output}. */
    public SignedReportFile.Written writeReport(SignedReportFile writer, ReportRequest request, Path output, boolean replace,
                                                ReportProgress progress) {
        return writer.write(store, request, output, replace, List.of(file), progress);
    }

    /** Checks a report's signature and that it agrees with this ledger. */
    public ReportVerification verifyReport(ReportVerifier verifier, Path report) {
        return verifier.verify(report, store);
    }

    /**
     * The type an account was opened with (a journal's {@code type:} tag, or what its name says), read from
     * the account's first event; what its name says when the account has no opening event.
     */
    public dev.eventscope.domain.ledger.AccountType accountType(String account) {
        return fullReplay().accountType(account);
    }

    // the auditor's workbench

    /** Every event in order, for the journal-entry tests. */
    public dev.eventscope.audit.tests.LedgerEventSource events() {
        return store::readAll;
    }

    /** Opens this ledger's search index (kept in {@code indexDirectory}, outside the ledger); close it when done. */
    public dev.eventscope.projection.search.LedgerSearch openSearch(Path indexDirectory) {
        return openSearch(indexDirectory, dev.eventscope.projection.search.IndexingProgress.NONE);
    }

    /** As {@link #openSearch(Path)}; {@code upgrade} hears how far the upgrade of an index of an older Eventscope is. */
    public dev.eventscope.projection.search.LedgerSearch openSearch(Path indexDirectory,
                                                                    dev.eventscope.projection.search.IndexingProgress upgrade) {
        return readModels.openSearch(indexDirectory, upgrade);
    }

    /** The position of the event a finding points at (see {@link dev.eventscope.audit.ReportWorkbench#positionOf}). */
    public long positionOf(dev.eventscope.audit.findings.FindingTarget target) {
        return dev.eventscope.audit.ReportWorkbench.positionOf(store, target);
    }

    private synchronized dev.eventscope.codec.EventCodec codec() {
        if (codec == null) {
            codec = BookkeepingCodec.create();
        }
        return codec;
    }

    /** Closes the read models, then the store. */
    @Override
    public void close() {
        try {
            readModels.close();
        } finally {
            store.close();
        }
    }
}
