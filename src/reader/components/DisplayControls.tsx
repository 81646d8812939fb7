import { FONT_FAMILIES, LINE_HEIGHTS, LINE_WIDTHS, THEMES } from '../../settings/schema';
import type { ReaderPreferences } from '../../settings/types';
import type { Translate } from '../i18n';
import { FONT_SIZE_STEPS, fontSizePx } from '../preferences';

interface DisplayControlsProps {
  id: string;
  preferences: ReaderPreferences;
  t: Translate;
  onChange(preferences: ReaderPreferences): void;
}

const THEME_KEYS = {
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  system: 'themeSystem',
} as const;
const FONT_KEYS = { serif: 'fontSerif', sans: 'fontSans' } as const;
const WIDTH_KEYS = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' } as const;
const LEADING_KEYS = { compact: 'leadingCompact', normal: 'leadingNormal', loose: 'leadingLoose' } as const;

/** The display panel: native radio groups and buttons, so every control works by keyboard as is. */
export function DisplayControls({ id, preferences, t, onChange }: DisplayControlsProps) {
  const set = <K extends keyof ReaderPreferences>(key: K, value: ReaderPreferences[K]) =>
    onChange({ ...preferences, [key]: value });
  const size = Math.min(Math.max(preferences.fontSize, 0), FONT_SIZE_STEPS - 1);
  return (
    <section id={id} class="kt-panel" aria-label={t('displaySettings')}>
      <fieldset class="kt-choice">
        <legend class="kt-panel-label">{t('fontSize')}</legend>
        <div class="kt-stepper">
          <button
            type="button"
            class="kt-step kt-step-smaller"
            onClick={() => set('fontSize', size - 1)}
            disabled={size <= 0}
            aria-label={t('fontSmaller')}
          >
            A
          </button>
          <output class="kt-step-value" aria-live="polite">
            {t('fontSizeValue', [String(size + 1), String(FONT_SIZE_STEPS)])}
            <span class="kt-visually-hidden">{` (${fontSizePx(size)} px)`}</span>
          </output>
          <button
            type="button"
            class="kt-step kt-step-larger"
            onClick={() => set('fontSize', size + 1)}
            disabled={size >= FONT_SIZE_STEPS - 1}
            aria-label={t('fontLarger')}
          >
            A
          </button>
        </div>
      </fieldset>
      <Choice
        name={`${id}-theme`}
        legend={t('theme')}
        options={THEMES.map((value) => ({ value, label: t(THEME_KEYS[value]) }))}
        value={preferences.theme}
        onChange={(value) => set('theme', value)}
        swatches
      />
      <Choice
        name={`${id}-font`}
        legend={t('fontFamily')}
        options={FONT_FAMILIES.map((value) => ({ value, label: t(FONT_KEYS[value]) }))}
        value={preferences.fontFamily}
        onChange={(value) => set('fontFamily', value)}
      />
      <Choice
        name={`${id}-width`}
        legend={t('lineWidth')}
        options={LINE_WIDTHS.map((value) => ({ value, label: t(WIDTH_KEYS[value]) }))}
        value={preferences.lineWidth}
        onChange={(value) => set('lineWidth', value)}
      />
      <Choice
        name={`${id}-leading`}
        legend={t('lineHeight')}
        options={LINE_HEIGHTS.map((value) => ({ value, label: t(LEADING_KEYS[value]) }))}
        value={preferences.lineHeight}
        onChange={(value) => set('lineHeight', value)}
      />
    </section>
  );
}

interface ChoiceProps<V extends string> {
  name: string;
  legend: string;
  options: { value: V; label: string }[];
  value: V;
  onChange(value: V): void;
  swatches?: boolean;
}

function Choice<V extends string>({ name, legend, options, value, onChange, swatches }: ChoiceProps<V>) {
  return (
    <fieldset class="kt-choice">
      <legend class="kt-panel-label">{legend}</legend>
      <div class={swatches ? 'kt-segments kt-swatches' : 'kt-segments'}>
        {options.map((option) => (
          <label key={option.value} class="kt-segment" data-value={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
