// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpeechEngine } from '../../../src/reader/speech';
import { type Rendered, renderReader } from './support/render';
import { makeStory } from './support/stories';

let view: Rendered | undefined;
afterEach(() => {
  view?.cleanup();
  view = undefined;
});

function speech(langs: string[]) {
  const spoken: { text: string; onend?: () => void }[] = [];
  const engine: SpeechEngine = {
    getVoices: () =>
      langs.map(
        (lang) =>
          ({ lang, name: lang, localService: true, default: false, voiceURI: lang }) as SpeechSynthesisVoice,
      ),
    speak: (u) => void spoken.push(u as unknown as { text: string }),
    cancel: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  const createUtterance = (text: string) => ({ text }) as unknown as SpeechSynthesisUtterance;
  return { spoken, loadSpeech: () => ({ engine, createUtterance }) };
}

describe('read aloud', () => {
  it('is hidden when the system has no voice for the story language', () => {
    view = renderReader(makeStory({ lang: 'de' }), { props: { loadSpeech: speech(['en-US']).loadSpeech } });
    expect(view.q('.kt-read-aloud')).toBeNull();
  });

  it('is hidden where the browser has no speech synthesis', () => {
    view = renderReader(makeStory(), { props: { loadSpeech: () => null } });
    expect(view.q('.kt-read-aloud')).toBeNull();
  });

  it('reads title and paragraphs in order, highlighting the one being read', () => {
    // jsdom does no layout: scrolling into view is a no-op there.
    Element.prototype.scrollIntoView = () => undefined;
    const { spoken, loadSpeech } = speech(['de-DE']);
    view = renderReader(makeStory(), { props: { loadSpeech } });
    const play = view.q('.kt-read-aloud button');
    expect(play?.getAttribute('aria-label')).toBe('Vorlesen');
    view.click(play as Element);
    expect(spoken.map((u) => u.text)).toEqual(['Neuer Spielplatz am Stadtpark eröffnet']);
    expect(view.q('.kt-speaking')?.className).toContain('kt-title');
    act(() => (spoken[0] as { onend?: () => void }).onend?.());
    act(() => (spoken[1] as { onend?: () => void }).onend?.());
    expect(spoken.map((u) => u.text)).toEqual([
      'Neuer Spielplatz am Stadtpark eröffnet',
      'Kinder weihen die Kletterburg ein',
      'Erster Absatz über den Spielplatz.',
    ]);
    expect(view.qa('.kt-speaking')).toHaveLength(1);
    expect(view.q('.kt-speaking')?.textContent).toBe('Erster Absatz über den Spielplatz.');
    // Playing shows pause, stop and speed.
    expect(view.q('.kt-read-aloud button')?.getAttribute('aria-label')).toBe('Vorlesen anhalten');
    expect(view.q('.kt-rate')).not.toBeNull();
    view.click(view.qa('.kt-read-aloud button')[1] as Element);
    expect(view.q('.kt-speaking')).toBeNull();
    expect(view.q('.kt-rate')).toBeNull();
  });
});
