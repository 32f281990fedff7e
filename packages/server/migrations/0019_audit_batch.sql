-- R-SYS-03: a batch of audit events is chained with one INSERT and one move of the head (D68).
-- audit_append (0009) inserted and moved the head once per event: a chainer taking a thousand committed
-- transactions from the outbox paid a thousand statements of each. The hashes are still computed one
-- after the other (each covers the previous one), into arrays; the events then go in with one INSERT,
-- and the head moves once, to the last of them.
CREATE OR REPLACE FUNCTION audit_append(bodies text[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  s bigint;
  prev text;
  p text;
  n integer := coalesce(cardinality(bodies), 0);
  seqs bigint[] := '{}';
  payloads text[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM public.audit_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit head missing: database not migrated';
  END IF;
  IF n = 0 THEN
    RETURN s;
  END IF;
  FOR i IN 1..n LOOP
    s := s + 1;
    p := '[' || s || ',' || substr(bodies[i], 2);
    seqs[i] := s;
    payloads[i] := p;
    prevs[i] := prev;
    prev := encode(public.digest(prev || E'\n' || p, 'sm3'), 'hex');
    hashes[i] := prev;
  END LOOP;
  IF n = 1 THEN
    INSERT INTO public.audit_event (seq, payload, prev_hash, hash) VALUES (s, p, prevs[1], prev);
  ELSE
    INSERT INTO public.audit_event (seq, payload, prev_hash, hash)
      SELECT * FROM unnest(seqs, payloads, prevs, hashes);
  END IF;
  UPDATE public.audit_head SET seq = s, hash = prev WHERE id = 1;
  RETURN s;
END $$;

-- The head only moves forward (it moved by exactly one event at a time before; a batch now moves it
-- once). Where it lands is checked by verification, which names a head that does not match the events.
CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'R-SYS-03: the audit head cannot be removed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.seq <= OLD.seq THEN
    RAISE EXCEPTION 'R-SYS-03: the audit head only moves forward'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
