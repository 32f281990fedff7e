import type { BusinessRole, Clearance, Rank } from '@baomi/domain';
import { likePattern, type Sql } from '../db/db.ts';

export interface Person {
  id: string;
  orgId: string;
  orgName: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  position: string;
  rank: Rank;
  nationality: string;
  clearance: Clearance;
  roles: BusinessRole[];
  accountId: string | null;
  username: string | null;
  createdAt: Date;
}

export interface PeopleFilter {
  orgId?: string;
  departmentId?: string;
  q?: string;
  role?: BusinessRole;
  clearance?: Clearance;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'department' | '-department';
}

const SELECT = `
  SELECT p.id, p.org_id AS "orgId", o.name AS "orgName", p.department_id AS "departmentId",
         d.name AS "departmentName", p.name, p.position, p.rank, p.nationality, p.clearance,
         coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM person_role r WHERE r.person_id = p.id), '[]'::json) AS roles,
         p.account_id AS "accountId", a.username, p.created_at AS "createdAt"
    FROM person p
    JOIN org o ON o.id = p.org_id
    LEFT JOIN department d ON d.id = p.department_id
    LEFT JOIN account a ON a.id = p.account_id`;

const ORDER: Record<NonNullable<PeopleFilter['sort']>, string> = {
  name: 'p.name ASC, p.id',
  '-name': 'p.name DESC, p.id',
  createdAt: 'p.created_at ASC, p.id',
  '-createdAt': 'p.created_at DESC, p.id',
  department: 'd.name ASC NULLS FIRST, p.name, p.id',
  '-department': 'd.name DESC NULLS LAST, p.name, p.id',
};

function where(f: PeopleFilter): { clause: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  if (f.orgId) add('p.org_id = ?', f.orgId);
  if (f.departmentId) add('p.department_id = ?', f.departmentId);
  if (f.clearance) add('p.clearance = ?', f.clearance);
  if (f.role) add('EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = ?)', f.role);
  if (f.q) {
    params.push(likePattern(f.q));
    const i = `$${params.length}`;
    conds.push(`(p.name ILIKE ${i} OR p.position ILIKE ${i} OR a.username ILIKE ${i})`);
  }
  return { clause: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export async function listPeople(sql: Sql, f: PeopleFilter, page?: { limit: number; offset: number }) {
  const w = where(f);
  const order = ORDER[f.sort ?? 'name'];
  const limit = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const [items, total] = await Promise.all([
    sql.query<Person>(`${SELECT} ${w.clause} ORDER BY ${order}${limit}`, w.params),
    sql.query<{ n: number }>(
      `SELECT count(*) AS n FROM person p LEFT JOIN account a ON a.id = p.account_id ${w.clause}`,
      w.params,
    ),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function getPerson(sql: Sql, id: string): Promise<Person | null> {
  return (await sql.query<Person>(`${SELECT} WHERE p.id = $1`, [id])).rows[0] ?? null;
}
