// 泄密事件 (leak incidents, R-INC-01): the contract of /api/incidents — the list, the detail (every read
// audited) and marking an incident reported. The first piece of the later incidents module.
import { INCIDENT_SOURCES, INCIDENT_STATUSES, STATE_SECRET_LEVELS } from '@baomi/domain';
import { Abilities, Enum, Nullable, Paging, Req, type Static, Str, Timestamp, Type, Uuid } from './common.ts';

export const tags = ['incidents'];

/** Text limits of the incident table (the migration's CHECKs; incidents/limits.test.ts). */
export const LIMITS = { incident: { title: 300, reportNote: 500 } } as const;

export const IncidentSource = Enum(INCIDENT_SOURCES);
export const IncidentStatus = Enum(INCIDENT_STATUSES);
const Level = Enum(STATE_SECRET_LEVELS);
/** R-INC-01: where the report stands against its 24-hour deadline. */
export const DeadlineState = Enum(['reported', 'due', 'near', 'overdue'] as const);

export const IncidentListQuery = Req({ status: Type.Optional(IncidentStatus), ...Paging });
export type IncidentListQuery = Static<typeof IncidentListQuery>;

export const ReportInput = Req({ note: Type.Optional(Str(LIMITS.incident.reportNote, 0)) });
export type ReportInput = Static<typeof ReportInput>;

export const Incident = Type.Object({
  id: Uuid,
  title: Type.String(),
  level: Level,
  source: IncidentSource,
  carrierId: Nullable(Uuid),
  campaignId: Nullable(Uuid),
  discoveredAt: Timestamp,
  discoveredByName: Type.String(),
  custodianPersonId: Nullable(Uuid),
  custodianName: Nullable(Type.String()),
  reportDeadline: Timestamp,
  /** The deadline as China reads it: 2026-03-01 09:30 (北京时间). */
  reportDeadlineText: Type.String(),
  deadlineState: DeadlineState,
  status: IncidentStatus,
  reportedAt: Nullable(Timestamp),
  reportedByName: Nullable(Type.String()),
  reportNote: Type.String(),
});
export type Incident = Static<typeof Incident>;

export const IncidentPage = Type.Object({ items: Type.Array(Incident), total: Type.Integer() });
export type IncidentPage = Static<typeof IncidentPage>;

export const IncidentDetail = Type.Object({ ...Incident.properties, abilities: Abilities });
export type IncidentDetail = Static<typeof IncidentDetail>;
