/** Settings for extension code: types, defaults and the browser.storage-backed store. */

export { findAutoOpenSite, matchPatternsFor, parseHostInput, siteMatchesHost } from './hosts';
export * from './schema';
export * from './storage';
export * from './types';
