import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { defuseClobbering } from '../../../src/core/sanitize';

describe('defuseClobbering', () => {
  it('drops names and ids that shadow form or document properties, and keeps the others', () => {
    const { document } =
      new JSDOM(`<form id="main"><input name="parentNode"><input id="children"><input name="email">
      <img name="querySelectorAll" src="a.jpg"><div id="title">Kept: a div id is no named property</div></form>`)
        .window;
    defuseClobbering(document);
    expect(document.querySelector('input[name="parentNode"]')).toBeNull();
    expect(document.querySelector('input#children')).toBeNull();
    expect(document.querySelector('img[name]')).toBeNull();
    expect(document.querySelector('input[name="email"]')).not.toBeNull();
    expect(document.querySelector('form#main')).not.toBeNull();
    expect(document.querySelector('div#title')).not.toBeNull();
    expect(document.querySelectorAll('input').length).toBe(3);
  });
});
