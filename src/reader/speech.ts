/**
 * Read aloud with the Web Speech API: the system's installed voices, nothing fetched. The text is
 * spoken one paragraph per utterance, which lets the reader highlight the paragraph being read
 * and works around engines that stop long utterances after some seconds.
 */

/** The parts of SpeechSynthesis we use; a fake in the unit tests. */
export interface SpeechEngine {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

/** Best installed voice for a BCP 47 language tag: same region first, then any of the language. */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | null {
  const wanted = normaliseLang(lang);
  const primary = wanted.split('-')[0];
  if (!primary) return null;
  const sameLanguage = voices.filter((voice) => normaliseLang(voice.lang).split('-')[0] === primary);
  const rank = (voice: SpeechSynthesisVoice) =>
    (normaliseLang(voice.lang) === wanted ? 4 : 0) + (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
  return [...sameLanguage].sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

function normaliseLang(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

export type SpeechState = 'stopped' | 'playing' | 'paused';

export interface SpeechSession {
  play(): void;
  pause(): void;
  stop(): void;
  setRate(rate: number): void;
  readonly state: SpeechState;
}

export interface SpeechSessionOptions {
  engine: SpeechEngine;
  createUtterance: UtteranceFactory;
  voice: SpeechSynthesisVoice;
  lang: string;
  rate: number;
  /** The blocks to read, in order (re-read on every play from the start). */
  blocks: () => HTMLElement[];
  /** Called with the block being read, or null when reading ends or stops. */
  onBlock(block: HTMLElement | null): void;
  onStateChange(state: SpeechState): void;
}

export function createSpeechSession(options: SpeechSessionOptions): SpeechSession {
  let state: SpeechState = 'stopped';
  let queue: HTMLElement[] = [];
  let index = 0;
  let rate = options.rate;
  // Each play/stop starts a new generation; events of cancelled utterances belong to an old one.
  let generation = 0;

  const setState = (next: SpeechState) => {
    state = next;
    options.onStateChange(next);
  };

  function speakCurrent(current: number) {
    const block = queue[index];
    if (!block) {
      options.onBlock(null);
      setState('stopped');
      return;
    }
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) {
      index += 1;
      speakCurrent(current);
      return;
    }
    const utterance = options.createUtterance(text);
    utterance.voice = options.voice;
    utterance.lang = options.voice.lang || options.lang;
    utterance.rate = rate;
    utterance.onend = () => {
      if (current !== generation) return;
      index += 1;
      speakCurrent(current);
    };
    utterance.onerror = (event) => {
      if (current !== generation) return;
      // "interrupted"/"canceled" come from our own cancel(); anything else ends the reading.
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      options.onBlock(null);
      setState('stopped');
    };
    options.onBlock(block);
    options.engine.speak(utterance);
  }

  function restartAt(at: number) {
    generation += 1;
    options.engine.cancel();
    index = at;
    setState('playing');
    speakCurrent(generation);
  }

  return {
    get state() {
      return state;
    },
    play() {
      if (state === 'paused') {
        options.engine.resume();
        setState('playing');
        return;
      }
      if (state === 'playing') return;
      queue = options.blocks();
      restartAt(0);
    },
    pause() {
      if (state !== 'playing') return;
      options.engine.pause();
      setState('paused');
    },
    stop() {
      generation += 1;
      options.engine.cancel();
      options.onBlock(null);
      if (state !== 'stopped') setState('stopped');
    },
    setRate(next) {
      rate = next;
      // A rate applies per utterance: restart the current paragraph so the change is heard now.
      if (state === 'playing') restartAt(index);
    },
  };
}
