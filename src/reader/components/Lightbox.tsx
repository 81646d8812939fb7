import { useEffect, useRef } from 'preact/hooks';
import type { Photo } from '../../core/story';
import { trapTab } from '../focus';
import type { Translate } from '../i18n';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from './icons';
import { PhotoCaption } from './PhotoFigure';

interface LightboxProps {
  photos: readonly Photo[];
  index: number;
  t: Translate;
  /** Story direction: in a right-to-left story "next" lies to the left. */
  dir: 'ltr' | 'rtl';
  onIndexChange(index: number): void;
  onClose(): void;
}

/** A horizontal drag longer than this (CSS px) turns the page; shorter ones are taps. */
const SWIPE_MIN_PX = 48;

export function Lightbox({ photos, index, t, dir, onIndexChange, onClose }: LightboxProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const swipeStart = useRef<{ x: number; y: number; id: number } | null>(null);
  const photo = photos[index];
  const count = photos.length;
  const go = (step: number) => {
    if (count > 1) onIndexChange((index + step + count) % count);
  };

  useEffect(() => {
    dialogRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    // Fetch the neighbours while this picture is looked at, so paging feels instant.
    const doc = dialogRef.current?.ownerDocument;
    if (!doc || count < 2) return;
    for (const neighbour of [photos[(index + 1) % count], photos[(index - 1 + count) % count]]) {
      if (!neighbour) continue;
      const preload = doc.createElement('img');
      preload.decoding = 'async';
      preload.sizes = '100vw';
      if (neighbour.srcset) preload.srcset = neighbour.srcset;
      preload.src = neighbour.src;
    }
  }, [index, photos, count]);

  if (!photo) return null;
  const [back, forward] = dir === 'rtl' ? [1, -1] : [-1, 1];

  const onKeyDown = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => go(back),
      ArrowRight: () => go(forward),
      Home: () => onIndexChange(0),
      End: () => onIndexChange(count - 1),
      Escape: onClose,
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      action();
      return;
    }
    if (event.key === 'Tab' && dialogRef.current) {
      trapTab(dialogRef.current, event);
      event.stopPropagation();
    }
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    swipeStart.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };
  const onPointerUp = (event: PointerEvent) => {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    // Dragging the picture leftwards brings the next one in from the right (mirrored in RTL).
    go(dx < 0 === (dir === 'ltr') ? 1 : -1);
  };

  return (
    <div
      ref={dialogRef}
      class="kt-lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={t('lightboxLabel')}
      dir={dir}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="kt-lightbox-bar">
        <p class="kt-lightbox-counter" aria-live="polite">
          <span aria-hidden="true">{`${index + 1} / ${count}`}</span>
          <span class="kt-visually-hidden">{t('pictureNofM', [String(index + 1), String(count)])}</span>
        </p>
        <button type="button" class="kt-lightbox-close" onClick={onClose} aria-label={t('lightboxClose')}>
          <CloseIcon />
        </button>
      </div>
      <div
        class="kt-lightbox-stage"
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          swipeStart.current = null;
        }}
      >
        {count > 1 && (
          <button
            type="button"
            class="kt-lightbox-nav kt-lightbox-prev"
            onClick={() => go(-1)}
            aria-label={t('previousPicture')}
          >
            {dir === 'rtl' ? <ChevronRightIcon /> : <ChevronLeftIcon />}
          </button>
        )}
        <figure class="kt-lightbox-figure" key={photo.src}>
          <img
            class="kt-lightbox-image"
            src={photo.src}
            srcset={photo.srcset}
            sizes={photo.srcset ? '100vw' : undefined}
            width={photo.width}
            height={photo.height}
            alt={photo.alt || photo.caption}
            decoding="async"
            draggable={false}
          />
          <PhotoCaption photo={photo} t={t} className="kt-lightbox-caption" />
        </figure>
        {count > 1 && (
          <button
            type="button"
            class="kt-lightbox-nav kt-lightbox-next"
            onClick={() => go(1)}
            aria-label={t('nextPicture')}
          >
            {dir === 'rtl' ? <ChevronLeftIcon /> : <ChevronRightIcon />}
          </button>
        )}
      </div>
    </div>
  );
}
