/**
 * `--profile`: V8's sampling CPU profile of the in-page extraction runs, summed over pages, as
 * self time per function. Tells where the pipeline spends its time that Readability does not.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  name: string;
  /** Script name and 1-based line. */
  where: string;
  selfMs: number;
}

/** Sums self time per function over every profile recorded. */
export class ProfileAggregate {
  private readonly costs = new Map<string, FunctionCost>();

  async record<T>(cdp: CDPSession, run: () => Promise<T>): Promise<T> {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      this.add(profile);
    }
  }

  private add(profile: CpuProfile): void {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    // A sample's time is the gap to the next one (the last sample takes the mean gap).
    const mean = samples.length ? (profile.endTime - profile.startTime) / samples.length : 0;
    samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const ms = (deltas[i + 1] ?? mean) / 1000;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = functionName || '(anonymous)';
      const where = `${url.split('/').pop() || '(native)'}:${lineNumber + 1}`;
      const key = `${name}@${where}`;
      const cost = this.costs.get(key) ?? { name, where, selfMs: 0 };
      cost.selfMs += ms;
      this.costs.set(key, cost);
    });
  }

  top(n: number): FunctionCost[] {
    return [...this.costs.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, n)
      .map((c) => ({ ...c, selfMs: Math.round(c.selfMs) }));
  }

  /** Self time per script (the plain Readability copy, our core bundle, the browser itself). */
  byScript(): { script: string; selfMs: number }[] {
    const totals = new Map<string, number>();
    for (const c of this.costs.values()) {
      const script = c.where.replace(/:\d+$/, '');
      totals.set(script, (totals.get(script) ?? 0) + c.selfMs);
    }
    return [...totals]
      .map(([script, ms]) => ({ script, selfMs: Math.round(ms) }))
      .sort((a, b) => b.selfMs - a.selfMs);
  }
}
