import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@baomi/server/db/db.ts';
import { migrate } from '@baomi/server/db/migrate.ts';
import { seedFromTemplate } from '@baomi/server/db/template.ts';
import { eventBody, SYSTEM_ACTOR } from '@baomi/server/audit/chain.ts';

const dir = mkdtempSync(join(tmpdir(), 'micro-'));
const pgDir = join(dir, 'pg');
seedFromTemplate(pgDir);
if (process.env.OFF) process.env.BAOMI_PGLITE_FSYNC = 'off';
const db = await openDb({ dataDir: pgDir });
await migrate(db);
const org = (await db.query<{ id: string }>("INSERT INTO org (name, level, kind) VALUES ('bench', 'city', 'party_gov') RETURNING id")).rows[0]!.id;
await db.query('CREATE TABLE IF NOT EXISTS ob (id bigserial primary key, bodies text[] not null)');
await db.query(`CREATE TABLE ev2 (seq bigint primary key, payload text not null, prev_hash text not null, hash text not null)`);
await db.query(`CREATE TABLE ev3 (LIKE audit_event INCLUDING GENERATED INCLUDING CONSTRAINTS)`);
await db.query(`CREATE TABLE ev4 (seq bigint primary key, payload text not null, prev_hash text not null, hash text not null, at timestamptz, actor_class text, action text, object_type text, object_id text)`);
await db.query(`CREATE INDEX ON ev4 USING brin (at)`);
await db.query(`CREATE INDEX ON ev4 (actor_class, seq)`);
await db.query(`CREATE INDEX ON ev4 (object_type, object_id)`);
await db.query(`CREATE INDEX ON ev4 (action, seq)`);
await db.query(`CREATE TABLE ev5 (seq bigint primary key, payload text not null CHECK (left(payload, length(seq::text) + 2) = '[' || seq::text || ','), prev_hash text not null, hash text not null, at timestamptz not null, actor_id uuid, actor_name text not null, actor_class text not null CHECK (actor_class IN ('sysadmin', 'secadmin', 'auditor', 'user', 'system')), action text not null, object_type text, object_id text)`);
await db.query(`CREATE INDEX ON ev5 USING brin (at)`);
await db.query(`CREATE INDEX ON ev5 (actor_class, seq)`);
await db.query(`CREATE INDEX ON ev5 (object_type, object_id)`);
await db.query(`CREATE INDEX ON ev5 (action, seq)`);
await db.query(`CREATE FUNCTION ev5_derive() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE j jsonb := NEW.payload::jsonb;
BEGIN
  NEW.at := to_timestamp((j ->> 1)::bigint / 1000.0); NEW.actor_id := (j ->> 2)::uuid; NEW.actor_name := j ->> 3;
  NEW.actor_class := j ->> 4; NEW.action := j ->> 7; NEW.object_type := j ->> 8; NEW.object_id := j ->> 9;
  RETURN NEW;
END $$`);
await db.query(`CREATE TRIGGER ev5_derive BEFORE INSERT ON ev5 FOR EACH ROW EXECUTE FUNCTION ev5_derive()`);
await db.query(`CREATE FUNCTION ap_trig(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    prev := encode(public.digest(prev || E'\\n' || p, 'sm3'), 'hex');
    INSERT INTO ev5 (seq, payload, prev_hash, hash, at, actor_name, actor_class, action) VALUES (s, p, prev, prev, now(), '', 'system', '');
  END LOOP;
  UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  RETURN s; END $$`);
await db.query(`CREATE TABLE ev6 (seq bigint PRIMARY KEY,
  payload text NOT NULL CHECK (left(payload, length(seq::text) + 2) = '[' || seq::text || ','),
  prev_hash text NOT NULL, hash text NOT NULL,
  at timestamptz NOT NULL GENERATED ALWAYS AS (to_timestamp(((payload::json) ->> 1)::bigint / 1000.0)) STORED,
  actor_id uuid GENERATED ALWAYS AS (((payload::json) ->> 2)::uuid) STORED,
  actor_name text NOT NULL GENERATED ALWAYS AS ((payload::json) ->> 3) STORED,
  actor_class text NOT NULL GENERATED ALWAYS AS ((payload::json) ->> 4) STORED CHECK (actor_class IN ('sysadmin', 'secadmin', 'auditor', 'user', 'system')),
  action text NOT NULL GENERATED ALWAYS AS ((payload::json) ->> 7) STORED,
  object_type text GENERATED ALWAYS AS ((payload::json) ->> 8) STORED,
  object_id text GENERATED ALWAYS AS ((payload::json) ->> 9) STORED)`);
await db.query(`CREATE INDEX ON ev6 USING brin (at)`);
await db.query(`CREATE INDEX ON ev6 (actor_class, seq)`);
await db.query(`CREATE INDEX ON ev6 (object_type, object_id)`);
await db.query(`CREATE INDEX ON ev6 (action, seq)`);
await db.query(`CREATE FUNCTION ap_json(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    prev := encode(public.digest(prev || E'\\n' || p, 'sm3'), 'hex');
    INSERT INTO ev6 (seq, payload, prev_hash, hash) VALUES (s, p, prev, prev);
  END LOOP;
  UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  RETURN s; END $$`);
await db.query(`CREATE TABLE h2 (id int primary key, seq bigint, hash text)`);
await db.query(`INSERT INTO h2 VALUES (1, 0, repeat('0',64))`);
await db.query(`CREATE FUNCTION ap_nohead(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1 FOR UPDATE;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    INSERT INTO ev2 (seq, payload, prev_hash, hash) VALUES (s, p, prev, encode(public.digest(prev || E'\n' || p, 'sm3'), 'hex')) RETURNING hash INTO prev;
    UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  END LOOP; RETURN s; END $$`);
await db.query(`CREATE FUNCTION ap_gen(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1 FOR UPDATE;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    INSERT INTO ev3 (seq, payload, prev_hash, hash) VALUES (s, p, prev, encode(public.digest(prev || E'\\n' || p, 'sm3'), 'hex')) RETURNING hash INTO prev;
    UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  END LOOP; RETURN s; END $$`);
await db.query(`CREATE FUNCTION ap_idx(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1 FOR UPDATE;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    INSERT INTO ev4 (seq, payload, prev_hash, hash, at, actor_class, action, object_type, object_id) VALUES (s, p, prev, encode(public.digest(prev || E'\\n' || p, 'sm3'), 'hex'), now(), 'system', 'department.create', 'department', s::text) RETURNING hash INTO prev;
    UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  END LOOP; RETURN s; END $$`);
await db.query(`CREATE FUNCTION ap_old(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM public.audit_head h WHERE h.id = 1 FOR UPDATE;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    INSERT INTO public.audit_event (seq, payload, prev_hash, hash) VALUES (s, p, prev, encode(public.digest(prev || E'\\n' || p, 'sm3'), 'hex')) RETURNING hash INTO prev;
    UPDATE public.audit_head SET seq = s, hash = prev WHERE id = 1;
  END LOOP; RETURN s; END $$`);
await db.query(`CREATE FUNCTION ap_min(bodies text[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE s bigint; prev text; p text; b text;
BEGIN
  SELECT h.seq, h.hash INTO s, prev FROM h2 h WHERE h.id = 1 FOR UPDATE;
  FOREACH b IN ARRAY bodies LOOP
    s := s + 1; p := '[' || s || ',' || substr(b, 2);
    prev := encode(public.digest(prev || E'\n' || p, 'sm3'), 'hex');
    UPDATE h2 SET seq = s, hash = prev WHERE id = 1;
  END LOOP; RETURN s; END $$`);
let serial = 0;
const variants: Record<string, (sql: any, id: string, name: string) => Promise<void>> = {
  base: async () => {},
  select1: async (sql) => { await sql.query('SELECT 1'); },
  append: async (sql, id, name) => { await sql.query('SELECT audit_append($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  plain: async (sql, id, name) => { await sql.query('SELECT ap_nohead($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  min: async (sql, id, name) => { await sql.query('SELECT ap_min($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  ap_gen: async (sql, id, name) => { await sql.query('SELECT ap_gen($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  ap_idx: async (sql, id, name) => { await sql.query('SELECT ap_idx($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  ap_trig: async (sql, id, name) => { await sql.query('SELECT ap_trig($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  ap_json: async (sql, id, name) => { await sql.query('SELECT ap_json($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  ap_old: async (sql, id, name) => { await sql.query('SELECT ap_old($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
  outbox: async (sql, id, name) => { await sql.query('INSERT INTO ob (bodies) VALUES ($1::text[])', [[eventBody(new Date(), SYSTEM_ACTOR, { action: 'department.create', objectType: 'department', objectId: id, summary: { name } })]]); },
};
const write = (v: string) => db.tx(async (sql) => {
  const name = `x${++serial}`;
  await sql.query('SELECT id, name, parent_id, level, kind, created_at FROM org WHERE id = $1', [org]);
  const { rows: r } = await sql.query<{ id: string }>('INSERT INTO department (org_id, name) VALUES ($1, $2) RETURNING id', [org, name]);
  await variants[v]!(sql, r[0]!.id, name);
  await sql.query('SELECT id, org_id, name, parent_id FROM department WHERE id = $1', [r[0]!.id]);
});
for (let i = 0; i < 300; i++) await write(Object.keys(variants)[i % 10]!);
const res: Record<string, number[]> = {};
for (let round = 0; round < 5; round++) for (const v of Object.keys(variants)) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < 300; i++) await write(v);
  const c = process.cpuUsage(c0);
  (res[v] ??= []).push((c.user + c.system) / 300);
}
for (const [k, xs] of Object.entries(res)) { xs.sort((a, b) => a - b); console.log(k, xs.map((x) => x.toFixed(0)).join(' ')); }
await db.close(); rmSync(dir, { recursive: true, force: true });
