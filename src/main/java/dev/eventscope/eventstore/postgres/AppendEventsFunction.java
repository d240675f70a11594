package dev.eventscope.eventstore.postgres;

/** The ledger's PL/pgSQL function {@code append_events}, created with the ledger ({@link PostgresSchema}). */
final class AppendEventsFunction {

    private AppendEventsFunction() {
    }

    /**
     * The whole of one append in one call, so that a single-command append is one round trip (and, with
     * autocommit, its own transaction): take the head lock, look up stored event ids and the streams,
     * check the expected versions, create new streams, stamp the recorded time
     * ({@code max(clock or the server's clock, head)}), chain the hashes with the canonical encoding of
     * {@code EventHashChain} (docs/hash-chain.md; {@code hash_field} is its string field), insert the
     * events and move the streams and the head. Each statement after the lock sees every append
     * committed before it (READ COMMITTED takes a new snapshot per statement). It writes only when every
     * check passes and returns what the client needs to decide: {@code S} rows (each stream's key and
     * version before), {@code E} rows (event ids stored already, with position and their stream's
     * version), {@code W} (written: first position, recorded time) or {@code L} (the head row is gone).
     */
    static String create(String s) {
        return "CREATE FUNCTION " + s + "append_events(stream_ids text[], categories text[], expected bigint[],"
                + " event_streams integer[], event_ids text[], types text[], schema_versions integer[], payloads text[],"
                + " users text[], correlation_ids text[], causation_ids text[], command_names text[], clock_micros bigint)"
                + " RETURNS TABLE (kind text, stream text, number bigint, stream_version bigint, event text)"
                + " LANGUAGE plpgsql SET search_path = pg_catalog SET plan_cache_mode = force_generic_plan"
                + " SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$"
                + " DECLARE head_position bigint; head_hash bytea; previous bytea; head_recorded bigint; server_micros bigint;"
                + "  stamp bigint; keys bigint[]; versions bigint[]; moved bigint[]; hashes bytea[] := '{}'; any_stored boolean;"
                + "  tag bytea := " + s + "hash_field('eventscope/event/v1'); j integer;"
                + " BEGIN"
                + "  SELECT h.position, h.hash, h.recorded_at, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint"
                + "   INTO head_position, head_hash, head_recorded, server_micros FROM " + s + "ledger_head h WHERE h.id = 1 FOR UPDATE;"
                + "  IF NOT FOUND THEN RETURN QUERY SELECT 'L', NULL::text, NULL::bigint, NULL::bigint, NULL::text; RETURN; END IF;"
                // a head moved back outside Eventscope (schema version 3 has no trigger against it): the events after it
                // stay, so write nothing and say where the head and the last event are
                + "  IF EXISTS (SELECT FROM " + s + "events e WHERE e.position > head_position) THEN"
                + "   RETURN QUERY SELECT 'B', NULL::text, (SELECT max(e.position) FROM " + s + "events e), head_position, NULL::text;"
                + "   RETURN;"
                + "  END IF;"
                // a new snapshot: every append committed before the lock was taken is seen from here on
                + "  SELECT array_agg(coalesce(t.stream_key, 0) ORDER BY a.i), array_agg(coalesce(t.version, 0) ORDER BY a.i),"
                + "   EXISTS (SELECT FROM " + s + "events e WHERE e.event_id = ANY (event_ids))"
                + "   INTO keys, versions, any_stored FROM unnest(stream_ids) WITH ORDINALITY AS a (id, i)"
                + "   LEFT JOIN " + s + "streams t ON t.stream_id = a.id;"
                + "  IF any_stored THEN"
                + "   RETURN QUERY SELECT 'E', t.stream_id::text, e.position, t.version, e.event_id::text FROM " + s + "events e"
                + "    JOIN " + s + "streams t ON t.stream_key = e.stream_key WHERE e.event_id = ANY (event_ids)"
                + "    UNION ALL SELECT 'S', a.id, a.k, a.v, NULL FROM unnest(stream_ids, keys, versions) AS a (id, k, v);"
                + "   RETURN;"
                + "  END IF;"
                + "  FOR i IN 1 .. coalesce(array_length(stream_ids, 1), 0) LOOP"
                + "   IF NOT (expected[i] = -1 OR (expected[i] = -2 AND versions[i] > 0) OR versions[i] = expected[i]) THEN"
                + "    RETURN QUERY SELECT 'S', a.id, a.k, a.v, NULL FROM unnest(stream_ids, keys, versions) AS a (id, k, v);"
                + "    RETURN;"
                + "   END IF;"
                + "  END LOOP;"
                + "  stamp := greatest(coalesce(clock_micros, server_micros), head_recorded);"
                + "  previous := CASE WHEN head_position = 0 THEN decode(repeat('00', 32), 'hex') ELSE head_hash END;"
                + "  head_hash := previous;"
                + "  moved := versions;"
                + "  FOR i IN 1 .. coalesce(array_length(event_ids, 1), 0) LOOP"
                + "   j := event_streams[i];"
                + "   moved[j] := moved[j] + 1;"
                + "   previous := sha256(previous || tag || " + s + "hash_field(event_ids[i]) || " + s + "hash_field(stream_ids[j])"
                + "    || int8send(moved[j]) || " + s + "hash_field(types[i]) || int4send(schema_versions[i]) || int8send(stamp)"
                + "    || " + s + "hash_field(users[i]) || " + s + "hash_field(correlation_ids[i]) || " + s + "hash_field(causation_ids[i])"
                + "    || " + s + "hash_field(command_names[i]) || " + s + "hash_field(payloads[i]));"
                + "   hashes[i] := previous;"
                + "  END LOOP;"
                // one statement writes it all; a new stream is inserted with its final version, the others are updated
                + "  RETURN QUERY WITH e AS (SELECT e.*, head_position + e.i AS position,"
                + "    versions[e.s] + row_number() OVER (PARTITION BY e.s ORDER BY e.i) AS version"
                + "    FROM unnest(event_streams, event_ids, types, schema_versions, payloads, users, correlation_ids, causation_ids,"
                + "     command_names, hashes) WITH ORDINALITY AS e (s, id, t, sv, d, u, co, ca, cm, h, i)),"
                + "   moves AS (SELECT a.i, a.id, a.c, a.k, m.version, m.position FROM unnest(stream_ids, categories, keys)"
                + "    WITH ORDINALITY AS a (id, c, k, i) JOIN (SELECT e.s, max(e.version) AS version, max(e.position) AS position"
                + "    FROM e GROUP BY e.s) m ON m.s = a.i),"
                + "   created AS (INSERT INTO " + s + "stream_names (stream_id, category)"
                + "    SELECT m.id, m.c FROM moves m WHERE m.k = 0 RETURNING stream_key, stream_id),"
                + "   inserted AS (INSERT INTO " + s + "events (position, event_id, stream_key, version, type, schema_version, data,"
                + "    user_name, correlation_id, causation_id, command_name, recorded_at, prev_hash, hash)"
                + "    SELECT e.position, e.id, coalesce(c.stream_key, m.k), e.version, e.t, e.sv, e.d, e.u, e.co, e.ca, e.cm, stamp,"
                + "     CASE WHEN e.i = 1 THEN head_hash ELSE hashes[e.i - 1] END, e.h"
                + "    FROM e JOIN moves m ON m.i = e.s LEFT JOIN created c ON c.stream_id = m.id),"
                + "   head AS (UPDATE " + s + "ledger_head h SET position = head_position + coalesce(array_length(event_ids, 1), 0),"
                + "    hash = previous, recorded_at = stamp WHERE h.id = 1 AND array_length(event_ids, 1) > 0)"
                + "   SELECT 'S', a.id, a.k, a.v, NULL FROM unnest(stream_ids, keys, versions) AS a (id, k, v)"
                + "   UNION ALL SELECT 'W', NULL, head_position + 1, stamp, NULL WHERE array_length(event_ids, 1) > 0;"
                + "  IF array_length(event_ids, 1) > 0 THEN"
                + "   PERFORM " + PostgresSchema.announce(s.substring(0, s.length() - 1), "head_position + array_length(event_ids, 1)") + ";"
                + "  END IF;"
                + " END $$";
    }
}
