/** Vite's `?inline` CSS import: the stylesheet's text, for the reader's shadow root. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
