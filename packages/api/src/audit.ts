// The audit trail (审计日志, R-SYS-03): the contract of /api/audit.
import { ADMIN_ROLE_LABELS } from '@baomi/domain';
import {
  Bilingual,
  Enum,
  Int,
  Nullable,
  Page,
  Paging,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
} from './common.ts';

/** Limits of the search fields. */
export const LIMITS = { actor: 100, action: 100, module: 50, objectType: 50, objectId: 100 } as const;

const filter = {
  actor: Type.Optional(Type.String({ maxLength: LIMITS.actor })),
  action: Type.Optional(Type.String({ maxLength: LIMITS.action })),
  /** The actions of one module (the 操作 filter's group). */
  module: Type.Optional(Type.String({ maxLength: LIMITS.module })),
  objectType: Type.Optional(Type.String({ maxLength: LIMITS.objectType })),
  objectId: Type.Optional(Type.String({ maxLength: LIMITS.objectId })),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
};
export const AuditQuery = Req({ ...filter, ...Paging });
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditExportQuery = Req({
  ...filter,
  format: Type.Optional(Enum(['csv', 'xlsx'] as const)),
  /** The language of the file's words (the UI's language). */
  lang: Type.Optional(Enum(['zh', 'en'] as const)),
});
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** Who acted: an administrator role, a business user, or the system itself. */
export const ACTOR_CLASSES = ['sysadmin', 'secadmin', 'auditor', 'user', 'system'] as const;
export type ActorClass = (typeof ACTOR_CLASSES)[number];
export const ACTOR_CLASS_LABELS: Record<ActorClass, Bilingual> = {
  ...ADMIN_ROLE_LABELS,
  user: { zh: '业务用户', en: 'Business user' },
  system: { zh: '系统', en: 'System' },
};

/** One readable line of an event: a field's label and its value, or its change (from → value). */
export const AuditLine = Type.Object({
  field: Bilingual,
  value: Bilingual,
  /** The value before the change, when the line is a change. */
  from: Type.Optional(Bilingual),
  /** For support, in a tooltip: the code behind the words (a rule id, a route). */
  hint: Type.Optional(Type.String()),
});
export type AuditLine = Static<typeof AuditLine>;

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  at: Timestamp,
  actorId: Nullable(Type.String()),
  actorName: Type.String(),
  /** One of ACTOR_CLASSES. */
  actorClass: Type.String(),
  /** The administrator role, or the business roles joined by commas. */
  actorRole: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  /** What changed, as the module wrote it (any JSON). */
  summary: Type.Unknown(),
  ip: Nullable(Type.String()),
  hash: Type.String(),
  prevHash: Type.String(),
  /** The canonical JSON the hash covers (the detail drawer shows it). */
  payload: Type.String(),
  // --- the event in words (the modules' declared actions and labels)
  /** The module that declared the action. */
  module: Nullable(Type.String()),
  actionLabel: Bilingual,
  /** The user name of the account that acted. */
  actorUsername: Nullable(Type.String()),
  objectTypeLabel: Nullable(Bilingual),
  /** The object's name (a person's, an organisation's), or its type and a short id. */
  objectLabel: Nullable(Bilingual),
  lines: Type.Array(AuditLine),
});
export type AuditEvent = Static<typeof AuditEvent>;
export const AuditPage = Page(AuditEvent);
export type AuditPage = Static<typeof AuditPage>;

/** A point of the chain an auditor wrote down, to catch a rewritten tail later. */
export const CheckpointInput = Req({
  seq: Int(0, Number.MAX_SAFE_INTEGER),
  hash: Str(64, 64, { pattern: '^[0-9a-f]{64}$' }),
});
export type CheckpointInput = Static<typeof CheckpointInput>;
/** No body, `{}`, or `{checkpoint}`. */
export const VerifyBody = Type.Union([Type.Null(), Req({ checkpoint: Type.Optional(CheckpointInput) })]);
export type VerifyBody = Static<typeof VerifyBody>;

export const Checkpoint = Type.Object({
  seq: Type.Integer(),
  hash: Type.String(),
  at: Nullable(Timestamp),
});
export type Checkpoint = Static<typeof Checkpoint>;

export const VerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first broken sequence number, if any. */
  firstBroken: Nullable(Type.Integer()),
  reason: Nullable(Bilingual),
  head: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  /**
   * Committed events that still waited to be chained when verification began (PostgreSQL chains from
   * an outbox moments after each commit): they were chained first and are among those checked.
   */
  waiting: Type.Integer({ minimum: 0 }),
});
export type VerifyResult = Static<typeof VerifyResult>;

/** The audit actions the modules declare, grouped by module: the 操作 filter's list. */
export const AuditActionCatalogue = Type.Object({
  modules: Type.Array(
    Type.Object({
      name: Type.String(),
      label: Bilingual,
      actions: Type.Array(Type.Object({ action: Type.String(), label: Bilingual })),
    }),
  ),
});
export type AuditActionCatalogue = Static<typeof AuditActionCatalogue>;
