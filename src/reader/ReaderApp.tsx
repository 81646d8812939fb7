import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExtractionResult, NoStory, Photo, Story } from '../core/story';
import type { ReaderPreferences } from '../settings/types';
import { DisplayControls } from './components/DisplayControls';
import { Gallery } from './components/Gallery';
import { CloseIcon, PinIcon, TypeIcon } from './components/icons';
import { Lightbox } from './components/Lightbox';
import { DiagnosticsLine, PartialNotice, TransparencyLine } from './components/Notices';
import { LeadFigure } from './components/PhotoFigure';
import { ReadAloud, type SpeechSupport } from './components/ReadAloud';
import { StoryHeader } from './components/StoryHeader';
import { trapTab } from './focus';
import { READER_HOOKS as H } from './hooks';
import type { Translate } from './i18n';
import { layerStyle } from './preferences';
import { photoIndexForImage, photoInHtml, storyBodyFragment } from './story-body';

export interface SiteActions {
  /** Whether this site's articles open in the reader automatically. */
  autoOpen: boolean;
  onToggleAutoOpen(): void;
}

export interface ReaderAppProps {
  result: ExtractionResult;
  t: Translate;
  preferences: ReaderPreferences;
  onPreferencesChange(preferences: ReaderPreferences): void;
  onClose(): void;
  /** "Show original": defaults to closing the reader, which uncovers the page as it was. */
  onShowOriginal?(): void;
  /** Auto-mode actions for this site; the toolbar shows them only when given. */
  siteActions?: SiteActions;
  /**
   * Read aloud; null where the browser has no Web Speech API. Asked for after the first paint:
   * waking the speech engine costs milliseconds the story's first frame should not wait for.
   */
  loadSpeech?(): SpeechSupport | null;
}

const PANEL_ID = 'kt-display-panel';
const READ_ALOUD_BLOCKS =
  '.kt-title, .kt-subtitle, .kt-body :is(p, h2, h3, h4, h5, h6, li, blockquote, figcaption)';

export function ReaderApp(props: ReaderAppProps) {
  const { result, t, preferences, onClose } = props;
  const uiLang = t('uiLanguage') || 'en';
  const layerRef = useRef<HTMLDivElement>(null);
  const panelToggleRef = useRef<HTMLButtonElement>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [speech, setSpeech] = useState<SpeechSupport | null>(null);

  useEffect(() => {
    // The scrolling layer takes focus: arrow keys and Space scroll the story straight away.
    layerRef.current?.focus({ preventScroll: true });
    setSpeech(props.loadSpeech?.() ?? null);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (panelOpen) {
        setPanelOpen(false);
        panelToggleRef.current?.focus();
      } else {
        onClose();
      }
    } else if (event.key === 'Tab' && layerRef.current) {
      trapTab(layerRef.current, event);
    }
  };

  const story = result.kind === 'story' ? result : null;
  return (
    <div
      ref={layerRef}
      class={H.layer}
      role="dialog"
      aria-modal="true"
      aria-label={story ? `${t('readerLabel')}: ${story.title}` : t('readerLabel')}
      tabIndex={-1}
      lang={uiLang}
      data-theme={preferences.theme}
      data-font={preferences.fontFamily}
      style={layerStyle(preferences)}
      onKeyDown={onKeyDown}
    >
      <div class="kt-toolbar" role="toolbar" aria-label={t('readerTools')}>
        <span class="kt-brand" aria-hidden="true">
          Klartext
        </span>
        <div class="kt-toolbar-actions">
          {story && speech && (
            <ReadAloud
              speech={speech}
              lang={story.lang}
              rate={preferences.speechRate}
              t={t}
              uiLang={uiLang}
              blocks={() => readAloudBlocks(layerRef.current)}
              onRateChange={(speechRate) => props.onPreferencesChange({ ...preferences, speechRate })}
            />
          )}
          {props.siteActions && (
            <button
              type="button"
              class="kt-tool kt-site-toggle"
              aria-pressed={props.siteActions.autoOpen}
              onClick={props.siteActions.onToggleAutoOpen}
            >
              <PinIcon />
              <span class="kt-tool-label">
                {props.siteActions.autoOpen ? t('autoOpenOff') : t('autoOpenOn')}
              </span>
            </button>
          )}
          {story && (
            <button
              ref={panelToggleRef}
              type="button"
              class="kt-tool kt-display-toggle"
              aria-expanded={panelOpen}
              aria-controls={PANEL_ID}
              onClick={() => setPanelOpen(!panelOpen)}
            >
              <TypeIcon />
              <span class="kt-tool-label">{t('displaySettingsShort')}</span>
            </button>
          )}
          <button type="button" class={`kt-tool ${H.close}`} onClick={onClose} aria-label={t('close')}>
            <CloseIcon />
            <span class="kt-tool-label">{t('closeShort')}</span>
          </button>
        </div>
        {story && panelOpen && (
          <DisplayControls
            id={PANEL_ID}
            preferences={preferences}
            t={t}
            onChange={props.onPreferencesChange}
          />
        )}
      </div>
      <main class="kt-main" lang={story?.lang || undefined} dir={story?.dir}>
        {story ? (
          <StoryView story={story} t={t} uiLang={uiLang} onShowOriginal={props.onShowOriginal ?? onClose} />
        ) : (
          <NoStoryView result={result as NoStory} t={t} uiLang={uiLang} />
        )}
      </main>
    </div>
  );
}

function readAloudBlocks(layer: HTMLElement | null): HTMLElement[] {
  if (!layer) return [];
  const all = [...layer.querySelectorAll<HTMLElement>(READ_ALOUD_BLOCKS)];
  const chosen = new Set(all);
  // A list item holding a paragraph is read once, as the paragraph.
  return all.filter((el) => ![...chosen].some((other) => other !== el && el.contains(other)));
}

interface StoryViewProps {
  story: Story;
  t: Translate;
  uiLang: string;
  onShowOriginal(): void;
}

function StoryView({ story, t, uiLang, onShowOriginal }: StoryViewProps) {
  const [lightbox, setLightbox] = useState<{ index: number; opener: HTMLElement | null } | null>(null);
  const photos = story.images;
  const lead: Photo | undefined = photos[0] && !photoInHtml(photos[0], story.html) ? photos[0] : undefined;
  const gallery = photos.length >= 2 ? photos : [];

  const open = (index: number, opener: HTMLElement | null) => setLightbox({ index, opener });
  const closeLightbox = () => {
    const opener = lightbox?.opener;
    setLightbox(null);
    opener?.focus({ preventScroll: true });
  };
  const bodyRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // Before the first paint, like the rest of the view; Preact renders the div without children
    // and leaves these nodes alone.
    const body = bodyRef.current;
    if (!body?.ownerDocument.defaultView) return;
    body.replaceChildren(storyBodyFragment(story, body.ownerDocument.defaultView));
  }, [story]);
  useEffect(() => {
    // A picture that cannot load (gone, blocked, offline) is taken out with its frame and caption.
    const article = articleRef.current;
    const onError = (event: Event) => {
      const target = event.target as Element | null;
      if (target?.localName !== 'img') return;
      (target.closest('.kt-lead, .kt-gallery-item, figure') ?? target).classList.add('kt-broken');
    };
    article?.addEventListener('error', onError, true);
    return () => article?.removeEventListener('error', onError, true);
  }, []);
  useEffect(() => {
    // Pictures inside the text open the viewer on click; by keyboard they are reached in the gallery.
    const body = bodyRef.current;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element | null;
      const img = target?.closest?.('img');
      if (!img || target?.closest('a')) return;
      const index = photoIndexForImage(photos, img as HTMLImageElement);
      if (index >= 0) setLightbox({ index, opener: null });
    };
    body?.addEventListener('click', onClick);
    return () => body?.removeEventListener('click', onClick);
  }, [photos]);

  return (
    <>
      <article ref={articleRef} class={H.article}>
        <StoryHeader story={story} t={t} uiLang={uiLang} pictureCount={photos.length} />
        <PartialNotice story={story} t={t} uiLang={uiLang} />
        {lead && <LeadFigure photo={lead} t={t} onOpen={(opener) => open(0, opener)} />}
        {/* Filled with sanitized nodes by the layout effect above (src/core/sanitize.ts policy). */}
        <div ref={bodyRef} class={H.body} />
        {gallery.length > 0 && <Gallery photos={gallery} t={t} uiLang={uiLang} onOpen={open} />}
      </article>
      <footer class="kt-footer">
        <TransparencyLine story={story} t={t} uiLang={uiLang} onShowOriginal={onShowOriginal} />
        <DiagnosticsLine diagnostics={story.diagnostics} t={t} uiLang={uiLang} />
      </footer>
      {lightbox && (
        <Lightbox
          photos={photos}
          index={lightbox.index}
          t={t}
          dir={story.dir}
          onIndexChange={(index) => setLightbox({ index, opener: lightbox.opener })}
          onClose={closeLightbox}
        />
      )}
    </>
  );
}

const NO_STORY_MESSAGES: Record<NoStory['reason'], string> = {
  'no-content': 'noStoryBody',
  'not-html': 'notHtmlBody',
  'too-large': 'tooLargeBody',
  timeout: 'timeoutBody',
  error: 'errorBody',
};

function NoStoryView({ result, t, uiLang }: { result: NoStory; t: Translate; uiLang: string }) {
  return (
    <section class={H.message} role="status" lang={uiLang}>
      <h1>{t('noStoryTitle')}</h1>
      <p>{t(NO_STORY_MESSAGES[result.reason])}</p>
    </section>
  );
}
