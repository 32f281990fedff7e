// Backups: a consistent copy of the embedded database (PGlite's own dump, taken between
// transactions); on a PostgreSQL server, pg_dump is the tool and Baomi says so.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conflict } from '@baomi/domain';
import type { Db } from '../db/db.ts';

export const BACKUP_NAME = /^baomi-\d{8}-\d{6}(-\d+)?\.tar\.gz$/;

export const PG_DUMP_GUIDANCE = {
  zh: '使用外部 PostgreSQL 时请用 pg_dump 备份，例如：pg_dump --format=custom --file=baomi.dump "$DATABASE_URL"',
  en: 'On a PostgreSQL server, back up with pg_dump, e.g. pg_dump --format=custom --file=baomi.dump "$DATABASE_URL"',
};

export interface BackupFile {
  name: string;
  size: number;
  createdAt: Date;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

export async function createBackup(db: Db, dir: string): Promise<BackupFile> {
  if (!db.dump) throw conflict({ code: 'use_pg_dump', ...PG_DUMP_GUIDANCE });
  mkdirSync(dir, { recursive: true });
  const bytes = await db.dump();
  const now = new Date();
  let name = `baomi-${stamp(now)}.tar.gz`;
  for (let i = 1; readdirSync(dir).includes(name); i++) name = `baomi-${stamp(now)}-${i}.tar.gz`;
  writeFileSync(join(dir, name), bytes);
  return { name, size: bytes.length, createdAt: now };
}

export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const s = statSync(join(dir, name));
      return { name, size: s.size, createdAt: s.mtime };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}
