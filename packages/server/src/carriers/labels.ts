// R-CAR-09: the printable sheet of QR labels, through the one PDF form mechanism (exports/pdf.ts, which
// audits the print as `carrier.print`). The carriers are the ledger's (listCarriers: the one read rule
// CARRIER_READ compiled to SQL), narrowed to a selection, one receipt/production batch, a department or
// the ledger's filter. Each label: the QR code of `BAOMI-CARRIER:<id>`, the copy number, the canonical
// marking (R-LVL-05: never separated from the carrier's words), the title (shortened) and the 文号.
import type { LabelQuery } from '@baomi/api/carriers/import.ts';
import { MAX_LABELS } from '@baomi/api/carriers/import.ts';
import {
  CARRIER_KIND_LABELS,
  carrierQrPayload,
  formatCopyNumber,
  invalid,
  LEVEL_LABELS,
  LEVEL_RANK,
  notFound,
  type StateSecretLevel,
  truncateForLabel,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import type { PdfLabel, PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { CARRIER } from './policy.ts';
import { listCarriers } from './read.ts';

/** The sheet's spec and how many labels it holds; 404 when the caller may read none of them. */
export async function labelSheet(
  sql: Sql,
  caller: Caller,
  q: LabelQuery,
): Promise<{ spec: PdfSpec; count: number; singleId: string | null }> {
  const { ids: idText, ...filter } = q;
  const ids = idText ? [...new Set(idText.toLowerCase().split(','))] : undefined;
  if (ids && ids.length > MAX_LABELS) throw tooMany(ids.length);
  const { items, total } = await listCarriers(
    sql,
    caller,
    { ...filter, ids },
    { limit: MAX_LABELS + 1, offset: 0 },
  );
  if (total === 0) throw notFound(CARRIER);
  if (total > MAX_LABELS) throw tooMany(total);
  const top = items.reduce<StateSecretLevel | null>(
    (m, c) => (m === null || LEVEL_RANK[c.level] > LEVEL_RANK[m] ? c.level : m),
    null,
  );
  const labels: PdfLabel[] = items.map((c) => ({
    qr: carrierQrPayload(c.id),
    lines: [
      c.copyNumber !== null ? `份号 ${formatCopyNumber(c.copyNumber)}` : CARRIER_KIND_LABELS[c.kind].zh,
      c.marking,
      c.docNumber ? `文号 ${truncateForLabel(c.docNumber, 30)}` : '',
      truncateForLabel(c.title, 36),
    ],
  }));
  return {
    count: items.length,
    singleId: items.length === 1 ? items[0]!.id : null,
    spec: {
      title: '涉密载体二维码标签',
      subtitle: `共 ${items.length} 张${top ? `　本页所含最高密级：${LEVEL_LABELS[top].zh}` : ''}`,
      marking: top ? { level: top } : null,
      blocks: [{ kind: 'labels', items: labels }],
    },
  };
}

const tooMany = (n: number) =>
  invalid({
    code: 'labels_too_many',
    field: 'ids',
    rule: 'R-CAR-09',
    zh: `一次最多打印 ${MAX_LABELS} 张标签（所选为 ${n} 件），请缩小范围`,
    en: `At most ${MAX_LABELS} labels are printed at once (${n} chosen); narrow the choice`,
  });
