// Words of the audit page that are not the server's: who acted (the contract's actor classes). The
// actions, objects and fields come in words from the server (the modules' declarations).

import type { AuditLine } from '@baomi/api/audit.ts';
import { ACTOR_CLASS_LABELS as CONTRACT_ACTOR_CLASS_LABELS } from '@baomi/api/audit.ts';
import type { Bilingual } from '../../app/api.ts';

/** Who acted (the contract's list and labels). */
export const ACTOR_CLASS_LABELS: Record<string, Bilingual> = CONTRACT_ACTOR_CLASS_LABELS;

/** One line of an event: 字段：旧值 → 新值, or 字段：值. */
export function lineText(line: AuditLine, lang: 'zh' | 'en'): string {
  const sep = lang === 'zh' ? '：' : ': ';
  return `${line.field[lang]}${sep}${line.from ? `${line.from[lang]} → ` : ''}${line.value[lang]}`;
}

/** The filter's value for a whole module (a group of the 操作 tree). */
export const MODULE_PREFIX = 'module:';
