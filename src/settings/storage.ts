/**
 * The extension's settings store: createSettingsStore over browser.storage. The one place
 * extension code reads or writes settings.
 */
import browser from 'webextension-polyfill';
import { createSettingsStore, type SettingsStore } from './store';

let store: SettingsStore | null = null;

function settingsStore(): SettingsStore {
  store ??= createSettingsStore({
    sync: browser.storage.sync,
    local: browser.storage.local,
    onChanged: browser.storage.onChanged,
  });
  return store;
}

export const loadSettings: SettingsStore['load'] = () => settingsStore().load();
export const saveSettings: SettingsStore['save'] = (settings) => settingsStore().save(settings);
export const saveReaderPreferences: SettingsStore['saveReaderPreferences'] = (p) =>
  settingsStore().saveReaderPreferences(p);
export const addAutoOpenSite: SettingsStore['addAutoOpenSite'] = (site) =>
  settingsStore().addAutoOpenSite(site);
export const removeAutoOpenSite: SettingsStore['removeAutoOpenSite'] = (host) =>
  settingsStore().removeAutoOpenSite(host);
export const replaceAutoOpenSites: SettingsStore['replaceAutoOpenSites'] = (sites) =>
  settingsStore().replaceAutoOpenSites(sites);
export const onSettingsChanged: SettingsStore['onChanged'] = (callback) =>
  settingsStore().onChanged(callback);
