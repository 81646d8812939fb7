// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createReaderController } from '../../../src/content/reader-controller';
import { DEFAULT_READER_PREFERENCES } from '../../../src/settings/schema';
import { translator } from '../reader/support/translate';

const PARAGRAPH =
  'Der Gemeinderat hat am Dienstagabend beschlossen, die Grundschule am Markt im kommenden Frühjahr zu sanieren. ';

function writeArticle(): void {
  document.title = 'Grundschule wird saniert';
  document.body.innerHTML = `<article><h1>Grundschule wird saniert</h1>${`<p>${PARAGRAPH.repeat(3)}</p>`.repeat(4)}</article>`;
}

function controllerWithStates() {
  const states: [boolean, boolean | undefined][] = [];
  const controller = createReaderController(document, {
    t: translator('de'),
    preferences: { ...DEFAULT_READER_PREFERENCES },
    onStateChange: (open, removedByPage) => states.push([open, removedByPage]),
  });
  return { controller, states };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let observer: MutationObserver | undefined;
afterEach(() => {
  observer?.disconnect();
  observer = undefined;
});

describe('reader controller', () => {
  it('reports an ordinary close as closed by the user', () => {
    writeArticle();
    const { controller, states } = controllerWithStates();
    expect(controller.toggle()).toBe(true);
    expect(controller.toggle()).toBe(false);
    expect(states).toEqual([
      [true, undefined],
      [false, false],
    ]);
  });

  it('gives up on a page that keeps removing the reader, restores it and says the page did it', async () => {
    writeArticle();
    const before = document.documentElement.outerHTML;
    const known = new Set(document.querySelectorAll('*'));
    observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof Element && !known.has(node)) node.remove();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    const { controller, states } = controllerWithStates();
    controller.open();
    await flush();
    expect(controller.isOpen()).toBe(false);
    expect(states).toEqual([
      [true, undefined],
      [false, true],
    ]);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
