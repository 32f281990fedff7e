// What every part of the designation contract shares: the enums (from the domain, where they are
// domain concepts), the field limits of the designation tables, periods, knowledge scopes, reasons.
import {
  type DesignatorKind,
  type DesignatorRole,
  type KnowScope as DomainKnowScope,
  type Period as DomainPeriod,
  NON_CLASSIFIABLE_GROUNDS,
  type NonClassifiableGround,
  PERIOD_KINDS,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import type { TBoolean, TOptional } from '@sinclair/typebox';
import { Enum, Int, Req, type Static, Str, Type, Uuid } from '../common.ts';
import { INPUT_LIMITS, ORIGINS } from './labels.ts';

export const tags = ['designation'];

/** A calendar day in a request: a wrong one is refused by the schema (format 'date'). */
export const Day = Type.String({ format: 'date' });

export const Level = Enum(STATE_SECRET_LEVELS);
export const Origin = Enum(ORIGINS);
export const DesignatorRoleSchema = Enum(['A', 'B'] as const satisfies readonly DesignatorRole[]);
export const DesignatorKindSchema = Enum([
  'statutory',
  'appointed',
] as const satisfies readonly DesignatorKind[]);

/** One line of explanation or refusal (always names its rule). */
export const Reason = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  field: Type.Optional(Type.String()),
  rule: Type.String(),
});
export type Reason = Static<typeof Reason>;
/** A rule violation (the rule may be absent). */
export const Violation = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  field: Type.Optional(Type.String()),
  rule: Type.Optional(Type.String()),
});

/** A period as the forms send it: the kind, and the part that kind needs (a missing part is a 400). */
export const PeriodBody = Req({
  kind: Enum(PERIOD_KINDS),
  n: Type.Optional(Int(1, 1000)),
  date: Type.Optional(Day),
  text: Type.Optional(Str(INPUT_LIMITS.periodText)),
});
export type PeriodBody = Static<typeof PeriodBody>;

/** A period in a response: the domain's Period. */
export const Period = Type.Unsafe<DomainPeriod>(
  Type.Object({
    kind: Enum(PERIOD_KINDS),
    n: Type.Optional(Type.Integer()),
    date: Type.Optional(Type.String()),
    text: Type.Optional(Type.String()),
  }),
);

/** A knowledge scope in a request (typed as the domain's KnowScope). */
export const KnowScopeBody = Type.Unsafe<DomainKnowScope>(
  Req({
    personIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
    departmentIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
    positions: Type.Array(Str(INPUT_LIMITS.position), { maxItems: 100, uniqueItems: true }),
  }),
);
export const KnowScope = Type.Object({
  personIds: Type.Array(Type.String()),
  departmentIds: Type.Array(Type.String()),
  positions: Type.Array(Type.String()),
});
export type KnowScope = Static<typeof KnowScope>;

const groundFields = Object.fromEntries(
  NON_CLASSIFIABLE_GROUNDS.map((g) => [g, Type.Optional(Type.Boolean())]),
) as Record<NonClassifiableGround, TOptional<TBoolean>>;
export const GroundsBody = Req(groundFields);
/** The grounds as stored: each asked ground and its answer. */
export const Grounds = Type.Unsafe<Record<NonClassifiableGround, boolean>>(
  Type.Object(Object.fromEntries(NON_CLASSIFIABLE_GROUNDS.map((g) => [g, Type.Optional(Type.Boolean())]))),
);
