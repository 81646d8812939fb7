/** Batch progress on stderr (stdout carries the JSON lines): pages done/total and time elapsed. */
export interface Progress {
  tick(label?: string): void;
  done(): void;
}

export function createProgress(total: number, what: string): Progress {
  const started = performance.now();
  const interactive = process.stderr.isTTY === true;
  // Without a terminal a line per page would flood CI logs: report every 5 %.
  const step = interactive ? 1 : Math.max(1, Math.ceil(total / 20));
  let count = 0;
  const line = (label?: string): string => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `${what}: ${count}/${total} pages, ${seconds}s${label ? `  ${label}` : ''}`;
  };
  return {
    tick(label) {
      count++;
      if (total < 2) return;
      if (interactive) process.stderr.write(`\r\x1b[K${line(label).slice(0, process.stderr.columns ?? 120)}`);
      else if (count % step === 0 || count === total) process.stderr.write(`${line()}\n`);
    },
    done() {
      if (total < 2) return;
      if (interactive) process.stderr.write(`\r\x1b[K${line()}\n`);
    },
  };
}
