// R-PER-06a: the passports and permits the organisation holds for its classified persons (证照): a small
// ledger — registered into custody, lent for an approved trip (due back 7 days after its return),
// returned; a loan past its due day is a todo of the secrecy office. The domain decides each step
// (checkPassportLoan, checkPassportReturn); every step is written with its state in one transaction.
import type * as C from '@baomi/api/personnel/exit.ts';
import {
  abilityOf,
  allowed,
  checkPassportInput,
  checkPassportLoan,
  checkPassportReturn,
  conflict,
  DomainError,
  enforce,
  firstRefusal,
  invalid,
  isPassportOverdue,
  maskDocumentNumber,
  notFound,
  type PassportState,
  personnelReadScope,
  personnelWriteVerdict,
  refused,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import {
  getExit,
  getPassport,
  insertPassport,
  insertPassportStep,
  listPassportRows,
  type PassportFilter,
  type PassportRow,
  personRef,
  setPassportState,
} from './exit.queries.ts';

const PASSPORT = { zh: '证照', en: 'Passport' };

export const passportStateOf = (p: PassportRow): PassportState =>
  p.status === 'lent'
    ? { status: 'lent', tripId: p.exitId ?? '', lentOn: p.lentOn ?? '', dueBack: p.dueBack ?? '' }
    : { status: p.status };

export function passportView(caller: Caller, p: PassportRow, today: string) {
  const officer = personnelWriteVerdict(caller, p);
  const state = passportStateOf(p);
  return {
    id: p.id,
    personId: p.personId,
    personName: p.personName,
    departmentName: p.departmentName,
    kind: p.kind,
    number: p.number,
    expiresOn: p.expiresOn,
    status: p.status,
    exitId: p.exitId,
    lentOn: p.lentOn,
    dueBack: p.dueBack,
    overdue: isPassportOverdue(state, today),
    note: p.note,
    createdAt: p.createdAt,
    abilities: {
      lend: abilityOf(
        firstRefusal(
          () => officer,
          () =>
            p.status === 'held'
              ? allowed
              : refused('conflict', {
                  code: p.status === 'lent' ? 'passport_already_lent' : 'passport_not_held',
                  rule: 'R-PER-06a',
                  zh: p.status === 'lent' ? '证件已借出，尚未归还' : '证件不在本单位保管中',
                  en: p.status === 'lent' ? 'The passport is lent' : 'The organisation does not hold it',
                }),
        ),
      ),
      return: abilityOf(
        firstRefusal(
          () => officer,
          () => {
            const c = checkPassportReturn(state, today, today);
            return c.ok ? allowed : refused('conflict', c.violations[0]!);
          },
        ),
      ),
    },
  };
}

export async function registerPassport(sql: Sql, actor: Actor, caller: Caller, input: C.PassportInput) {
  const person = await personRef(sql, input.personId);
  if (!person || person.orgId !== caller.orgId) throw notFound({ zh: '人员', en: 'Person' }, 'personId');
  enforce(personnelWriteVerdict(caller, person));
  const today = todayInChina();
  const c = checkPassportInput({ expiresOn: input.expiresOn, today });
  if (!c.ok) throw invalid(c.violations[0]!, c.violations);
  const id = await insertPassport(sql, {
    orgId: person.orgId,
    personId: person.personId,
    kind: input.kind,
    number: input.number.trim(),
    expiresOn: input.expiresOn,
    note: (input.note ?? '').trim(),
    byPersonId: caller.personId,
  });
  await insertPassportStep(sql, {
    passportId: id,
    kind: 'deposit',
    on: today,
    exitId: null,
    dueBack: null,
    byPersonId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.passport_register',
    objectType: 'personnel_passport',
    objectId: id,
    summary: {
      personId: person.personId,
      passportKind: input.kind,
      number: maskDocumentNumber(input.number),
    },
  });
  return passportView(caller, (await getPassport(sql, id))!, today);
}

async function officerPassport(sql: Sql, caller: Caller, id: string): Promise<PassportRow> {
  const p = await getPassport(sql, id, true);
  if (!p || p.orgId !== caller.orgId) throw notFound(PASSPORT);
  enforce(personnelWriteVerdict(caller, p));
  return p;
}

/** R-PER-06a: lent for an approved trip of the same person that has not ended. */
export async function lendPassport(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.PassportLendInput,
) {
  const p = await officerPassport(sql, caller, id);
  const trip = await getExit(sql, input.exitId);
  if (!trip || trip.orgId !== p.orgId || trip.personId !== p.personId)
    throw notFound({ zh: '该证件持有人的出国（境）申请', en: 'An exit application of the holder' }, 'exitId');
  const today = todayInChina();
  const r = checkPassportLoan(
    passportStateOf(p),
    { id: trip.id, approved: trip.status === 'approved', departOn: trip.departOn, returnOn: trip.returnOn },
    today,
  );
  if (!r.ok) throw new DomainError('conflict', r.violations[0]!, r.violations);
  await setPassportState(sql, p.id, { status: 'lent', exitId: trip.id, lentOn: today, dueBack: r.dueBack });
  await insertPassportStep(sql, {
    passportId: p.id,
    kind: 'lend',
    on: today,
    exitId: trip.id,
    dueBack: r.dueBack,
    byPersonId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.passport_lend',
    objectType: 'personnel_passport',
    objectId: p.id,
    summary: {
      personId: p.personId,
      passportKind: p.kind,
      number: maskDocumentNumber(p.number),
      exitId: trip.id,
      dueBack: r.dueBack,
    },
  });
  return passportView(caller, (await getPassport(sql, p.id))!, today);
}

export async function returnPassport(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.PassportReturnInput,
) {
  const p = await officerPassport(sql, caller, id);
  const today = todayInChina();
  const state = passportStateOf(p);
  const c = checkPassportReturn(state, input.on, today);
  if (!c.ok) {
    const v = c.violations[0]!;
    throw v.code === 'passport_not_lent' ? conflict(v) : invalid(v);
  }
  const late = isPassportOverdue(state, input.on);
  await setPassportState(sql, p.id, { status: 'held', exitId: null, lentOn: null, dueBack: null });
  await insertPassportStep(sql, {
    passportId: p.id,
    kind: 'return',
    on: input.on,
    exitId: p.exitId,
    dueBack: null,
    byPersonId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.passport_return',
    objectType: 'personnel_passport',
    objectId: p.id,
    summary: {
      personId: p.personId,
      passportKind: p.kind,
      number: maskDocumentNumber(p.number),
      on: input.on,
      late,
    },
  });
  return passportView(caller, (await getPassport(sql, p.id))!, today);
}

export async function listPassports(
  sql: Sql,
  caller: Caller,
  f: PassportFilter,
  page: { limit: number; offset: number } | null,
) {
  const today = todayInChina();
  const r = await listPassportRows(sql, personnelReadScope(caller), f, today, page);
  return { items: r.items.map((p) => passportView(caller, p, today)), total: r.total };
}
