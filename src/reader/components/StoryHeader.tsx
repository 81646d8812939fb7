import type { Story } from '../../core/story';
import { displayHost, formatPublished, plural } from '../format';
import { READER_HOOKS as H } from '../hooks';
import type { Translate } from '../i18n';
import { AuthorCards } from './AuthorCards';
import { ExternalIcon } from './icons';

interface StoryHeaderProps {
  story: Story;
  t: Translate;
  uiLang: string;
  /** Photos outside the text (lead + gallery), for the "7 pictures" hint. */
  pictureCount: number;
}

/** Publication, title, subtitle, date, reading time and the people who wrote it. */
export function StoryHeader({ story, t, uiLang, pictureCount }: StoryHeaderProps) {
  const published = story.published ? formatPublished(story.published, uiLang) : null;
  const edition = localEdition(story);
  const host = displayHost(story.url);
  return (
    <header class="kt-header">
      <p class="kt-kicker">
        {story.siteName && <span class="kt-site">{story.siteName}</span>}
        {edition && <span class="kt-edition">{edition}</span>}
        {host && (
          <a
            class="kt-original-link"
            href={story.url}
            target="_blank"
            rel="noopener noreferrer"
            lang={uiLang}
          >
            {t('originalOn', host)}
            <ExternalIcon />
          </a>
        )}
      </p>
      <h1 class={H.title}>{story.title}</h1>
      {isStandfirst(story.subtitle, story.text) && <p class="kt-subtitle">{story.subtitle}</p>}
      <p class="kt-meta" lang={uiLang}>
        {published && story.published && <time dateTime={story.published}>{published}</time>}
        {story.readingMinutes > 0 && <span>{t('readingMinutes', String(story.readingMinutes))}</span>}
        {pictureCount > 1 && <span>{plural(t, uiLang, 'pictureCount', pictureCount)}</span>}
      </p>
      <AuthorCards authors={story.byline} t={t} />
    </header>
  );
}

/**
 * The local edition, when it says more than the site name ("Wochenblatt Kaiserslautern" under
 * "Wochenblatt Reporter"); authors' cards name it again, so only show it when nobody is named.
 */
function localEdition(story: Story): string {
  const outlet = story.outlet?.trim() ?? '';
  if (!outlet || story.byline.some((author) => author.outlet === outlet)) return '';
  return outlet.toLowerCase() === story.siteName.trim().toLowerCase() ? '' : outlet;
}

/**
 * A subtitle worth the header: pages often fill the description with the story's cut-off
 * opening ("… Bis...") or a whole paragraph; that is the body's job, not the standfirst's.
 */
function isStandfirst(subtitle: string, storyText: string): boolean {
  const text = subtitle.trim();
  // A lead the story body already opens with would be read twice.
  const opensBody = storyText.trimStart().startsWith(text.slice(0, 120));
  return text.length > 0 && text.length <= 280 && !/(\.\.\.|…)$/.test(text) && !opensBody;
}
