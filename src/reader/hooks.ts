/**
 * Class names the reader's DOM keeps stable for the tools that read it back (snapshot, e2e tests,
 * the security suite). Restyle freely; rename only together with those readers.
 */
export const READER_HOOKS = {
  layer: 'kt-layer',
  article: 'kt-article',
  title: 'kt-title',
  author: 'kt-author',
  authorName: 'kt-author-name',
  /** Carries `data-outlet` with the bare outlet name; its text is the translated phrase. */
  authorOutlet: 'kt-author-outlet',
  authorLink: 'kt-author-link',
  authorAvatar: 'kt-author-avatar',
  body: 'kt-body',
  message: 'kt-message',
  close: 'kt-close',
} as const;
