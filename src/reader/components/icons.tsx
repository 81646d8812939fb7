/** Line icons drawn for the reader (24px grid, currentColor); always decorative, next to a label. */
import type { ComponentChildren } from 'preact';

function Icon({ children, size = 20 }: { children: ComponentChildren; size?: number }) {
  return (
    <svg
      class="kt-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
export const TypeIcon = () => (
  <Icon>
    <path d="M4 18l5-12 5 12M5.7 14h6.6M15 18l3.2-8 3.2 8M16 15.5h4.4" />
  </Icon>
);
export const PlayIcon = () => (
  <Icon>
    <path d="M8 5.5v13l10-6.5z" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <path d="M8.5 5.5v13M15.5 5.5v13" />
  </Icon>
);
export const StopIcon = () => (
  <Icon>
    <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" />
  </Icon>
);
export const SpeakerIcon = () => (
  <Icon>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" />
    <path d="M15.5 9a4 4 0 010 6M18 6.5a7.5 7.5 0 010 11" />
  </Icon>
);
export const ChevronLeftIcon = () => (
  <Icon size={26}>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
);
export const ChevronRightIcon = () => (
  <Icon size={26}>
    <path d="M9 5l7 7-7 7" />
  </Icon>
);
export const ExternalIcon = () => (
  <Icon size={14}>
    <path d="M14 5h5v5M19 5l-8 8M17 14v4.5a1.5 1.5 0 01-1.5 1.5h-10A1.5 1.5 0 014 18.5v-10A1.5 1.5 0 015.5 7H10" />
  </Icon>
);
export const GalleryIcon = () => (
  <Icon size={18}>
    <rect x="3.5" y="5" width="17" height="14" rx="2" />
    <path d="M3.5 15.5l4.5-4.5 4 4 3-3 5.5 5.5" />
    <circle cx="15.5" cy="9" r="1.4" />
  </Icon>
);
export const PinIcon = () => (
  <Icon>
    <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0113 0c0 5.4-6.5 11-6.5 11z" />
    <circle cx="12" cy="10" r="2.3" />
  </Icon>
);
