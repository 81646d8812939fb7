import { useEffect, useRef, useState } from 'preact/hooks';
import { SPEECH_RATE_RANGE } from '../../settings/schema';
import { formatters } from '../format';
import type { Translate } from '../i18n';
import {
  createSpeechSession,
  pickVoice,
  type SpeechEngine,
  type SpeechSession,
  type SpeechState,
  type UtteranceFactory,
} from '../speech';
import { PauseIcon, PlayIcon, SpeakerIcon, StopIcon } from './icons';

export interface SpeechSupport {
  engine: SpeechEngine;
  createUtterance: UtteranceFactory;
}

interface ReadAloudProps {
  speech: SpeechSupport;
  lang: string;
  rate: number;
  t: Translate;
  uiLang: string;
  /** The story's readable blocks, in reading order. */
  blocks(): HTMLElement[];
  onRateChange(rate: number): void;
}

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2].filter(
  (r) => r >= SPEECH_RATE_RANGE.min && r <= SPEECH_RATE_RANGE.max,
);
const SPEAKING_CLASS = 'kt-speaking';

/** Play / pause / stop and speed; renders nothing while the system has no voice for the story's language. */
export function ReadAloud({ speech, lang, rate, t, uiLang, blocks, onRateChange }: ReadAloudProps) {
  const voice = useVoice(speech.engine, lang);
  const [state, setState] = useState<SpeechState>('stopped');
  const session = useRef<SpeechSession | null>(null);
  const current = useRef<HTMLElement | null>(null);

  useEffect(() => () => session.current?.stop(), []);
  useEffect(() => {
    session.current?.stop();
    session.current = null;
  }, [voice]);

  if (!voice) return null;

  const highlight = (block: HTMLElement | null) => {
    current.current?.classList.remove(SPEAKING_CLASS);
    current.current = block;
    if (!block) return;
    block.classList.add(SPEAKING_CLASS);
    block.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const ensureSession = () => {
    session.current ??= createSpeechSession({
      engine: speech.engine,
      createUtterance: speech.createUtterance,
      voice,
      lang,
      rate,
      blocks,
      onBlock: highlight,
      onStateChange: setState,
    });
    return session.current;
  };
  const rateFormat = formatters(uiLang).number;

  return (
    <div class="kt-read-aloud">
      {state === 'playing' ? (
        <button
          type="button"
          class="kt-tool"
          onClick={() => ensureSession().pause()}
          aria-label={t('readAloudPause')}
        >
          <PauseIcon />
          <span class="kt-tool-label">{t('readAloudPauseShort')}</span>
        </button>
      ) : (
        <button
          type="button"
          class="kt-tool"
          onClick={() => ensureSession().play()}
          aria-label={state === 'paused' ? t('readAloudResume') : t('readAloud')}
        >
          {state === 'paused' ? <PlayIcon /> : <SpeakerIcon />}
          <span class="kt-tool-label">
            {state === 'paused' ? t('readAloudResumeShort') : t('readAloudShort')}
          </span>
        </button>
      )}
      {state !== 'stopped' && (
        <>
          <button
            type="button"
            class="kt-tool kt-tool-icon"
            onClick={() => session.current?.stop()}
            aria-label={t('readAloudStop')}
          >
            <StopIcon />
          </button>
          <select
            class="kt-rate"
            aria-label={t('readAloudSpeed')}
            value={String(rate)}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              session.current?.setRate(next);
              onRateChange(next);
            }}
          >
            {(RATES.includes(rate) ? RATES : [...RATES, rate].sort((a, b) => a - b)).map((value) => (
              <option key={value} value={String(value)}>
                {`${rateFormat.format(value)}×`}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}

/** The voice for `lang`; voices arrive asynchronously in Chromium (voiceschanged). */
function useVoice(engine: SpeechEngine, lang: string): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState(() => pickVoice(engine.getVoices(), lang));
  useEffect(() => {
    const update = () => setVoice(pickVoice(engine.getVoices(), lang));
    update();
    engine.addEventListener('voiceschanged', update);
    return () => engine.removeEventListener('voiceschanged', update);
  }, [engine, lang]);
  return voice;
}
