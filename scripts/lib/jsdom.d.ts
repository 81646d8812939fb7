/**
 * The slice of jsdom's API the tools use (no @types/jsdom in the dependencies; jsdom 26
 * ships no types of its own).
 */
declare module 'jsdom' {
  export class VirtualConsole {}
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    virtualConsole?: VirtualConsole;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
