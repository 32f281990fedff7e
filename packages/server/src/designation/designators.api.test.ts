// Designators over HTTP (R-DES-04, R-DES-05): the statutory designator appoints (letter, unexpired
// certificate, vetting), appointed ones cannot; A/B roles; absences recorded by the person or the
// secrecy officer; "may this designator decide on that day, and in which role".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { day, fixtures, type Member, type Reason, TODAY, UNKNOWN } from './fixtures.ts';

type Designator = {
  personId: string;
  name: string;
  kind: string;
  role: string;
  partnerPersonId: string | null;
  appointedByPersonId: string | null;
  certificateValidUntil: string | null;
  absences: { id: string; from: string; to: string }[];
};
type Decide = { allowed: boolean; actingRole: string; kind: string; date: string; reasons: Reason[] };
type Absence = {
  id: string;
  personId: string;
  reason: string;
  from: string;
  to: string;
  cancelledAt: string | null;
};

describe('designators (R-DES-04, R-DES-05)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  const o = { C: '', X: '' };
  let head: Member; // leader + designator: the statutory designator
  let leaderOnly: Member;
  let officer: Member;
  let a: Member;
  let b: Member;
  let staff: Member;
  let stranger: Member; // statutory designator of another organisation
  let n = 0;

  const appointment = (personId: string, extra: Record<string, unknown> = {}) => ({
    personId,
    role: 'A',
    letterRef: `定密责任人授权书〔2026〕${++n}号`,
    certificateNumber: `DM-${n}`,
    certificateValidUntil: day(365),
    vetted: true,
    ...extra,
  });
  const appoint = (by: Member, body: Record<string, unknown>) =>
    by.client.post<Designator>('/api/designation/designators', body);
  const decide = (by: Member, personId: string, date?: string) =>
    by.client.get<Decide>(
      `/api/designation/designators/${personId}/may-decide${date ? `?date=${date}` : ''}`,
    );
  const absent = (by: Member, personId: string, body: Record<string, unknown>) =>
    by.client.post<Absence>(`/api/designation/designators/${personId}/absences`, body);
  const list = async (by: Member) => {
    const r = await by.client.get<{ items: Designator[] }>('/api/designation/designators');
    assert.equal(r.status, 200, r.raw);
    return r.body.items;
  };
  const rolesOf = async (personId: string) =>
    (
      await t.db.query<{ role: string }>('SELECT role FROM person_role WHERE person_id = $1 ORDER BY role', [
        personId,
      ])
    ).rows.map((r) => r.role);

  before(async () => {
    t = await createTestApp();
    f = fixtures(t);
    o.C = await f.org('city', 'party_gov');
    o.X = await f.org('city', 'party_gov');
    head = await f.member(o.C, ['leader', 'designator']);
    leaderOnly = await f.member(o.C, ['leader']);
    officer = await f.member(o.C, ['secrecy_officer']);
    a = await f.member(o.C, ['staff']);
    b = await f.member(o.C, ['staff']);
    staff = await f.member(o.C, ['staff']);
    stranger = await f.member(o.X, ['leader', 'designator']);
  });
  after(() => t.close());

  test('R-DES-04 the head holding leader + designator is the statutory designator, listed without any procedure', async () => {
    const items = await list(staff);
    assert.deepEqual(
      items.map((d) => [d.personId, d.kind, d.role]),
      [[head.personId, 'statutory', 'A']],
    );
    const r = await decide(staff, head.personId);
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(
      [r.body.allowed, r.body.actingRole, r.body.kind, r.body.date],
      [true, 'A', 'statutory', TODAY],
    );
    assert.equal(r.body.reasons[0]!.code, 'statutory_designator');
  });

  test('R-DES-04 the statutory designator appoints: role designator granted in the same transaction, one audit event', async () => {
    assert.deepEqual(await rolesOf(a.personId), ['staff']);
    const { body: d, event } = await f.changed(
      () => appoint(head, appointment(a.personId)),
      201,
      'designation.designator.appoint',
    );
    assert.deepEqual(
      [d.personId, d.kind, d.role, d.appointedByPersonId],
      [a.personId, 'appointed', 'A', head.personId],
    );
    assert.deepEqual(await rolesOf(a.personId), ['designator', 'staff']);
    assert.deepEqual(
      [event.objectType, event.objectId, event.summary.roleGranted],
      ['person', a.personId, true],
    );
    // The appointee's session sees the new role at once (the person_role trigger drops session caches).
    const me = await a.client.get<{ me: { person: { roles: string[] } } }>('/api/auth/me');
    assert.ok(me.body.me.person.roles.includes('designator'), me.raw);
    assert.deepEqual(
      (await list(staff)).map((x) => [x.personId, x.kind]),
      [
        [head.personId, 'statutory'],
        [a.personId, 'appointed'],
      ],
    );
  });

  test('R-DES-04 an appointed designator cannot appoint others (403); a leader without the designator role neither', async () => {
    await f.refused(() => appoint(a, appointment(b.personId)), 403, {
      code: 'appointed_cannot_appoint',
      rule: 'R-DES-04',
    });
    await f.refused(() => appoint(leaderOnly, appointment(b.personId)), 403, {
      code: 'forbidden',
      rule: 'R-SYS-01',
    });
    await f.refused(() => appoint(staff, appointment(b.personId)), 403, { code: 'forbidden' });
    await f.refused(() => appoint(officer, appointment(b.personId)), 403, { code: 'forbidden' });
    const sec = await t.admin('secadmin');
    await f.refused(() => sec.post('/api/designation/designators', appointment(b.personId)), 403);
  });

  test('R-DES-04 an appointment needs a letter, an unexpired certificate and vetting (400, every violation listed)', async () => {
    const e = await f.refused(
      () => appoint(head, appointment(b.personId, { certificateValidUntil: day(-1), vetted: false })),
      400,
      { code: 'certificate_expired', rule: 'R-DES-04' },
    );
    assert.deepEqual(
      (e.details as { code: string }[]).map((d) => d.code),
      ['certificate_expired', 'designator_not_vetted'],
    );
    await f.refused(() => appoint(head, appointment(b.personId, { vetted: false })), 400, {
      code: 'designator_not_vetted',
      field: 'vetted',
    });
    await f.refused(() => appoint(head, appointment(head.personId)), 400, {
      code: 'appoint_self',
      rule: 'R-DES-04',
    });
    const valid = appointment(b.personId);
    for (const field of [
      'letterRef',
      'certificateNumber',
      'certificateValidUntil',
      'vetted',
      'role',
      'personId',
    ]) {
      const { [field]: _, ...missing } = valid as Record<string, unknown>;
      await f.refused(() => appoint(head, missing), 400, { field });
    }
    const bad: [Record<string, unknown>, string][] = [
      [{ letterRef: '  ' }, 'letterRef'],
      [{ certificateValidUntil: '2026-02-29' }, 'certificateValidUntil'],
      [{ vetted: 'yes' }, 'vetted'],
      [{ role: 'C' }, 'role'],
      [{ personId: 'x' }, 'personId'],
      [{ kind: 'statutory' }, 'kind'],
    ];
    for (const [extra, field] of bad) {
      await f.refused(() => appoint(head, { ...valid, ...extra }), 400, { field });
    }
  });

  test("R-DES-04 another organisation's person or an unknown id is 404; an existing designator 409", async () => {
    await f.refused(() => appoint(head, appointment(stranger.personId)), 404, {
      code: 'not_found',
      field: 'personId',
    });
    await f.refused(() => appoint(head, appointment(UNKNOWN)), 404, { field: 'personId' });
    await f.refused(() => appoint(stranger, appointment(b.personId)), 404, { field: 'personId' });
    await f.refused(() => appoint(head, appointment(a.personId)), 409, {
      code: 'already_designator',
      rule: 'R-DES-04',
    });
  });

  test('R-DES-05 a B names its A: without a partner 400, a partner of the wrong role 409, a foreign partner 404', async () => {
    await f.refused(() => appoint(head, appointment(b.personId, { role: 'B' })), 400, {
      code: 'role_b_without_partner',
      rule: 'R-DES-05',
    });
    await f.refused(
      () => appoint(head, appointment(b.personId, { role: 'B', partnerPersonId: b.personId })),
      400,
      {
        code: 'partner_is_self',
      },
    );
    await f.refused(
      () => appoint(head, appointment(b.personId, { role: 'B', partnerPersonId: stranger.personId })),
      404,
      { field: 'partnerPersonId' },
    );
    await f.refused(
      () => appoint(head, appointment(b.personId, { role: 'A', partnerPersonId: a.personId })),
      409,
      { code: 'partner_role_mismatch', rule: 'R-DES-05' },
    );
    const { body } = await f.changed(
      () => appoint(head, appointment(b.personId, { role: 'B', partnerPersonId: a.personId })),
      201,
      'designation.designator.appoint',
    );
    assert.deepEqual([body.role, body.partnerPersonId], ['B', a.personId]);
  });

  test('R-DES-05 A decides; B only while A is recorded absent; the absent one cannot decide; cancelled absences stop counting', async () => {
    const a0 = await decide(staff, a.personId);
    assert.deepEqual([a0.body.allowed, a0.body.actingRole], [true, 'A']);
    const b0 = await decide(staff, b.personId);
    assert.deepEqual([b0.body.allowed, b0.body.actingRole], [false, 'B']);
    assert.deepEqual(
      [b0.body.reasons[0]!.code, b0.body.reasons[0]!.rule],
      ['role_b_while_a_present', 'R-DES-05'],
    );

    const { body: abs, event } = await f.changed(
      () => absent(officer, a.personId, { reason: ' 出差 ', from: TODAY, to: day(3) }),
      201,
      'designation.absence.record',
    );
    assert.deepEqual([abs.personId, abs.reason, abs.from, abs.to], [a.personId, '出差', TODAY, day(3)]);
    assert.deepEqual(
      [event.objectType, event.objectId, event.summary.reason],
      ['designator_absence', abs.id, '出差'],
    );

    const b1 = await decide(b, b.personId);
    assert.deepEqual([b1.body.allowed, b1.body.actingRole], [true, 'B']);
    assert.ok(b1.body.reasons.some((r) => r.code === 'acting_as_b'));
    const a1 = await decide(b, a.personId);
    assert.equal(a1.body.allowed, false);
    assert.equal(a1.body.reasons[0]!.code, 'designator_recorded_absent');
    // After the window, A again.
    assert.equal((await decide(b, b.personId, day(4))).body.allowed, false);
    assert.equal((await decide(b, a.personId, day(4))).body.allowed, true);
    assert.equal((await decide(b, b.personId, day(3))).body.allowed, true, 'the last day is included');

    const listed = (await list(staff)).find((d) => d.personId === a.personId)!;
    assert.deepEqual(
      listed.absences.map((x) => x.id),
      [abs.id],
    );

    const { body: cancelled } = await f.changed(
      () => a.client.post<Absence>(`/api/designation/absences/${abs.id}/cancel`),
      200,
      'designation.absence.cancel',
    );
    assert.ok(cancelled.cancelledAt);
    assert.equal((await decide(b, b.personId)).body.allowed, false);
    assert.equal((await decide(b, a.personId)).body.allowed, true);
    await f.refused(() => a.client.post(`/api/designation/absences/${abs.id}/cancel`), 409, {
      code: 'absence_already_cancelled',
    });
  });

  test('R-DES-05 absences: only the person or the secrecy officer (403); dates checked (400); non-designators and strangers 404', async () => {
    await f.refused(() => absent(staff, a.personId, { reason: '病假', from: TODAY, to: TODAY }), 403, {
      code: 'forbidden',
      rule: 'R-SYS-01',
    });
    await f.refused(() => absent(b, a.personId, { reason: '病假', from: TODAY, to: TODAY }), 403, {
      code: 'absence_not_allowed',
      rule: 'R-DES-05',
    });
    await f.refused(() => absent(a, a.personId, { reason: '病假', from: day(2), to: day(1) }), 400, {
      code: 'absence_dates_reversed',
      field: 'to',
      rule: 'R-DES-05',
    });
    await f.refused(() => absent(a, a.personId, { reason: '  ', from: TODAY, to: TODAY }), 400, {
      field: 'reason',
    });
    await f.refused(() => absent(a, a.personId, { reason: '病假', from: TODAY }), 400, { field: 'to' });
    await f.refused(() => absent(a, a.personId, { reason: '病假', from: TODAY, to: '2026-04-31' }), 400, {
      field: 'to',
    });
    await f.refused(() => absent(officer, staff.personId, { reason: '病假', from: TODAY, to: TODAY }), 404);
    await f.refused(
      () => absent(officer, stranger.personId, { reason: '病假', from: TODAY, to: TODAY }),
      404,
    );
    await f.refused(() => absent(stranger, a.personId, { reason: '病假', from: TODAY, to: TODAY }), 404);
    // The designator himself records his own absence; a stranger cannot see or cancel it; b cannot cancel it.
    const { body: own } = await f.changed(
      () => absent(a, a.personId, { reason: '培训', from: day(10), to: day(12) }),
      201,
      'designation.absence.record',
    );
    await f.refused(() => stranger.client.post(`/api/designation/absences/${own.id}/cancel`), 404);
    await f.refused(() => b.client.post(`/api/designation/absences/${own.id}/cancel`), 403, {
      code: 'absence_not_allowed',
    });
    await f.refused(() => officer.client.post(`/api/designation/absences/${UNKNOWN}/cancel`), 404);
    await f.changed(
      () => officer.client.post(`/api/designation/absences/${own.id}/cancel`),
      200,
      'designation.absence.cancel',
    );
  });

  test('R-DES-04 may-decide refuses an appointed designator whose certificate has expired on that day', async () => {
    const c = await f.member(o.C, ['staff']);
    await appoint(head, appointment(c.personId, { certificateValidUntil: day(5) }));
    assert.equal((await decide(staff, c.personId, day(5))).body.allowed, true, 'valid through its last day');
    const r = await decide(staff, c.personId, day(6));
    assert.equal(r.body.allowed, false);
    assert.deepEqual([r.body.reasons[0]!.code, r.body.reasons[0]!.rule], ['certificate_expired', 'R-DES-04']);
  });

  test("R-DES-04 may-decide and the list: only one's own organisation (404 otherwise); bad input 400; administrators 403", async () => {
    await f.refused(() => decide(staff, stranger.personId), 404, { code: 'not_found' });
    await f.refused(() => decide(stranger, a.personId), 404, { code: 'not_found' });
    await f.refused(() => decide(staff, staff.personId), 404, { code: 'not_found' });
    await f.refused(() => decide(staff, UNKNOWN), 404);
    await f.refused(() => decide(staff, 'nobody'), 400, { field: 'personId' });
    await f.refused(() => decide(staff, a.personId, '2026-1-1'), 400, { field: 'date' });
    assert.ok((await list(stranger)).every((d) => d.personId === stranger.personId));
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const admin = await t.admin(role);
      await f.refused(() => admin.get('/api/designation/designators'), 403, { code: 'forbidden' });
    }
    await f.refused(() => t.client().get('/api/designation/designators'), 401);
  });
});
