import type { Photo } from '../../core/story';
import { photoKey, plural } from '../format';
import type { Translate } from '../i18n';
import { GalleryIcon } from './icons';

interface GalleryProps {
  photos: readonly Photo[];
  t: Translate;
  uiLang: string;
  onOpen(index: number, opener: HTMLElement): void;
}

/** Thumbnails sized for a third of the column; the browser picks the srcset candidate. */
const THUMB_SIZES = '(min-width: 60em) 19em, (min-width: 36em) 31vw, 48vw';

/**
 * Every picture of the story as a grid. Thumbnails load lazily and decode off the main thread,
 * so a 60-picture gallery costs the first paint nothing but 60 empty boxes of the right shape.
 */
export function Gallery({ photos, t, uiLang, onOpen }: GalleryProps) {
  const headingId = 'kt-gallery-heading';
  return (
    <section class="kt-gallery" aria-labelledby={headingId}>
      <h2 id={headingId} class="kt-gallery-heading">
        <GalleryIcon />
        <span>{t('galleryTitle')}</span>
        <span class="kt-gallery-count" lang={uiLang}>
          {plural(t, uiLang, 'pictureCount', photos.length)}
        </span>
      </h2>
      <ul class="kt-gallery-grid">
        {photos.map((photo, index) => (
          <li key={photoKey(photo, index)} class="kt-gallery-item">
            <button
              type="button"
              class="kt-thumb"
              onClick={(event) => onOpen(index, event.currentTarget)}
              aria-label={t('pictureOf', [
                String(index + 1),
                String(photos.length),
                photo.caption || photo.alt || '',
              ]).replace(/[:\s]+$/, '')}
            >
              <img
                src={photo.src}
                srcset={photo.srcset}
                sizes={photo.srcset ? THUMB_SIZES : undefined}
                width={photo.width}
                height={photo.height}
                alt=""
                loading="lazy"
                decoding="async"
              />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
