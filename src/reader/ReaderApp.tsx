import { useEffect, useRef } from 'preact/hooks';
import type { Author, ExtractionResult, NoStory, Story } from '../core/story';
import { READER_HOOKS as H } from './hooks';
import type { Translate } from './i18n';

interface ReaderAppProps {
  result: ExtractionResult;
  t: Translate;
  onClose(): void;
}

export function ReaderApp({ result, t, onClose }: ReaderAppProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  const lang = result.kind === 'story' ? result.lang : undefined;
  const dir = result.kind === 'story' ? result.dir : undefined;
  return (
    <div
      ref={dialogRef}
      class={H.layer}
      role="dialog"
      aria-modal="true"
      aria-label={t('readerLabel')}
      onKeyDown={onKeyDown}
    >
      <div class="kt-toolbar" role="toolbar" aria-label={t('readerLabel')}>
        <button type="button" class={H.close} onClick={onClose} data-autofocus aria-label={t('close')}>
          {t('closeShort')}
        </button>
      </div>
      <main class="kt-main" lang={lang} dir={dir}>
        {result.kind === 'story' ? <StoryView story={result} t={t} /> : <NoStoryView result={result} t={t} />}
      </main>
    </div>
  );
}

function StoryView({ story, t }: { story: Story; t: Translate }) {
  return (
    <article class={H.article}>
      <header>
        {story.siteName && <p class="kt-site">{story.siteName}</p>}
        <h1 class={H.title}>{story.title}</h1>
        {story.subtitle && <p class="kt-subtitle">{story.subtitle}</p>}
        {story.byline.length > 0 && <Byline authors={story.byline} t={t} />}
      </header>
      {/* story.html left core through the one DOMPurify policy (src/core/sanitize.ts). */}
      <div class={H.body} dangerouslySetInnerHTML={{ __html: story.html }} />
    </article>
  );
}

function Byline({ authors, t }: { authors: Author[]; t: Translate }) {
  return (
    <p class="kt-byline">
      {t('byPrefix')}{' '}
      {authors.map((author, index) => (
        <span key={`${author.name}-${index}`} class={H.author}>
          {index > 0 && ', '}
          <span class={H.authorName}>{author.name}</span>
          {author.outlet && (
            <span class={H.authorOutlet} data-outlet={author.outlet}>
              {' '}
              {t('fromOutlet', author.outlet)}
            </span>
          )}
        </span>
      ))}
    </p>
  );
}

const NO_STORY_MESSAGES: Record<NoStory['reason'], string> = {
  'no-content': 'noStoryBody',
  'not-html': 'notHtmlBody',
  'too-large': 'tooLargeBody',
  timeout: 'timeoutBody',
  error: 'errorBody',
};

function NoStoryView({ result, t }: { result: NoStory; t: Translate }) {
  return (
    <section class={H.message} role="status">
      <h1>{t('noStoryTitle')}</h1>
      <p>{t(NO_STORY_MESSAGES[result.reason])}</p>
    </section>
  );
}
