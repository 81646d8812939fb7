import { describe, expect, it } from 'vitest';
import { createSpeechSession, pickVoice, type SpeechEngine } from '../../../src/reader/speech';

const voice = (lang: string, extra: Partial<SpeechSynthesisVoice> = {}) =>
  ({
    lang,
    name: `${lang} voice`,
    localService: false,
    default: false,
    voiceURI: lang,
    ...extra,
  }) as SpeechSynthesisVoice;

describe('pickVoice', () => {
  it('prefers the exact region, then a local voice of the language', () => {
    const voices = [voice('en-US'), voice('de-AT'), voice('de-DE'), voice('de_CH', { localService: true })];
    expect(pickVoice(voices, 'de-DE')?.lang).toBe('de-DE');
    expect(pickVoice(voices, 'de')?.lang).toBe('de_CH');
  });

  it('finds nothing for a language without a voice', () => {
    expect(pickVoice([voice('en-US')], 'de')).toBeNull();
    expect(pickVoice([], 'de')).toBeNull();
  });
});

class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeEngine() {
  const spoken: FakeUtterance[] = [];
  const engine: SpeechEngine & { spoken: FakeUtterance[]; cancelled: number } = {
    spoken,
    cancelled: 0,
    getVoices: () => [],
    speak: (u) => void spoken.push(u as unknown as FakeUtterance),
    cancel() {
      this.cancelled += 1;
    },
    pause: () => undefined,
    resume: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return engine;
}

function block(text: string) {
  return { textContent: text } as HTMLElement;
}

describe('createSpeechSession', () => {
  it('reads the blocks one by one with the voice and rate, reporting each block, then stops', () => {
    const engine = fakeEngine();
    const blocks = [block('Titel'), block('  '), block('Erster Absatz.')];
    const seen: (HTMLElement | null)[] = [];
    const states: string[] = [];
    const session = createSpeechSession({
      engine,
      createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
      voice: voice('de-DE'),
      lang: 'de',
      rate: 1.25,
      blocks: () => blocks,
      onBlock: (b) => seen.push(b),
      onStateChange: (s) => states.push(s),
    });
    session.play();
    expect(engine.spoken.map((u) => [u.text, u.lang, u.rate])).toEqual([['Titel', 'de-DE', 1.25]]);
    engine.spoken[0]?.onend?.();
    // The empty block is skipped.
    expect(engine.spoken.map((u) => u.text)).toEqual(['Titel', 'Erster Absatz.']);
    engine.spoken[1]?.onend?.();
    expect(seen).toEqual([blocks[0], blocks[2], null]);
    expect(states).toEqual(['playing', 'stopped']);
    expect(session.state).toBe('stopped');
  });

  it('pauses, resumes, restarts the paragraph at a new rate and ignores events of cancelled utterances', () => {
    const engine = fakeEngine();
    const session = createSpeechSession({
      engine,
      createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
      voice: voice('de-DE'),
      lang: 'de',
      rate: 1,
      blocks: () => [block('Eins'), block('Zwei')],
      onBlock: () => undefined,
      onStateChange: () => undefined,
    });
    session.play();
    session.pause();
    expect(session.state).toBe('paused');
    session.play();
    expect(session.state).toBe('playing');
    session.setRate(1.5);
    expect(engine.spoken.map((u) => [u.text, u.rate])).toEqual([
      ['Eins', 1],
      ['Eins', 1.5],
    ]);
    // The first utterance ends because it was cancelled: it must not advance the reading.
    engine.spoken[0]?.onend?.();
    expect(engine.spoken).toHaveLength(2);
    session.stop();
    expect(session.state).toBe('stopped');
    engine.spoken[1]?.onend?.();
    expect(engine.spoken).toHaveLength(2);
  });
});
