#!/usr/bin/env python3
"""Measurement only: writes copies of SqliteAppender.java and AppendProbe.java with the writer thread's CPU taken per
phase (PhaseClock) into OUT. Usage: timed-overlay.py REPO OUT (docs/benchmarks-store.md, "Session 20 (append)")."""
import sys, pathlib
repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
s = (repo / 'src/main/java/dev/eventscope/eventstore/sqlite/SqliteAppender.java').read_text()
def rep(a, b):
    global s
    if s.count(a) != 1:
        sys.exit('SqliteAppender.java changed; cannot place the timer before: ' + a.strip().splitlines()[0])
    s = s.replace(a, b)
rep("""    void begin() throws SQLException {
        control.execute("BEGIN IMMEDIATE");""", """    void begin() throws SQLException {
        long t0 = PhaseClock.now();
        try { begin0(); } finally { PhaseClock.NANOS[0] += PhaseClock.now() - t0; PhaseClock.NANOS[PhaseClock.NANOS.length - 1]++; }
    }

    void begin0() throws SQLException {
        control.execute("BEGIN IMMEDIATE");""")
rep("""    void commit() throws SQLException {
        writeHead();
        control.execute("COMMIT");""", """    void commit() throws SQLException {
        long t0 = PhaseClock.now();
        writeHead();
        long t1 = PhaseClock.now();
        control.execute("COMMIT");
        long t2 = PhaseClock.now();
        PhaseClock.NANOS[6] += t1 - t0;
        PhaseClock.NANOS[7] += t2 - t1;
        try { commitRest(); } finally { PhaseClock.NANOS[8] += PhaseClock.now() - t2; }
    }

    private void commitRest() throws SQLException {""")
rep("""    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        IdempotentRetry.requireDistinctStreams(appends);""", """    AppendResult append(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        long r0 = PhaseClock.now();
        IdempotentRetry.requireDistinctStreams(appends);
        PhaseClock.NANOS[9] += PhaseClock.now() - r0;""")
rep("""    private AppendResult appendInTransaction(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        lastAppend.clear();""", """    private AppendResult appendInTransaction(List<StreamAppend> appends) throws ConcurrencyConflict, SQLException {
        long t0 = PhaseClock.now();
        lastAppend.clear();""")
rep("""        long position;
        byte[] previousHash;
        long lastRecordedAt;
        if (head != null) {""", """        long t1 = PhaseClock.now();
        PhaseClock.NANOS[1] += t1 - t0;
        long position;
        byte[] previousHash;
        long lastRecordedAt;
        if (head != null) {""")
rep("""        long recordedAt = Math.max(IdempotentRetry.micros(clock.instant()), lastRecordedAt);""", """        long t2 = PhaseClock.now();
        PhaseClock.NANOS[2] += t2 - t1;
        long recordedAt = Math.max(IdempotentRetry.micros(clock.instant()), lastRecordedAt);""")
rep("""        if (!positions.isEmpty()) {
            try {
                insertEvent.executeBatch();""", """        long t3 = PhaseClock.now();
        PhaseClock.NANOS[4] += t3 - t2;
        if (!positions.isEmpty()) {
            try {
                insertEvent.executeBatch();
                PhaseClock.NANOS[5] += PhaseClock.now() - t3;
                PhaseClock.NANOS[10] -= PhaseClock.now() - t3;""")
rep("""        lastAppend.written();
        return new AppendResult(positions, versions, false);""", """        lastAppend.written();
        AppendResult timedResult = new AppendResult(positions, versions, false);
        PhaseClock.NANOS[10] += PhaseClock.now() - t3;
        return timedResult;""")
target = out / 'dev/eventscope/eventstore/sqlite'
target.mkdir(parents=True, exist_ok=True)
(target / 'SqliteAppender.java').write_text(s)
p = (repo / 'bench/append-pairs/AppendProbe.java').read_text()
a = """                store.appendAll(appends);"""
if p.count(a) != 1 or p.count("for (int first = 0; first < events; first += 1_000) {") != 1:
    sys.exit('AppendProbe.java changed')
p = p.replace("for (int first = 0; first < events; first += 1_000) {", """for (int first = 0; first < events; first += 1_000) {
                long h0 = dev.eventscope.eventstore.sqlite.PhaseClock.now();""")
p = p.replace(a, """                dev.eventscope.eventstore.sqlite.PhaseClock.NANOS[11] += dev.eventscope.eventstore.sqlite.PhaseClock.now() - h0;
""" + a)
(out / 'AppendProbe.java').write_text(p)
