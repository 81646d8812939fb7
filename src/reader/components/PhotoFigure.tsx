import type { Photo } from '../../core/story';
import { COLUMN_SIZES, formatCredit } from '../format';
import type { Translate } from '../i18n';

export function PhotoCaption({ photo, t, className }: { photo: Photo; t: Translate; className?: string }) {
  const credit = formatCredit(photo.credit, t);
  if (!photo.caption && !credit) return null;
  return (
    <figcaption class={className ?? 'kt-caption'}>
      {photo.caption && <span class="kt-caption-text">{photo.caption}</span>}
      {photo.caption && credit && ' '}
      {credit && <span class="kt-credit">{credit}</span>}
    </figcaption>
  );
}

/** The lead picture: full column width, opens the lightbox on click or Enter. */
export function LeadFigure({
  photo,
  t,
  onOpen,
}: {
  photo: Photo;
  t: Translate;
  onOpen(opener: HTMLElement): void;
}) {
  return (
    <figure class="kt-lead">
      <button
        type="button"
        class="kt-lead-button"
        onClick={(event) => onOpen(event.currentTarget)}
        aria-label={t('openPicture', photo.caption || photo.alt || t('pictureUntitled'))}
      >
        <img
          src={photo.src}
          srcset={photo.srcset}
          sizes={photo.srcset ? COLUMN_SIZES : undefined}
          width={photo.width}
          height={photo.height}
          alt={photo.alt || photo.caption}
          decoding="async"
          fetchpriority="high"
        />
      </button>
      <PhotoCaption photo={photo} t={t} />
    </figure>
  );
}
