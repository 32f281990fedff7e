// 涉密载体: the contract of the remaining life steps — sending carriers out of the organisation
// (R-CAR-01, R-CAR-05a) and registering a use of a medium (R-CAR-11). The carriers module's other
// schemas are in ../carriers.ts.
import { CONVEYANCES, LEVELS, MACHINE_LEVELS } from '@baomi/domain';
import { Carrier } from '../carriers.ts';
import { Enum, Int, Req, type Static, Str, Type, Uuid } from '../common.ts';

/** Request limits of the send-out and the medium use (stored in the step's details, no column). */
export const STEP_LIMITS = {
  recipientOrgan: 200,
  docNumber: 100,
  bearer: 50,
  bearers: 10,
  machine: 100,
  purpose: 200,
  sendOutItems: 200,
  note: 500,
} as const;

/**
 * R-CAR-01, R-CAR-05a: send carriers out of the organisation (发出): the receiving organ, the
 * transmittal's 文号, how they travel (机要交通/机要通信 or 专人; ordinary post and courier are refused
 * with the law's reason) and who carries them (绝密: two or more).
 */
export const SendOutInput = Req({
  carrierIds: Type.Array(Uuid, { minItems: 1, maxItems: STEP_LIMITS.sendOutItems, uniqueItems: true }),
  recipientOrgan: Str(STEP_LIMITS.recipientOrgan, 0),
  docNumber: Str(STEP_LIMITS.docNumber, 0),
  conveyance: Enum(CONVEYANCES),
  bearers: Type.Optional(Type.Array(Str(STEP_LIMITS.bearer), { maxItems: STEP_LIMITS.bearers })),
  note: Type.Optional(Str(STEP_LIMITS.note, 0)),
});
export type SendOutInput = Static<typeof SendOutInput>;

export const SendOut = Type.Object({
  sendOutId: Uuid,
  count: Type.Integer(),
  items: Type.Array(Carrier),
});
export type SendOut = Static<typeof SendOut>;

/**
 * R-CAR-11: one use of a medium: the machine (a classified machine of a level, or an unclassified one;
 * its name or number) and the level of the data written or read.
 */
export const MediumUseInput = Req({
  machineLevel: Enum(MACHINE_LEVELS),
  machine: Str(STEP_LIMITS.machine),
  dataLevel: Enum(LEVELS),
  purpose: Type.Optional(Str(STEP_LIMITS.purpose, 0)),
  version: Type.Optional(Int(1, 2_000_000_000)),
});
export type MediumUseInput = Static<typeof MediumUseInput>;

/** The printed handover list (R-CAR-08): the receiver's name on it, when already chosen. */
export const HandoverPrintQuery = Req({ toPersonId: Type.Optional(Uuid) });
export type HandoverPrintQuery = Static<typeof HandoverPrintQuery>;
