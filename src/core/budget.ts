/**
 * The extraction time budget inside long steps. extractStory checks the clock between its steps;
 * a single step (Readability on 50,000 nodes, the sanitizer on a huge story) can run for a second
 * or more on its own, so the loops that grow with the page call `checkBudget` too.
 *
 * The deadline is ambient rather than passed down: extraction is synchronous and single-threaded,
 * the loops sit deep inside helpers (and inside Readability and DOMPurify, reached through their
 * hooks), and outside `withinBudget` the check is a counter increment that never throws.
 */

/** Thrown when extraction runs past its time budget; extractStory answers "timeout". */
export class BudgetExceeded extends Error {}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Reading the clock is cheap, but not free: look at it every this many checks. */
const CHECK_EVERY = 128;

let deadline = Number.POSITIVE_INFINITY;
let budgetMs = 0;
let calls = 0;

/** Runs `run` with a deadline `ms` from `start`; nested calls keep the outer deadline afterwards. */
export function withinBudget<T>(start: number, ms: number, run: () => T): T {
  const outer = { deadline, budgetMs };
  deadline = start + ms;
  budgetMs = ms;
  try {
    return run();
  } finally {
    deadline = outer.deadline;
    budgetMs = outer.budgetMs;
  }
}

/** Throws BudgetExceeded once the current deadline has passed; `where` names the loop. */
export function checkBudget(where: string): void {
  calls = (calls + 1) % CHECK_EVERY;
  if (calls !== 0 || deadline === Number.POSITIVE_INFINITY) return;
  if (now() > deadline) throw new BudgetExceeded(`over ${budgetMs} ms during ${where}`);
}

/** The clock, for callers that time their own steps. */
export { now as clock };
