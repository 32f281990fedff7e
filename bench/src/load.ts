// The load generator, in its own process (forked by run.ts) so that it never shares an event loop or a
// CPU budget decision with the server it measures. Each message is one measurement; the reply its result.
//   { mode: 'rps', url, headers, connections, seconds }  → { rps, errors, non2xx }   (autocannon)
//   { mode: 'latency', url, headers, count }            → { p50, p95 } ms, one request at a time
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export type LoadRequest =
  | { mode: 'rps'; url: string; headers: Record<string, string>; connections: number; seconds: number }
  | { mode: 'latency'; url: string; headers: Record<string, string>; count: number };

export type LoadResult = { rps: number; errors: number; non2xx: number } | { p50: number; p95: number };

async function measure(m: LoadRequest): Promise<LoadResult> {
  if (m.mode === 'rps') {
    const r = await autocannon({
      url: m.url,
      headers: m.headers,
      connections: m.connections,
      duration: m.seconds,
    });
    return { rps: r.requests.average, errors: r.errors, non2xx: r.non2xx };
  }
  const times: number[] = [];
  for (let i = 0; i < m.count; i++) {
    const t = performance.now();
    const r = await fetch(m.url, { headers: m.headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${m.url}: ${r.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

process.on('message', async (m: LoadRequest | 'stop') => {
  if (m === 'stop') process.exit(0);
  try {
    process.send!({ ok: await measure(m) });
  } catch (e) {
    process.send!({ error: e instanceof Error ? e.message : String(e) });
  }
});
process.on('disconnect', () => process.exit(0));
