import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = browser.i18n.getMessage('optionsTitle');
  render(<OptionsApp />, root);
}
