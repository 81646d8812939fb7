/**
 * The dangerous-construct check of the security README, run on the reader's shadow root in the
 * page (source for `Tab.inReader`). Also used by unit tests on sanitizer output under jsdom, so the
 * same rules judge both.
 */

/** Elements that must never appear in the reader (its own stylesheet excepted). */
export const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'base',
  'meta',
  'style',
  'link',
];
/** Attributes that hold URLs a browser may load or navigate to. */
export const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
];

/**
 * `findDangerousConstructs(root, allowedOwnStyles)`: self-contained (it is sent into the page as
 * source). `allowedOwnStyles` lists the outerHTML of the reader's own <style>/<link> elements,
 * recorded on a page without vectors. Returns one line per finding.
 */
export const FIND_DANGEROUS_CONSTRUCTS = `function findDangerousConstructs(root, allowedOwnStyles) {
  const forbidden = new Set(${JSON.stringify(FORBIDDEN_ELEMENTS)});
  const urlAttributes = new Set(${JSON.stringify(URL_ATTRIBUTES)});
  const findings = [];
  const describe = (el) => '<' + el.localName + '>';
  const dangerousUrl = (value) => {
    const cleaned = value.replace(/[\\u0000-\\u0020\\u007f-\\u009f]+/g, '').toLowerCase();
    return /^(?:javascript|vbscript):/.test(cleaned) || /^data:text\\/html/.test(cleaned);
  };
  const visit = (scope) => {
    for (const el of scope.querySelectorAll('*')) {
      const name = el.localName.toLowerCase();
      const own = (name === 'style' || name === 'link') && el.parentNode === root && allowedOwnStyles.includes(el.outerHTML);
      if (forbidden.has(name) && !own) findings.push('element ' + describe(el));
      for (const attr of el.attributes) {
        const attrName = attr.name.toLowerCase();
        if (attrName.startsWith('on')) findings.push('attribute ' + attrName + ' on ' + describe(el));
        if (attrName === 'srcdoc' || attrName === 'formaction') findings.push('attribute ' + attrName + ' on ' + describe(el));
        if (urlAttributes.has(attrName) || attrName.endsWith(':href')) {
          const values = attrName === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\\s+/)[0] || '') : [attr.value];
          for (const v of values) if (dangerousUrl(v)) findings.push('url ' + attrName + '=' + JSON.stringify(v.slice(0, 60)) + ' on ' + describe(el));
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
      if (name === 'template' && el.content) visit(el.content);
    }
  };
  visit(root);
  return findings;
}`;

/** Source of `fn(shadowRoot)` for `Tab.inReader`. */
export function readerCheckCall(allowedOwnStyles: readonly string[]): string {
  return `(root) => (${FIND_DANGEROUS_CONSTRUCTS})(root, ${JSON.stringify(allowedOwnStyles)})`;
}

/** Source of `fn(shadowRoot)`: the reader's own top-level <style>/<link> elements. */
export const READER_OWN_STYLES = `(root) => [...root.children].filter((el) => el.localName === 'style' || el.localName === 'link').map((el) => el.outerHTML)`;
