import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { ExtractionResult } from '../../../../src/core/story';
import { ReaderApp, type ReaderAppProps } from '../../../../src/reader/ReaderApp';
import { DEFAULT_READER_PREFERENCES } from '../../../../src/settings/schema';
import type { ReaderPreferences } from '../../../../src/settings/types';
import { translator } from './translate';

export interface Rendered {
  root: HTMLElement;
  calls: { close: number; showOriginal: number; preferences: ReaderPreferences[] };
  q<T extends Element = HTMLElement>(selector: string): T | null;
  qa<T extends Element = HTMLElement>(selector: string): T[];
  text(selector: string): string;
  press(key: string, target?: Element | null, init?: KeyboardEventInit): void;
  click(selector: string | Element): void;
  /** Renders another result into the same view, as a new page of the same tab would. */
  rerender(next: ExtractionResult): void;
  cleanup(): void;
}

/** Renders the reader into the jsdom document of the test (environment jsdom), effects flushed. */
export function renderReader(
  result: ExtractionResult,
  options: { locale?: 'en' | 'de'; props?: Partial<ReaderAppProps> } = {},
): Rendered {
  const root = document.createElement('div');
  document.body.append(root);
  const calls: Rendered['calls'] = { close: 0, showOriginal: 0, preferences: [] };
  let preferences: ReaderPreferences = { ...DEFAULT_READER_PREFERENCES };
  let current = result;
  const draw = () =>
    render(
      <ReaderApp
        result={current}
        t={translator(options.locale ?? 'de')}
        preferences={preferences}
        onPreferencesChange={(next) => {
          calls.preferences.push(next);
          preferences = next;
          draw();
        }}
        onClose={() => {
          calls.close += 1;
        }}
        onShowOriginal={() => {
          calls.showOriginal += 1;
        }}
        {...options.props}
      />,
      root,
    );
  act(draw);
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  return {
    root,
    calls,
    q,
    qa: (selector) => [...root.querySelectorAll(selector)] as never,
    text: (selector) => (q(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    rerender(next) {
      current = next;
      act(draw);
    },
    press(key, target, init) {
      const el = target ?? root.ownerDocument.activeElement ?? root;
      act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
      });
    },
    click(selectorOrElement) {
      const el = typeof selectorOrElement === 'string' ? q(selectorOrElement) : selectorOrElement;
      if (!el) throw new Error(`nothing to click at ${String(selectorOrElement)}`);
      act(() => {
        (el as HTMLElement).click();
      });
    },
    cleanup() {
      act(() => render(null, root));
      root.remove();
    },
  };
}
