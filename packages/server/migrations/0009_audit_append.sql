-- R-SYS-03: a transaction's audit events are chained in one statement just before its COMMIT
-- (audit/chain.ts), with SM3 computed by the database (pgcrypto's digest). The head row is locked only
-- from that statement to the COMMIT, so concurrent writers no longer queue behind each other's whole
-- transaction. Verification still recomputes every hash with Node's SM3: two implementations agree.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
  PERFORM digest('', 'sm3');
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION 'Baomi needs SM3 in the database (pgcrypto on an OpenSSL with SM3) / 数据库的 pgcrypto 不支持 SM3: %', SQLERRM;
END $$;

-- bodies: each event's canonical JSON array without its sequence number ([atMs, actorId, …]).
CREATE FUNCTION audit_append(bodies text[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
  prev text;
  p text;
  b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM public.audit_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit head missing: database not migrated';
  END IF;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1;
    p := '[' || s || ',' || substr(b, 2);
    INSERT INTO public.audit_event (seq, payload, prev_hash, hash)
      VALUES (s, p, prev, encode(public.digest(prev || E'\n' || p, 'sm3'), 'hex'))
      RETURNING hash INTO prev;
    -- One event at a time: the head's guard lets it move forward by exactly one (0001).
    UPDATE public.audit_head SET seq = s, hash = prev WHERE id = 1;
  END LOOP;
  RETURN s;
END $$;
