/**
 * A site or platform rule: data, not code (the Postlight Parser / Dark Reader habit).
 * Adding a site never touches the engine.
 */
export interface SiteRule {
  /** Stable id shown in diagnostics ("citizen-reporter"). */
  id: string;
  /** Host names this rule covers; a host matches itself and its subdomains. */
  matches: readonly string[];
  /** The story container; first selector that matches wins. */
  content?: readonly string[];
  /** Elements removed before extraction, with the reason the reader will name. */
  remove?: readonly { selector: string; reason: import('../core/story').RemovalReason }[];
  /** Containers of the story's gallery (each <img>/<figure> inside is a picture). */
  gallery?: readonly string[];
  /** Author boxes: name, outlet, profile link and avatar inside. */
  author?: {
    box: readonly string[];
    name?: readonly string[];
    outlet?: readonly string[];
    avatar?: readonly string[];
    profile?: readonly string[];
  };
  title?: readonly string[];
  subtitle?: readonly string[];
  /** Small named transforms from the engine's registry (core/transforms). */
  transforms?: readonly string[];
}
