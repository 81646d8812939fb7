import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type HostError, matchPatternsFor, parseHostInput } from '../settings/hosts';
import {
  defaultSettings,
  FONT_FAMILIES,
  FONT_SIZE_SCALE_PX,
  LINE_HEIGHTS,
  LINE_WIDTHS,
  THEMES,
} from '../settings/schema';
import {
  addAutoOpenSite,
  loadSettings,
  onSettingsChanged,
  removeAutoOpenSite,
  replaceAutoOpenSites,
  saveReaderPreferences,
} from '../settings/storage';
import type { AutoOpenSite, ReaderPreferences, Settings } from '../settings/types';
import { exportAutoOpen, mergeAutoOpen, parseAutoOpenImport } from './transfer';

const t = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key, substitutions);

const HOST_ERROR_KEYS: Record<HostError, string> = {
  empty: 'optionsHostErrorEmpty',
  invalid: 'optionsHostErrorInvalid',
  scheme: 'optionsHostErrorScheme',
  path: 'optionsHostErrorPath',
  wildcard: 'optionsHostErrorWildcard',
};

type Message = { kind: 'error' | 'status'; text: string } | null;

/**
 * Every permissions.request here is the first call of a click handler: both browsers grant
 * host permissions only inside the user's gesture, which ends at the first await.
 */
function requestHosts(sites: readonly Pick<AutoOpenSite, 'host' | 'includeSubdomains'>[]): Promise<boolean> {
  return browser.permissions.request({ origins: sites.flatMap(matchPatternsFor) });
}

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [hostInput, setHostInput] = useState(() => new URLSearchParams(location.search).get('add') ?? '');
  const [subdomains, setSubdomains] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const refreshGrants = async (sites: readonly AutoOpenSite[]) => {
    const entries = await Promise.all(
      sites.map(
        async (site) =>
          [site.host, await browser.permissions.contains({ origins: matchPatternsFor(site) })] as const,
      ),
    );
    setGranted(Object.fromEntries(entries));
  };

  useEffect(() => {
    const apply = (next: Settings) => {
      setSettings(next);
      void refreshGrants(next.autoOpen);
    };
    loadSettings().then(apply, (error) => {
      // Unreadable storage must not leave a blank page: show the defaults and say why.
      console.error('[Klartext] settings unreadable', error);
      setSettings(defaultSettings());
      setMessage({ kind: 'error', text: String(error) });
    });
    const stop = onSettingsChanged(apply);
    // The user may grant or revoke a site in the browser's own UI while this page is open.
    const onPermissions = () => void loadSettings().then(apply);
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
    return () => {
      stop();
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
    };
  }, []);

  if (!settings) return null;

  const addSite = () => {
    const parsed = parseHostInput(hostInput);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: t(HOST_ERROR_KEYS[parsed.error]) });
      return;
    }
    const site: AutoOpenSite = {
      host: parsed.host,
      includeSubdomains: parsed.includeSubdomains || subdomains,
      addedAt: new Date().toISOString(),
    };
    requestHosts([site]).then(
      async (ok) => {
        if (!ok) {
          setMessage({ kind: 'error', text: t('optionsPermissionRefused', site.host) });
          return;
        }
        await addAutoOpenSite(site);
        setHostInput('');
        setMessage({ kind: 'status', text: t('optionsAdded', site.host) });
      },
      (error) =>
        setMessage({ kind: 'error', text: `${t('optionsPermissionRefused', site.host)} (${String(error)})` }),
    );
  };

  const removeSite = (site: AutoOpenSite) => {
    void removeAutoOpenSite(site.host).then(() => {
      // Only patterns no other listed site still needs.
      const others = settings.autoOpen.filter((s) => s.host !== site.host);
      const stillNeeded = new Set(others.flatMap(matchPatternsFor));
      const origins = matchPatternsFor(site).filter((p) => !stillNeeded.has(p));
      return origins.length > 0 ? browser.permissions.remove({ origins }) : true;
    });
    setMessage({ kind: 'status', text: t('optionsRemoved', site.host) });
  };

  const toggleSubdomains = (site: AutoOpenSite) => {
    const next = { ...site, includeSubdomains: !site.includeSubdomains };
    requestHosts([next]).then(async (ok) => {
      if (!ok) {
        setMessage({ kind: 'error', text: t('optionsPermissionRefused', site.host) });
        return;
      }
      // Narrowing keeps the wider grant: removing "*.host" could take the host's own grant with it.
      await addAutoOpenSite(next);
    });
  };

  const grant = (sites: AutoOpenSite[]) => {
    requestHosts(sites).then((ok) => {
      if (!ok)
        setMessage({
          kind: 'error',
          text: t('optionsPermissionRefused', sites.map((s) => s.host).join(', ')),
        });
      return refreshGrants(settings.autoOpen);
    });
  };

  const exportFile = () => {
    const blob = new Blob([exportAutoOpen(settings.autoOpen, new Date())], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'klartext-sites.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = parseAutoOpenImport(await file.text(), new Date());
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('optionsImportInvalid') });
      return;
    }
    await replaceAutoOpenSites(mergeAutoOpen(settings.autoOpen, result.sites));
    // Reading the file ended the click's gesture: imported hosts are allowed with one more click.
    setMessage({ kind: 'status', text: t('optionsImported', String(result.sites.length)) });
  };

  const missing = settings.autoOpen.filter((site) => granted[site.host] === false);

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="auto-open-heading">
        <h2 id="auto-open-heading">{t('optionsAutoOpenHeading')}</h2>
        <p>{t('optionsAutoOpenIntro')}</p>
        <div class="add">
          <label for="host-input">{t('optionsHostLabel')}</label>
          <input
            id="host-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="rheinpfalz.de"
            value={hostInput}
            onInput={(event) => setHostInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') addSite();
            }}
          />
          <label>
            <input
              id="subdomains-input"
              type="checkbox"
              checked={subdomains}
              onChange={(event) => setSubdomains(event.currentTarget.checked)}
            />{' '}
            {t('optionsSubdomains')}
          </label>
          <button id="add-site" type="button" onClick={addSite}>
            {t('optionsAdd')}
          </button>
        </div>
        <p
          id="options-message"
          class={message?.kind ?? 'status'}
          role={message?.kind === 'error' ? 'alert' : 'status'}
        >
          {message?.text ?? ''}
        </p>
        {settings.autoOpen.length === 0 ? (
          <p id="site-list-empty">{t('optionsNoSites')}</p>
        ) : (
          <ul id="site-list" class="sites">
            {settings.autoOpen.map((site) => (
              <li key={site.host} data-host={site.host} data-granted={String(granted[site.host] ?? '')}>
                <span class="host">{site.host}</span>
                <label>
                  <input
                    type="checkbox"
                    data-action="subdomains"
                    checked={site.includeSubdomains}
                    onChange={() => toggleSubdomains(site)}
                  />{' '}
                  {t('optionsSubdomains')}
                </label>
                {granted[site.host] === false && (
                  <>
                    <span class="missing">{t('optionsPermissionMissing')}</span>
                    <button type="button" data-action="grant" onClick={() => grant([site])}>
                      {t('optionsGrant')}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  data-action="remove"
                  aria-label={t('optionsRemoveLabel', site.host)}
                  onClick={() => removeSite(site)}
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="transfer">
          {missing.length > 1 && (
            <button id="grant-all" type="button" onClick={() => grant(missing)}>
              {t('optionsGrantAll', String(missing.length))}
            </button>
          )}
          <button id="export" type="button" onClick={exportFile} disabled={settings.autoOpen.length === 0}>
            {t('optionsExport')}
          </button>
          <label>
            {t('optionsImport')}{' '}
            <input
              id="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(event) => void importFile(event.currentTarget.files?.[0])}
            />
          </label>
        </div>
      </section>
      <ReaderPreferencesForm preferences={settings.reader} />
    </main>
  );
}

function ReaderPreferencesForm({ preferences }: { preferences: ReaderPreferences }) {
  const save = (change: Partial<ReaderPreferences>) =>
    void saveReaderPreferences({ ...preferences, ...change });
  // Labels are the reader's own display-settings strings, so both places say the same.
  const choice = <K extends keyof ReaderPreferences>(
    key: K,
    values: readonly string[],
    valuePrefix: string,
  ) => (
    <>
      <label for={`pref-${key}`}>{t(key)}</label>
      <select
        id={`pref-${key}`}
        value={String(preferences[key])}
        onChange={(event) => save({ [key]: event.currentTarget.value } as Partial<ReaderPreferences>)}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`${valuePrefix}${value[0]?.toUpperCase()}${value.slice(1)}`) || value}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <section aria-labelledby="reader-heading">
      <h2 id="reader-heading">{t('displaySettings')}</h2>
      <div class="prefs">
        {choice('theme', THEMES, 'theme')}
        {choice('fontFamily', FONT_FAMILIES, 'font')}
        <label for="pref-fontSize">{t('fontSize')}</label>
        <input
          id="pref-fontSize"
          type="range"
          min={0}
          max={FONT_SIZE_SCALE_PX.length - 1}
          value={preferences.fontSize}
          aria-valuetext={`${FONT_SIZE_SCALE_PX[preferences.fontSize]} px`}
          onChange={(event) => save({ fontSize: Number(event.currentTarget.value) })}
        />
        {choice('lineWidth', LINE_WIDTHS, 'width')}
        {choice('lineHeight', LINE_HEIGHTS, 'leading')}
      </div>
    </section>
  );
}
