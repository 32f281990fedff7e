// Flat lists with parentId → antd tree nodes.
export interface TreeNode<T> {
  key: string;
  value: string;
  title: string;
  item: T;
  children?: TreeNode<T>[];
}

export function buildTree<T extends { id: string; name: string; parentId: string | null }>(
  items: T[],
  exclude?: string,
): TreeNode<T>[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(items.map((i) => i.id));
  for (const i of items) {
    const p = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    const list = byParent.get(p) ?? [];
    list.push(i);
    byParent.set(p, list);
  }
  const make = (parent: string | null, seen: Set<string>): TreeNode<T>[] =>
    (byParent.get(parent) ?? [])
      .filter((i) => i.id !== exclude && !seen.has(i.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((i) => {
        const next = new Set(seen).add(i.id);
        const children = make(i.id, next);
        return {
          key: i.id,
          value: i.id,
          title: i.name,
          item: i,
          children: children.length ? children : undefined,
        };
      });
  return make(null, new Set());
}

/** The ids of an item and everything under it. */
export function descendants<T extends { id: string; parentId: string | null }>(
  items: T[],
  id: string,
): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of items) {
      if (i.parentId && out.has(i.parentId) && !out.has(i.id)) {
        out.add(i.id);
        grew = true;
      }
    }
  }
  return out;
}
