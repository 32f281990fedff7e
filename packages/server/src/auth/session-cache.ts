// A per-node read cache of signed-in sessions. The database stays the truth: every change that
// could alter a session's meaning sends NOTIFY baomi_auth (triggers in the schema), and every node
// drops its whole cache when it hears one. A short TTL bounds staleness should a notice be missed.
import type { AuthContext } from './context.ts';

export interface CachedSession {
  ctx: AuthContext;
  /** When the entry was read from the database. */
  loadedAt: number;
  /** Last activity seen by this node (for the idle timeout). */
  lastSeen: number;
  /** Last time this node wrote last_seen_at. */
  lastTouched: number;
}

export class SessionCache {
  private entries = new Map<string, CachedSession>();
  /** Bumped on every invalidation; a load that straddles one is not stored. */
  generation = 0;

  constructor(
    readonly ttlMs = 30_000,
    readonly maxEntries = 10_000,
  ) {}

  get(id: string, now: number): CachedSession | null {
    const e = this.entries.get(id);
    if (!e) return null;
    if (now - e.loadedAt > this.ttlMs) {
      this.entries.delete(id);
      return null;
    }
    return e;
  }

  set(id: string, entry: CachedSession, generationAtLoad: number): void {
    if (generationAtLoad !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, entry);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
