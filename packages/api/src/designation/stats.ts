// R-DES-09: the three yearly designation tables.
import { ORG_KINDS, type STATE_SECRET_LEVELS } from '@baomi/domain';
import { Bilingual, Enum, Int, Nullable, Req, type Static, Type, Uuid } from '../common.ts';
import { STATS_TABLES } from './labels.ts';

export const StatsTable = Enum(STATS_TABLES);
export type StatsTable = Static<typeof StatsTable>;

export const StatsParams = Req({ table: StatsTable });
const filter = { year: Type.Optional(Int(1, 9998)), orgId: Type.Optional(Uuid) };
export const StatsQuery = Req(filter);
export type StatsQuery = Static<typeof StatsQuery>;
export const StatsExportQuery = Req({ ...filter, format: Type.Optional(Enum(['xlsx', 'csv'] as const)) });

export const StatsCounts = Type.Record(Type.String(), Type.Number());
export type StatsCounts = Static<typeof StatsCounts>;

export const StatsRow = Type.Object({
  /** The department or organisation; null for the items without a department, and for the total. */
  id: Nullable(Type.String()),
  name: Type.String(),
  kind: Enum(['department', 'organisation', 'unassigned', 'total'] as const),
  counts: StatsCounts,
  /** Table 'changes' only: the counts under each level of the item just before the event. */
  byLevel: Type.Optional(
    Type.Unsafe<Record<(typeof STATE_SECRET_LEVELS)[number], StatsCounts>>(
      Type.Record(Type.String(), StatsCounts),
    ),
  ),
});
export type StatsRow = Static<typeof StatsRow>;

export const StatsReport = Type.Object({
  table: StatsTable,
  title: Bilingual,
  year: Type.Integer(),
  org: Type.Object({ id: Uuid, name: Type.String(), kind: Enum(ORG_KINDS) }),
  grouping: Enum(['department', 'organisation'] as const),
  columns: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() })),
  rows: Type.Array(StatsRow),
  total: StatsRow,
});
export type StatsReport = Static<typeof StatsReport>;
