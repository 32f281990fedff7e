// R-DES-08: every designated item is reviewed yearly; recording the review takes it off the list
// until the next year. A review that finds the terms wrong proposes a change (items.changes.ts).
import { enforce, mayReviewItem, notFound } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { ItemCaller } from './items.common.ts';
import { getItem, markReviewed } from './items.queries.ts';

const ITEM = { zh: '定密事项', en: 'Designation item' };

export async function recordReview(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  note: string,
): Promise<{ id: string; lastReviewedAt: Date }> {
  const item = await getItem(sql, id, true);
  // Only the item's own organisation reviews it; anything else is not found (never a hint).
  if (!item || item.orgId !== caller.orgId) throw notFound(ITEM);
  // items.policy.ts itemRules.review (R-DES-08).
  enforce(mayReviewItem(caller, item));
  const lastReviewedAt = await markReviewed(sql, id);
  await appendAudit(sql, actor, {
    action: 'designation_item.review',
    objectType: 'designation_item',
    objectId: id,
    summary: { itemNumber: item.itemNumber, note },
  });
  return { id, lastReviewedAt };
}
