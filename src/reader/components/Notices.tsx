import type { Diagnostics, Story } from '../../core/story';
import { describeRemoved, displayHost } from '../format';
import type { Translate } from '../i18n';
import { ExternalIcon } from './icons';

const PARTIAL_KEYS = {
  paywall: 'partialPaywall',
  login: 'partialLogin',
  truncated: 'partialTruncated',
} as const;

/** Said up front, so nobody mistakes the free part of a paid story for the whole of it. */
export function PartialNotice({ story, t, uiLang }: { story: Story; t: Translate; uiLang: string }) {
  if (!story.partial) return null;
  const host = displayHost(story.url);
  return (
    <aside class="kt-notice kt-partial" lang={uiLang} aria-label={t('partialTitle')}>
      <p>
        <strong>{t('partialTitle')}</strong> {t(PARTIAL_KEYS[story.partial.reason] ?? 'partialTruncated')}
      </p>
      <a href={story.url} target="_blank" rel="noopener noreferrer">
        {host ? t('readFullOn', host) : t('readFull')}
        <ExternalIcon />
      </a>
    </aside>
  );
}

/** "3 Anzeigen, 2 Anmelde-Hinweise ausgeblendet · Original anzeigen": quiet, at the end. */
export function TransparencyLine({
  story,
  t,
  uiLang,
  onShowOriginal,
}: {
  story: Story;
  t: Translate;
  uiLang: string;
  onShowOriginal(): void;
}) {
  const removed = describeRemoved(story.removed, t, uiLang);
  return (
    <p class="kt-transparency" lang={uiLang}>
      {removed && <span>{removed}</span>}
      <button type="button" class="kt-link-button kt-show-original" onClick={onShowOriginal}>
        {t('showOriginal')}
      </button>
    </p>
  );
}

/** For people who report a wrong extraction: which site rule ran and what it missed. */
export function DiagnosticsLine({
  diagnostics,
  t,
  uiLang,
}: {
  diagnostics: Diagnostics;
  t: Translate;
  uiLang: string;
}) {
  const unmatched = diagnostics.unmatchedSelectors;
  return (
    <details class="kt-diagnostics" lang={uiLang}>
      <summary>{t('diagnosticsTitle')}</summary>
      <p>
        {t('diagnosticsRule', diagnostics.siteRule ?? t('diagnosticsNoRule'))}
        {unmatched.length > 0 && (
          <>
            {' · '}
            {t('diagnosticsUnmatched')} <code lang="en">{unmatched.join(', ')}</code>
          </>
        )}
      </p>
      <p>
        {Object.entries(diagnostics.sources)
          .map(([field, source]) => `${field}: ${source}`)
          .join(' · ')}
      </p>
      {diagnostics.notes.length > 0 && (
        <ul>
          {diagnostics.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
