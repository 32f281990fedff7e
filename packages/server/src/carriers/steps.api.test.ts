// 涉密载体 over HTTP, the remaining life steps: sending carriers out of the organisation (R-CAR-01,
// R-CAR-05a: never by ordinary post or courier, 绝密 carried by two or more; afterwards read-only, every
// step 409 naming the state), the uses of a medium (R-CAR-11: never on an unclassified machine, never
// data above the medium's level; in the timeline), the leader's widening in the timeline (R-CAR-03), and
// the post-closing guard the people module calls through the kit (R-CAR-08: moving a person who still
// keeps carriers is 409 naming the count; after the handover it is allowed).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Carrier = { id: string; status: string; statusText: string; level: string; kind: string };
type Detail = Carrier & {
  steps: {
    kind: string;
    actorPersonId: string | null;
    actorName: string | null;
    toPersonId: string | null;
    details: Record<string, unknown>;
  }[];
};
type Batch = { items: Carrier[] };

const TODAY = todayInChina();
const scopeOf = (departmentIds: string[]) => ({ personIds: [], departmentIds, positions: [] });

describe('carriers: send out, media, widening, post closing (R-CAR-01, 03, 05a, 08, 11)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let dept2Id: string;
  let officer: Client;
  let officerId: string;
  let top: { client: Client; personId: string };
  let reader: { client: Client; personId: string };
  let leader: { client: Client; personId: string };

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM carrier) AS carriers,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT coalesce(sum(version), 0)::int FROM carrier) AS versions,
                (SELECT string_agg(id::text || coalesce(department_id::text, '-') || org_id::text, ',' ORDER BY id)
                   FROM person) AS people`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  async function audited<T>(run: () => Promise<Response<T>>, status: number, action: string) {
    const head0 = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head0);
    assert.ok(
      events.some((e) => e.action === action),
      `audit ${action}: ${events.map((e) => e.action).join()}`,
    );
    return r.body;
  }

  let seq = 0;
  const receive = (c: Client, over: Record<string, unknown> = {}) =>
    c.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '关于做好年度保密检查的通知',
      docNumber: `市保〔2026〕${++seq + 500}号`,
      sender: '市保密局',
      marking: '机密★5年',
      issueDate: TODAY,
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
      copies: 1,
      ...over,
    });
  const sendBody = (ids: string[], over: Record<string, unknown> = {}) => ({
    carrierIds: ids,
    recipientOrgan: '省发展改革委',
    docNumber: '市发〔2026〕12号',
    conveyance: 'confidential_mail',
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    dept2Id = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '规划处' })).body.id;
    top = await t.member(orgId, deptId, ['secrecy_officer'], 'top_secret');
    reader = await t.member(orgId, deptId, ['staff'], 'secret');
    leader = await t.member(orgId, deptId, ['leader'], 'secret');
  });
  after(() => t.close());

  test('R-CAR-05a sending out by ordinary post or courier is refused, nothing written', async () => {
    const [c] = (await receive(officer)).body.items;
    for (const conveyance of ['ordinary_post', 'courier']) {
      const e = await refused(
        () => officer.post('/api/carriers/send-outs', sendBody([c!.id], { conveyance })),
        400,
        { code: 'conveyance_forbidden', field: 'conveyance', rule: 'R-CAR-05a' },
      );
      assert.match(e.zh, /不得通过/);
    }
    await refused(
      () => officer.post('/api/carriers/send-outs', sendBody([c!.id], { recipientOrgan: '' })),
      400,
      {
        code: 'recipient_missing',
        field: 'recipientOrgan',
      },
    );
    await refused(
      () => officer.post('/api/carriers/send-outs', sendBody([c!.id], { conveyance: 'by_hand' })),
      400,
      {
        code: 'bearer_missing',
      },
    );
  });

  test('R-CAR-05a a 绝密 carrier is carried by two or more people', async () => {
    const [c] = (await receive(top.client, { marking: '绝密★30年', custodianPersonId: top.personId })).body
      .items;
    await refused(
      () =>
        top.client.post(
          '/api/carriers/send-outs',
          sendBody([c!.id], { conveyance: 'by_hand', bearers: ['张三'] }),
        ),
      400,
      { code: 'two_people_required', field: 'bearers', rule: 'R-CAR-05a' },
    );
    const r = await audited(
      () =>
        top.client.post<{ count: number; items: Carrier[] }>(
          '/api/carriers/send-outs',
          sendBody([c!.id], { conveyance: 'by_hand', bearers: ['张三', '李四'] }),
        ),
      200,
      'carrier.send_out',
    );
    assert.equal(r.count, 1);
    assert.equal(r.items[0]!.status, 'handed_over');
  });

  test('R-CAR-01 a sent carrier leaves the custody, shows the send-out in its timeline, and refuses every step (409 naming its state)', async () => {
    const items = (await receive(officer, { copies: 2, firstCopyNumber: '000101' })).body.items;
    const ids = items.map((c) => c.id);
    // One on loan cannot be sent: 409 naming its holder.
    await officer.post(`/api/carriers/${ids[0]}/loan`, {
      toPersonId: reader.personId,
      dueDate: addDays(TODAY, 3),
    });
    const e = await refused(() => officer.post('/api/carriers/send-outs', sendBody(ids)), 409, {
      code: 'carrier_wrong_state',
    });
    assert.match(e.zh, /借出（持有人：/);
    await officer.post(`/api/carriers/${ids[0]}/return`, {});
    const before = (await officer.get<{ count: number }>(`/api/carriers/custody/${officerId}`)).body.count;
    await audited(() => officer.post('/api/carriers/send-outs', sendBody(ids)), 200, 'carrier.send_out');
    const after = (await officer.get<{ count: number }>(`/api/carriers/custody/${officerId}`)).body.count;
    assert.equal(after, before - 2);
    const d = await officer.get<Detail>(`/api/carriers/${ids[1]}`);
    assert.equal(d.body.status, 'handed_over');
    const last = d.body.steps.at(-1)!;
    assert.equal(last.kind, 'transfer_out');
    assert.equal(last.details.recipientOrgan, '省发展改革委');
    assert.equal(last.details.conveyance, 'confidential_mail');
    const id = ids[1]!;
    const steps: [string, () => Promise<Response<unknown>>][] = [
      [
        'loan',
        () =>
          officer.post(`/api/carriers/${id}/loan`, {
            toPersonId: reader.personId,
            dueDate: addDays(TODAY, 3),
          }),
      ],
      ['return', () => officer.post(`/api/carriers/${id}/return`, {})],
      ['extend', () => officer.post(`/api/carriers/${id}/extend`, { dueDate: addDays(TODAY, 5) })],
      ['send again', () => officer.post('/api/carriers/send-outs', sendBody([id]))],
      ['destroy', () => officer.post('/api/carriers/destructions', { carrierIds: [id], reason: '过期' })],
      [
        'copy',
        () => officer.post(`/api/carriers/${id}/copy-requests`, { kind: 'copy', copies: 1, purpose: '工作' }),
      ],
      [
        'take out',
        () =>
          officer.post(`/api/carriers/${id}/take-outs`, {
            personId: reader.personId,
            purpose: '开会',
            destination: '市委',
            place: 'meeting',
            from: TODAY,
            to: TODAY,
          }),
      ],
      [
        'widen',
        () =>
          leader.client.post(`/api/carriers/${id}/widen`, { personId: reader.personId, reason: '工作需要' }),
      ],
      [
        'medium use',
        () =>
          officer.post(`/api/carriers/${id}/medium-uses`, {
            machineLevel: 'secret',
            machine: '机要室1号机',
            dataLevel: 'secret',
          }),
      ],
    ];
    for (const [name, run] of steps) {
      const err = await refused(run, 409);
      assert.match(err.zh, /已发出/, `${name}: ${err.zh}`);
      assert.match(err.en, /Sent out/, `${name}: ${err.en}`);
    }
  });

  test('R-CAR-01 two registrars at once: a loan and a send-out of the same carrier never both succeed', async () => {
    for (let i = 0; i < 3; i++) {
      const [c] = (await receive(officer)).body.items;
      const [a, b] = await Promise.all([
        officer.post(`/api/carriers/${c!.id}/loan`, {
          toPersonId: reader.personId,
          dueDate: addDays(TODAY, 3),
        }),
        top.client.post('/api/carriers/send-outs', sendBody([c!.id])),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409], `${a.raw} ${b.raw}`);
      const loser = a.status === 409 ? a : b;
      assert.match((loser.body as { error: { zh: string } }).error.zh, /借出|已发出/);
      const steps = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM carrier_step WHERE carrier_id = $1',
        [c!.id],
      );
      assert.equal(steps.rows[0]!.n, 2);
    }
  });

  test('R-CAR-11 a medium is registered marked; its uses are checked and shown in the timeline', async () => {
    await refused(
      () =>
        receive(officer, { kind: 'medium', marking: '', firstCopyNumber: undefined, mediumSerial: 'U-001' }),
      400,
      { field: 'marking' },
    );
    const [m] = (
      await receive(officer, {
        kind: 'medium',
        title: '规划数据U盘',
        marking: '机密★10年',
        firstCopyNumber: undefined,
        mediumSerial: 'U-001',
      })
    ).body.items;
    assert.equal(m!.kind, 'medium');
    const use = (over: Record<string, unknown>) =>
      officer.post<Carrier>(`/api/carriers/${m!.id}/medium-uses`, {
        machineLevel: 'secret',
        machine: '规划处涉密计算机02',
        dataLevel: 'confidential',
        ...over,
      });
    let e = await refused(() => use({ machineLevel: 'unclassified', dataLevel: 'internal' }), 400, {
      code: 'medium_cross_use',
      rule: 'R-CAR-11',
    });
    assert.match(e.zh, /非涉密计算机/);
    assert.match(e.en, /unclassified/);
    e = await refused(() => use({ dataLevel: 'top_secret' }), 400, {
      code: 'medium_level_too_low',
      rule: 'R-CAR-11',
    });
    assert.match(e.zh, /机密介质不能存储绝密信息/);
    await refused(() => use({ machineLevel: 'confidential', dataLevel: 'secret' }), 400, {
      code: 'machine_level_too_low',
    });
    await audited(() => use({}), 200, 'carrier.medium_use');
    const d = await officer.get<Detail>(`/api/carriers/${m!.id}`);
    const last = d.body.steps.at(-1)!;
    assert.equal(last.kind, 'medium_use');
    assert.equal(last.details.machine, '规划处涉密计算机02');
    assert.equal(last.details.dataLevel, 'confidential');
    // A document is not a medium.
    const [doc] = (await receive(officer)).body.items;
    await refused(
      () =>
        officer.post(`/api/carriers/${doc!.id}/medium-uses`, {
          machineLevel: 'secret',
          machine: 'x',
          dataLevel: 'confidential',
        }),
      400,
      {
        code: 'not_a_medium',
      },
    );
    // Only the registry registers it.
    await refused(
      () =>
        reader.client.post(`/api/carriers/${m!.id}/medium-uses`, {
          machineLevel: 'secret',
          machine: 'x',
          dataLevel: 'confidential',
        }),
      403,
    );
  });

  test('R-CAR-03 the widening shows in the timeline with the leader who approved it', async () => {
    const [c] = (await receive(officer)).body.items;
    await audited(
      () =>
        leader.client.post(`/api/carriers/${c!.id}/widen`, { personId: reader.personId, reason: '承办需要' }),
      200,
      'carrier.widen',
    );
    const d = await officer.get<Detail>(`/api/carriers/${c!.id}`);
    const w = d.body.steps.at(-1)!;
    assert.equal(w.kind, 'widen');
    assert.equal(w.actorPersonId, leader.personId);
    assert.ok(w.actorName);
    assert.equal(w.toPersonId, reader.personId);
    assert.equal(w.details.reason, '承办需要');
  });

  test('R-CAR-08 moving a person who keeps carriers is refused (409 naming the count); after the handover it is allowed', async () => {
    const sys = await t.admin('sysadmin');
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    const next = await t.member(orgId, deptId, ['staff'], 'secret');
    const ids = (
      await receive(officer, { copies: 2, firstCopyNumber: '000301', custodianPersonId: keeper.personId })
    ).body.items.map((c) => c.id);
    // A third on loan to him counts as well.
    const [lent] = (await receive(officer)).body.items;
    await officer.post(`/api/carriers/${lent!.id}/loan`, {
      toPersonId: keeper.personId,
      dueDate: addDays(TODAY, 3),
    });
    let e = await refused(() => sys.patch(`/api/people/${keeper.personId}`, { departmentId: dept2Id }), 409, {
      code: 'carriers_in_custody',
      rule: 'R-CAR-08',
    });
    assert.match(e.zh, /3件涉密载体/);
    assert.match(e.en, /^3 carrier/);
    // Another organisation is closing the post too.
    const elsewhere = await t.businessUser({ roles: ['staff'] });
    e = await refused(() => sys.patch(`/api/people/${keeper.personId}`, { orgId: elsewhere.orgId }), 409, {
      code: 'carriers_in_custody',
    });
    // A change that does not close the post (the position's words) is not concerned.
    const ok = await sys.patch(`/api/people/${keeper.personId}`, { position: '科员' });
    assert.equal(ok.status, 200, ok.raw);
    await officer.post(`/api/carriers/${lent!.id}/return`, {});
    e = await refused(() => sys.patch(`/api/people/${keeper.personId}`, { departmentId: dept2Id }), 409, {
      code: 'carriers_in_custody',
    });
    assert.match(e.zh, /2件/);
    // The itemised list to sign, printed (audited as a print).
    const pdf = await audited(
      () => officer.get(`/api/carriers/custody/${keeper.personId}/handover.pdf?toPersonId=${next.personId}`),
      200,
      'carrier.print',
    );
    assert.ok(pdf !== undefined);
    const ab = await officer.get<Detail & { abilities: Record<string, { allowed: boolean }> }>(
      `/api/carriers/${ids[0]}`,
    );
    assert.equal(ab.body.abilities.sendOut?.allowed, true);
    assert.equal(ab.body.abilities.mediumUse?.allowed, false);
    assert.equal(ab.body.abilities.widen?.allowed, false);
    await officer.post('/api/carriers/handovers', {
      fromPersonId: keeper.personId,
      toPersonId: next.personId,
      carrierIds: ids,
      count: 2,
      signedByFrom: true,
      signedByTo: true,
    });
    const moved = await audited(
      () => sys.patch<{ departmentId: string }>(`/api/people/${keeper.personId}`, { departmentId: dept2Id }),
      200,
      'person.update',
    );
    assert.equal(moved.departmentId, dept2Id);
  });

  test('R-PER-01 a clearance is not lowered below a carrier the person keeps or holds (409, nothing written); raising is allowed', async () => {
    const sec = await t.admin('secadmin');
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    const [kept] = (
      await receive(officer, { copies: 1, firstCopyNumber: '000401', custodianPersonId: keeper.personId })
    ).body.items;
    assert.equal(kept!.level, 'secret');
    const clearanceOf = async () =>
      (await t.db.query<{ c: string }>('SELECT clearance AS c FROM person WHERE id = $1', [keeper.personId]))
        .rows[0]!.c;
    for (const lower of ['confidential', 'none'] as const) {
      const head0 = await t.auditHead();
      const r = await sec.put<{
        error: { code: string; rule: string; field: string; zh: string; en: string };
      }>(`/api/people/${keeper.personId}/clearance`, { clearance: lower });
      assert.equal(r.status, 409, r.raw);
      assert.equal(r.body.error.code, 'clearance_below_carriers_held');
      assert.equal(r.body.error.rule, 'R-PER-01');
      assert.equal(r.body.error.field, 'clearance');
      assert.match(r.body.error.zh, /1件.*最高为机密/u);
      assert.match(r.body.error.en, /^1 carrier/);
      assert.equal(await clearanceOf(), 'secret', 'nothing written');
      assert.equal(await t.auditHead(), head0, 'nothing audited');
    }
    // Raising it, or keeping the same, is not concerned.
    const up = await sec.put(`/api/people/${keeper.personId}/clearance`, { clearance: 'top_secret' });
    assert.equal(up.status, 200, up.raw);
    // A carrier on loan to him counts too: after the kept one is handed over, the loan still blocks.
    const [lent] = (
      await receive(top.client, {
        marking: '绝密★30年',
        custodianPersonId: top.personId,
        firstCopyNumber: '000402',
      })
    ).body.items;
    const loan = await top.client.post(`/api/carriers/${lent!.id}/loan`, {
      toPersonId: keeper.personId,
      dueDate: addDays(TODAY, 3),
    });
    assert.equal(loan.status, 200, loan.raw);
    const down = await sec.put<{ error: { zh: string } }>(`/api/people/${keeper.personId}/clearance`, {
      clearance: 'secret',
    });
    assert.equal(down.status, 409, down.raw);
    assert.match(down.body.error.zh, /1件.*最高为绝密/u);
    const back = await top.client.post(`/api/carriers/${lent!.id}/return`, {});
    assert.equal(back.status, 200, back.raw);
    const ok = await sec.put(`/api/people/${keeper.personId}/clearance`, { clearance: 'secret' });
    assert.equal(ok.status, 200, ok.raw);
  });
});
