// The training part's demo seed (R-PER-04, R-PER-05, R-PER-07): for the classified persons of the demo
// organisation, sessions with gaps, last year's assessments, one reviewed and one pending major matter;
// nothing when nobody holds a post yet; once only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { todayInChina } from '../kit/today.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemoTraining } from './training.demo.ts';
import { trainingShortfallPersonIds } from './training.service.ts';

describe('training demo seed', () => {
  let t: TestApp;
  let orgId: string;
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  before(async () => {
    t = await createTestApp();
    const sys = await t.admin('sysadmin');
    orgId = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市发展和改革委员会',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).body.id;
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '保密办公室' }))
      .body.id;
    const officer = await t.member(orgId, dept, ['secrecy_officer'], 'secret');
    const site = (
      await t.db.query<{ id: string }>(
        `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
         VALUES ($1, '机要室', 'location', $2, 'secret', $3) RETURNING id`,
        [orgId, dept, officer.personId],
      )
    ).rows[0]!.id;
    const people = [officer.personId];
    for (let i = 0; i < 11; i++) people.push((await t.member(orgId, dept, ['staff'], 'secret')).personId);
    // Nobody in a post yet: nothing seeded, and the seed stays to be run.
    await seedDemoTraining(t.db);
    assert.equal(await count('personnel_training_session'), 0);
    for (const [i, pid] of people.entries())
      await t.db.query(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, key_site_id, since, created_by_person_id)
         VALUES ($1, $2, '涉密岗位', $3, $4, '2019-05-01', $5)`,
        [orgId, pid, i % 3 === 0 ? 'important' : 'general', i % 4 === 1 ? site : null, officer.personId],
      );
  });
  after(() => t.close());

  test('R-PER-04 R-PER-05 R-PER-07 sessions with gaps, assessments, a pending matter; idempotent', async () => {
    await seedDemoTraining(t.db);
    const sessions = await count('personnel_training_session');
    assert.ok(sessions >= 3, `sessions ${sessions}`);
    assert.ok((await count('personnel_assessment')) > 0);
    const pending = await t.db.query(`SELECT 1 FROM personnel_matter WHERE status = 'pending'`);
    assert.equal(pending.rowCount, 1);
    const short = await trainingShortfallPersonIds(t.db, orgId, Number(todayInChina().slice(0, 4)));
    assert.ok(short.length > 0 && short.length < 12, `short ${short.length}`);
    await seedDemoTraining(t.db);
    assert.equal(await count('personnel_training_session'), sessions);
  });
});
