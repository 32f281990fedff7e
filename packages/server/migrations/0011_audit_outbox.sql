-- R-SYS-03 on a PostgreSQL server: a writing transaction no longer chains its audit events itself.
-- It inserts their bodies into audit_outbox with its change (an event exists iff its change committed)
-- and commits without touching the head; one chainer at a time (the head row lock, on every node)
-- moves the committed bodies into the chain moments later (audit/chain.ts, D51). The head lock is
-- therefore never held across a writer's COMMIT, and concurrent writers commit together. The embedded
-- database has one connection and keeps chaining just before COMMIT (audit_append, migration 0009).
CREATE TABLE audit_outbox (
  id bigserial PRIMARY KEY,
  -- one committed transaction's events, in order: each event's canonical JSON without its sequence
  -- number, as audit_append takes them (one row per transaction keeps its events together in the chain)
  bodies text[] NOT NULL CHECK (cardinality(bodies) BETWEEN 1 AND 100000),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Bodies waiting in the outbox cannot be changed, and leave it only into the chain.
CREATE FUNCTION audit_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('baomi.audit_chaining', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'R-SYS-03: audit events waiting to be chained cannot be changed or removed'
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_outbox_no_change BEFORE UPDATE OR DELETE ON audit_outbox
  FOR EACH ROW EXECUTE FUNCTION audit_outbox_guard();
CREATE TRIGGER audit_outbox_no_truncate BEFORE TRUNCATE ON audit_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION audit_outbox_guard();

-- Chains the events of up to max_rows committed transactions, oldest first, and returns how many events. SECURITY DEFINER: the
-- runtime role may only insert into the outbox (db/roles.ts); taking bodies out is this function's alone.
CREATE FUNCTION audit_chain_outbox(max_rows integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  bodies text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_outbox) THEN
    RETURN 0;
  END IF;
  -- One chainer at a time on every node: the chain never forks.
  PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
  PERFORM set_config('baomi.audit_chaining', 'on', true);
  WITH taken AS (
    DELETE FROM audit_outbox
     WHERE id IN (SELECT o.id FROM audit_outbox o ORDER BY o.id LIMIT max_rows)
    RETURNING id, audit_outbox.bodies
  )
  SELECT array_agg(e.body ORDER BY t.id, e.n) INTO bodies
    FROM taken t, unnest(t.bodies) WITH ORDINALITY AS e(body, n);
  PERFORM set_config('baomi.audit_chaining', 'off', true);
  IF bodies IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM audit_append(bodies);
  RETURN cardinality(bodies);
END $$;
