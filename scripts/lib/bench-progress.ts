/** Benchmark progress on stderr: pages done, time elapsed and an estimate of the time left. */
export interface BenchProgress {
  tick(label: string): void;
  done(): void;
}

export function benchProgress(
  total: number,
  write: (text: string) => void = (t) => process.stderr.write(t),
): BenchProgress {
  const started = performance.now();
  const interactive = process.stderr.isTTY === true;
  // Without a terminal, one line per page would flood a CI log: report about every 5 %.
  const every = interactive ? 1 : Math.max(1, Math.ceil(total / 20));
  let count = 0;
  const line = (label: string): string => {
    const elapsed = (performance.now() - started) / 1000;
    const left = count ? (elapsed / count) * (total - count) : 0;
    return `bench: ${count}/${total} pages, ${clock(elapsed)} elapsed, ~${clock(left)} left  ${label}`;
  };
  return {
    tick(label) {
      count++;
      if (interactive) write(`\r\x1b[K${line(label).slice(0, (process.stderr.columns ?? 120) - 1)}`);
      else if (count % every === 0 || count === total) write(`${line(label)}\n`);
    },
    done() {
      if (interactive) write('\n');
    },
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
