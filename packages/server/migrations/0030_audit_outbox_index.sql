-- Issue 8, eight writers on PostgreSQL (D176). The outbox is a queue: every row is inserted once and
-- deleted once, so its heap is mostly dead rows until a vacuum (PostgreSQL's autovacuum every minute or
-- so; the embedded database's daily job). The chainer found its rows by scanning that heap: the
-- existence check (`EXISTS (SELECT 1 FROM audit_outbox)`) and the DELETE (a hash join over the whole
-- table) each read every dead row still there, every 200 ms, while the writers kept adding more.
-- The chainer now reads the outbox only through its primary key, in id order: the rows it takes and
-- the check that there are any. An index entry of a dead row is marked dead the first time a scan
-- meets it, so later scans step over it.
--
-- The guard against changing or removing waiting bodies moves from each row to each statement: a
-- DELETE or UPDATE statement is refused unless it is the chainer's own, as before, but the check runs
-- once per statement instead of once per row taken (≈ 5 µs an event).
CREATE OR REPLACE FUNCTION audit_chain_outbox(max_rows integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  bodies text[];
BEGIN
  PERFORM 1 FROM audit_outbox o ORDER BY o.id LIMIT 1;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  -- One chainer at a time on every node: the chain never forks.
  PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
  PERFORM set_config('baomi.audit_chaining', 'on', true);
  WITH taken AS (
    DELETE FROM audit_outbox
     WHERE id = ANY (ARRAY(SELECT o.id FROM audit_outbox o ORDER BY o.id LIMIT max_rows))
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

DROP TRIGGER audit_outbox_no_change ON audit_outbox;
CREATE TRIGGER audit_outbox_no_change BEFORE UPDATE OR DELETE ON audit_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION audit_outbox_guard();
