// The columns of the audit trail's Excel/CSV export: the same words as the audit page (the modules'
// declared actions and labels), then the chain's sequence and hash for whoever checks the file.
import { ACTOR_CLASS_LABELS, type ActorClass } from '@baomi/api/audit.ts';
import { ADMIN_ROLE_LABELS, type AdminRole, BUSINESS_ROLE_LABELS, type BusinessRole } from '@baomi/domain';
import type { Column } from '../exports/ledger.ts';
import type { AuditLine } from './describe.ts';
import type { ReadableEvent } from './read.ts';

type Lang = 'zh' | 'en';

/** The lines of an event as one cell: 字段：旧值 → 新值；… */
export function linesText(lines: readonly AuditLine[], lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  return lines
    .map((l) => `${l.field[lang]}${sep}${l.from ? `${l.from[lang]} → ` : ''}${l.value[lang]}`)
    .join(lang === 'zh' ? '；' : '; ');
}

function roleText(role: string | null, lang: Lang): string | null {
  if (!role) return null;
  return role
    .split(',')
    .map((r) => (ADMIN_ROLE_LABELS[r as AdminRole] ?? BUSINESS_ROLE_LABELS[r as BusinessRole])?.[lang] ?? r)
    .join(lang === 'zh' ? '、' : ', ');
}

function actorText(e: ReadableEvent, lang: Lang): string {
  if (e.actorClass === 'system') return ACTOR_CLASS_LABELS.system[lang];
  return e.actorName;
}

export function exportColumns(lang: Lang): Column<ReadableEvent>[] {
  const col = (zh: string, en: string, value: Column<ReadableEvent>['value'], width?: number) => ({
    // the sheet's header is the column's `zh`: the chosen language's word
    zh: lang === 'zh' ? zh : en,
    en,
    value,
    ...(width ? { width } : {}),
  });
  return [
    col('序号', 'Seq', (e) => e.seq, 8),
    col('时间', 'Time', (e) => e.at, 20),
    col('操作人', 'Actor', (e) => actorText(e, lang), 16),
    col('账号', 'Account', (e) => e.actorUsername),
    col('身份', 'Class', (e) => ACTOR_CLASS_LABELS[e.actorClass as ActorClass]?.[lang] ?? e.actorClass),
    col('角色', 'Role', (e) => roleText(e.actorRole, lang), 20),
    col('操作', 'Action', (e) => e.actionLabel[lang], 24),
    col('对象', 'Object', (e) => e.objectLabel?.[lang] ?? e.objectTypeLabel?.[lang] ?? null, 28),
    col('内容', 'Details', (e) => linesText(e.lines, lang), 60),
    col('来源地址', 'IP', (e) => e.ip),
    col('哈希', 'Hash', (e) => e.hash, 66),
  ];
}
