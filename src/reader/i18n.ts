/**
 * The reader gets its strings through this function so it stays free of extension APIs:
 * the content script passes `browser.i18n.getMessage`, tests pass a lookup in messages.json.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;
