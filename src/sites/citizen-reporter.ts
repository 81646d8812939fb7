/**
 * The citizen-reporter CMS (Gogol Publishing "peiq") behind the Wochenblatt-Reporter,
 * meinbezirk.at, lokalkompass.de and their sister portals: gallery above the story, an author
 * box with a follow button, teaser lists with "Anzeige" kickers below.
 */
import type { SiteRule } from './types';

export const citizenReporter: SiteRule = {
  id: 'citizen-reporter',
  matches: [
    'wochenblatt-reporter.de',
    'meinbezirk.at',
    'lokalkompass.de',
    'meine-news.de',
    'meinanzeiger.de',
    'stadtanzeiger-ortenau.de',
    'meinort.de',
  ],
  content: ['.article-text', '.content-main .text', '[itemprop="articleBody"]'],
  remove: [
    { selector: '.article-teaser-list, .teaser-list, .related-articles', reason: 'related-teasers' },
    { selector: '.profile-follow, .follow-profile, .follow-box', reason: 'follow-box' },
    { selector: '.comments, .comment-section, #comments', reason: 'comments' },
    { selector: '.prospects, .offerista', reason: 'sponsored' },
  ],
  gallery: ['.article-gallery', '.gallery', '.image-gallery'],
  author: {
    box: ['.author-box', '.article-author', '.author-info'],
  },
  title: ['h1'],
  transforms: ['remove-hidden', 'remove-picture-counters'],
};
