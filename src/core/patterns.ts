/**
 * Every regular expression the engine decides with, gathered and named in one place
 * (Readability's REGEXPS habit): tuning a pattern never means hunting through modules.
 *
 * Class/id patterns are tested against one class name or id at a time, lower-cased, with
 * `-`/`_` as word boundaries ("ad-slot" matches `ad`, "shadow" and "header" do not).
 */
const token = (words: string) => new RegExp(`(?:^|[-_])(?:${words})(?:[-_]|\\d|$)`);

export const REGEXPS = {
  // --- clutter detection by class or id name ---------------------------------------------------
  sponsoredClass: token(
    'ad|ads|adv|advert|adverts|advertisement|advertising|advertorial|adslot|adunit|adcontainer|adsbygoogle|anzeige|anzeigen|werbung|sponsor|sponsored|sponsoring|promoted|commercial|outbrain|taboola|plista|ligatus|dfp|gpt|banner|billboard|skyscraper|superbanner|rectangle|native-ad|nativead',
  ),
  promptClass: token('login|signin|sign-in|register|registration|loginwall|regwall|user-prompt'),
  followClass: token('follow|follower|followers|subscribe-author'),
  newsletterClass: token('newsletter|newsletters|nl-signup|mailchimp|subscribe|subscription'),
  appPromoClass: token(
    'app-promo|apppromo|app-teaser|appteaser|app-banner|appbanner|smartbanner|download-app',
  ),
  paywallClass: token(
    'paywall|paywalled|piano|plus-teaser|premium-teaser|abo-teaser|aboteaser|offer-wall|meter|metered|regwall|laterpay|steady',
  ),
  relatedClass: token(
    'related|relatedposts|related-posts|related-articles|recommended|recommendations|recommendation|more-articles|morearticles|also-read|read-more|readmore|further-reading|more-stories|morestories|mehr-zum-thema|lesen-sie-auch|weitere-artikel|teaser-list|teaserlist|teasers|yarpp|jp-relatedposts|crp|nativendo',
  ),
  prospectClass: token('prospekt|prospekte|prospects|offerista|kaufda|marktjagd'),
  socialClass: token(
    'share|shares|sharing|sharebar|share-bar|shariff|social|socials|social-media|socialmedia|sociallinks|social-links|addthis|addtoany|a2a|sharethis|teilen|share-buttons|sharedaddy|print-share|tools|article-tools|toolbar',
  ),
  cookieClass: token(
    'cookie|cookies|consent|gdpr|cmp|usercentrics|didomi|onetrust|cookiebot|borlabs|truste|sp-message|privacy-banner|cc-banner|cc-window|qc-cmp',
  ),
  commentsClass: token(
    'comments|comment-list|commentlist|comment-form|commentform|comment-section|comments-area|disqus|kommentare|kommentar|respond|discussion|talk|coral',
  ),
  liveTickerClass: token('live|liveticker|live-ticker|liveblog|live-blog|ticker|minute-by-minute'),
  navigationClass: token(
    'breadcrumb|breadcrumbs|pagination|pager|skip-link|skiplink|tags|tag-list|taglist|topics',
  ),

  /**
   * Screen-reader-only and print-only helpers, matched on the whole class name (with a prefix
   * such as "u-" or "is-"): "sr-only", "visually-hidden", "screen-reader-text", "hideCompletely".
   * Not "…-focusable" variants, which show on focus (skip links, handled as navigation).
   */
  invisibleClass:
    /^(?:[a-z]{1,3}-)?(?:sr-only|sronly|sr-text|screen-?reader(?:-only|-text)?|visually-?hidden|a11y-(?:hidden|only)|hide-?completely|hide-?visually|element-invisible|assistive-text|offscreen|print-?only|visible-print(?:-block|-inline)?)$/,

  // --- clutter detection by short visible text (a label, a heading, a prompt) --------------------
  sponsoredLabel:
    /^(?:anzeige|anzeigen|sponsored|gesponsert|sponsored content|sponsored post|advertorial|werbung|promotion|partnerinhalt|partner-inhalt|paid content|paid post|paid partnership|in kooperation mit.*|präsentiert von.*|advertisement|ad|ads|publicité|werbemitteilung|unterstützt von.*)$/i,
  /**
   * A notice that the page is paid for or earns from its links ("Für Links auf dieser Seite
   * erhält … eine Provision", "Bei den Verlinkungen handelt es sich um Affiliate Links"):
   * found anywhere in a short text, since it often shares a line with other small print.
   */
  sponsoredDisclosure:
    /(?:(?:dieser|diese|dieses) (?:beitrag|artikel|seite|post|video) (?:enthält|zeigt|beinhaltet) (?:\S+ ){0,3}(?:werbung|gesponserte|affiliate|werbelinks|provisionslinks)|für (?:links|käufe) (?:auf|über) dieser? (?:seite|links) (?:erhält|erhalten|bekommt|bekommen)|bei den (?:verlinkungen|links) handelt es sich um (?:\S+ )?(?:affiliate|partner|provisions)|(?:this|the) (?:post|article|page|story) (?:contains|may contain|includes) (?:\S+ )?(?:affiliate|sponsored|paid)|we (?:may )?(?:earn|receive) (?:a )?(?:small )?(?:commission|compensation) (?:from|on|when|if))/i,
  /** A label heading a promotion ("ANZEIGE - Heute mal ausgehen?", "Anzeige | Jetzt bestellen"). */
  sponsoredPrefix: /^(?:ANZEIGE|WERBUNG|SPONSORED|(?:Anzeige|Werbung|Sponsored)(?=\s+[-–|]))\s*[-–:|]\s*\S/,
  /** A label glued to a kicker without a space ("Ausgehen & GenießenAnzeige"). */
  sponsoredSuffix: /\S(?:Anzeige|Sponsored|Advertorial|Werbung)$/,
  loginPrompt:
    /^(?:sie möchten kommentieren\??|sie möchten zur diskussion beitragen\?.*|melden sie sich an.*|bitte melden sie sich an.*|jetzt (?:anmelden|registrieren).*|(?:zum )?kommentieren (?:bitte )?(?:anmelden|einloggen).*|sie möchten selbst beitragen\?.*|log ?in to (?:comment|continue).*|sign in to (?:comment|continue).*|you must be logged in.*|um (?:zu )?kommentieren.*anmelden.*)$/i,
  followPrompt:
    /^(?:sie möchten diesem (?:profil|ort) folgen\??.*|\d+\s+folgen diesem (?:profil|ort)|diesem profil folgen|profil folgen|following|follow)$/i,
  newsletterLabel:
    /^(?:.{0,40}newsletter.{0,60}(?:abonnieren|anmelden|bestellen|sign ?up|subscribe).*|(?:jetzt )?(?:zum |unseren? )?newsletter (?:abonnieren|anmelden).*|sign up for (?:our|the) .{0,30}newsletter.*|subscribe to (?:our|the) .{0,30}newsletter.*|newsletter)$/i,
  appPromoLabel:
    /^(?:(?:jetzt )?(?:unsere |die )?.{0,20}app (?:herunterladen|laden|installieren).*|hol(?:en sie)? (?:dir|sich) (?:die|unsere) .{0,20}app.*|download (?:our|the) app.*|get the app.*)$/i,
  paywallLabel:
    /^(?:jetzt weiterlesen(?: mit .{0,40})?.*|weiterlesen mit .{0,40}|(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) .{0,40}(?:abonnenten|abonnentinnen|plus|premium|mitglieder).*|(?:jetzt|gratis|kostenlos) .{0,20}(?:testen|lesen)\.?|(?:zum|ins) abo.*|mit .{0,20}plus weiterlesen.*|subscribe to (?:continue|read).*|this (?:article|story) is for subscribers.*)$/i,
  relatedHeading:
    /^(?:lesen sie (?:auch|dazu|mehr)|auch interessant|das könnte sie (?:auch )?interessieren|mehr zum thema|mehr (?:aus|zu) .{1,40}|weitere (?:artikel|beiträge|nachrichten|meldungen|themen)|ähnliche (?:artikel|beiträge|themen)|empfehlungen?|meistgelesen|meist gelesen|top-?artikel|related(?: (?:articles|stories|posts|content))?|read (?:more|next|also)|more (?:from|on|stories|articles).*|you (?:may|might) (?:also )?like|recommended(?: for you)?|most (?:read|popular)|das (?:könnte|dürfte) sie auch interessieren|zum thema|passend zum thema|weiterlesen|neueste artikel|aktuelle (?:artikel|nachrichten)|top-?themen)\s*(?::|\.{3}|…)?$/i,
  /** "Lesen Sie auch: <a>…</a>", "Lea también:", "Read more:": a line pointing to another story. */
  readAlsoPrefix:
    /^(?:lesen sie (?:auch|dazu|mehr|hier)|auch interessant|mehr zum thema|zum thema|das könnte sie (?:auch )?interessieren|read (?:more|also|next)|also read|see also|related|lea (?:también|más|además)|lea|lee (?:también|más)|le puede interesar|te puede interesar|vea (?:también|además)|vea|ver también|mira|mire|puedes ver|veja (?:também|mais)|veja|leia (?:também|mais)|saiba mais|(?:à |a )?lire aussi|voir aussi|leggi anche)\s*[:：]/i,
  prospectLabel:
    /^(?:online-?prospekte.*|prospekte (?:aus|in|für) .*|aktuelle prospekte.*|wochenprospekte.*)$/i,
  socialLabel:
    /^(?:teilen|artikel teilen|beitrag teilen|share(?: this)?(?: article| story| post)?|jetzt teilen|seite teilen|share on .*|teilen auf .*|folgen sie uns.*|follow us.*|(?:unsere )?social[- ]media(?:[- ](?:seiten|kanäle|kanaele|channels|profile))?)\s*:?$/i,
  cookieLabel:
    /(?:wir (?:verwenden|nutzen) cookies|diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|we use cookies|this (?:website|site) uses cookies|cookie-?einstellungen|datenschutzeinstellungen)/i,
  commentsHeading:
    /^(?:\d+\s+)?(?:kommentare?|leserkommentare|comments?|diskussion|online discussion|leave a (?:reply|comment)|schreibe(?:n sie)? einen kommentar|ihre meinung|\d+ (?:kommentare|comments))\s*(?:\(\d+\))?:?$/i,

  // --- byline -------------------------------------------------------------------------------------
  bylinePrefix:
    /^(?:autor(?:in)?(?:en)?|author|by|von|text|texte|fotos?|text und fotos?|text & fotos?|redaktion|geschrieben von|verfasst von|ein (?:beitrag|artikel) von|hochgeladen von|veröffentlicht von|bericht(?:et)? von)(?:\s*:\s*|\s+[-–]\s+|\s+)/i,
  bylineRole: /^(text(?: und fotos?| & fotos?)?|fotos?|redaktion|hochgeladen von)\b/i,
  outletSuffix: /\s+(?:aus|from|für|bei)\s+(.+)$/i,
  bylineClass: token(
    'byline|author|authors|autor|autoren|writer|creator|article-author|meta-author|posted-by|reporter|author-name|authorname|byline-name|contributor',
  ),
  authorBoxClass: token(
    'author-box|authorbox|author-info|authorinfo|author-bio|author-card|author-profile|about-author|profile-box|user-box|userbox',
  ),
  notAName:
    /(?:\d{1,2}\.\s?\d{1,2}\.|\d{4}|\b(?:uhr|minuten?|min\.|aktualisiert|updated|published|veröffentlicht|lesezeit|kommentare?|share|teilen|folgen|following|redaktion|dpa|afp|reuters|apa|sda|epd|kna|ots|presse|polizei|newsdesk|online|team)\b|[|@#:/])/i,
  /** Capitalised words; scripts without letter case (Arabic, Hebrew) count their letters as capitals. */
  personName:
    /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]+(?:\s+(?:von|van|de|der|den|zu|da|di|du|la|le|ten|ter|y|bin|al|el)?\s*[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]+){1,3}$/u,
  agency:
    /^(?:dpa|afp|ap|reuters|apa|sda|epd|kna|sid|ddp|dts|ots|keystone-sda|red\.?|redaktion|ps|pm|pol|presse|presseportal|lokalredaktion)$/i,

  // --- images -------------------------------------------------------------------------------------
  creditSplit:
    /(?:^|\s*[|/•·–—-]\s*|\s+|\()(?:(?:foto|fotos|bild|bilder|photo|photos|image|credit|credits|quelle|bildquelle|fotoquelle|bildnachweis|bildrechte|fotonachweis|copyright|grafik|illustration|archivfoto|archivbild|symbolfoto|symbolbild|تصوير)\s*(?:©|\(c\))?\s*[:：]|©|\(c\)|copyright\b)\s*(.+?)\)?\s*$/i,
  creditClass: token(
    'credit|credits|copyright|bildnachweis|image-source|source|photographer|fotograf|quelle|caption-credit|author-credit',
  ),
  captionClass: token(
    'caption|captions|figcaption|bildunterschrift|legend|image-text|imagetext|img-text|description|subtitle|bu|wp-caption-text',
  ),
  galleryClass: token(
    'gallery|galerie|slideshow|slider|carousel|swiper|bildergalerie|fotostrecke|lightbox|photoswipe|glide|splide|slick',
  ),
  notStoryImage: token(
    'avatar|avatars|author|autor|profile|logo|logos|icon|icons|emoji|badge|sprite|spinner|loader|placeholder|pixel|tracking|gravatar|userpic|thumb-author|brand|social|share|flag|rating|stars|video|videos|videoplayer|video-player|player|mediaplayer|jwplayer|vjs-poster|youtube|podcast|audio',
  ),
  placeholderSrc:
    /(?:^data:|\/(?:blank|spacer|pixel|transparent|placeholder|lazy|grey|gray|loading|empty|1x1)[^/]*\.(?:gif|png|svg|jpe?g)(?:$|\?)|\/[^/?#]*(?:[-_.](?:blank|spacer|transparent|placeholder|holder)|1x1)[^/?#]*\.(?:gif|png|svg)(?:$|\?))/i,
  /** Caption or credit holders named in camelCase or run together ("mediaSubtitleText", "mediaRights"). */
  captionClassLoose: /caption|subtitle|legend|bildunterschrift|bildtext/i,
  creditClassLoose: /credit|copyright|rights|bildnachweis|fotograf|photographer/i,
  /** A link to the picture's own page ("…/bild-38974.html"), not to another story. */
  pictureLink: /\/(?:bild|bilder|image|img|foto|photo|picture|galerie|gallery)[-_]?\d+[^/]*$/i,
  iconSrc:
    /(?:\.svg(?:$|\?)|\/(?:icons?|logos?|avatars?|emojis?|sprites?|favicons?|badges?)\/|gravatar\.com|\/(?:logo|icon|avatar|favicon)[^/]*\.\w+(?:$|\?))/i,
  sizeInUrl: /(?:[-_/](\d{2,4})x(\d{2,4})(?:[-_./]|$)|[?&](?:w|width|resize)=(\d{2,4}))/i,

  // --- partial stories ----------------------------------------------------------------------------
  truncatedEnding:
    /(?:jetzt weiterlesen|weiterlesen mit|lesen sie (?:jetzt )?(?:weiter|den ganzen artikel)|read the full (?:story|article)|continue reading)[^.]{0,80}$/i,

  // --- text ---------------------------------------------------------------------------------------
  ellipsisEnd: /(?:\.\.\.|…)\s*$/,
  titleSeparator: /\s+[|–—·:»-]\s+|\s+[-–—]\s*$|\s*\|\s*/,
} as const;
