import { useState } from 'preact/hooks';
import type { Author } from '../../core/story';
import { READER_HOOKS as H } from '../hooks';
import type { Translate } from '../i18n';

/** One card per named person, side by side; nothing at all when the page names nobody. */
export function AuthorCards({ authors, t }: { authors: readonly Author[]; t: Translate }) {
  if (authors.length === 0) return null;
  return (
    <ul class="kt-authors" aria-label={t('authorsLabel')}>
      {authors.map((author, index) => (
        <li key={`${author.name}-${index}`} class={H.author}>
          <Avatar author={author} />
          <span class="kt-author-text">
            <span class="kt-author-line">
              {author.url ? (
                <a
                  class={`${H.authorLink} ${H.authorName}`}
                  href={author.url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {author.name}
                </a>
              ) : (
                <span class={H.authorName}>{author.name}</span>
              )}
              {author.role && <span class="kt-author-role">{author.role}</span>}
            </span>
            {author.outlet && (
              <span class={H.authorOutlet} data-outlet={author.outlet}>
                {t('fromOutlet', author.outlet)}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Avatar({ author }: { author: Author }) {
  const [failed, setFailed] = useState(false);
  // The name stands next to the picture, so the picture itself adds nothing for a screen reader.
  if (author.avatar && !failed) {
    return (
      <img
        onError={() => setFailed(true)}
        class={H.authorAvatar}
        src={author.avatar}
        alt=""
        width={48}
        height={48}
        loading="lazy"
        decoding="async"
      />
    );
  }
  return (
    <span class="kt-author-initials" aria-hidden="true">
      {initials(author.name)}
    </span>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
