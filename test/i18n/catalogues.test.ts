/**
 * Both apps' catalogues: every translation has exactly the English keys, the same placeholders,
 * valid ICU with the plural forms its language needs, and our small formatter writes each message
 * exactly as FormatJS's intl-messageformat does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatMessage } from '../../ui/format/format-message.js';
import { pickLocale } from '../../ui/i18n/locales.js';
import { launcherCloseLabels, launcherOpenLabels } from '../../widget/loader/launcher-labels.js';
import { argumentsOf, CATALOGUE_DIRS, checkAll, loadCatalogues, parseMessage, type AppName } from './catalogue-check.js';

const reports = await checkAll();

describe('catalogues', () => {
  it('exist for every language of both apps and the server’s mails', () => {
    const seen = reports.map((r) => `${r.app}/${r.locale}`).sort();
    assert.deepEqual(seen, ['agent', 'mail', 'widget'].flatMap((app) => ['ar', 'da', 'de', 'es', 'fr', 'zh'].map((l) => `${app}/${l}`)).sort());
  });

  for (const r of reports) {
    it(`${r.app}/${r.locale} has every English key and no other (node .scripts/i18n-missing.mjs lists them)`, () => {
      assert.deepEqual({ missing: r.missing, extra: r.extra }, { missing: [], extra: [] });
    });
    it(`${r.app}/${r.locale}: placeholders, ICU syntax and plural forms are right`, () => {
      assert.deepEqual(r.problems, []);
    });
  }

  it('the loader names the launcher exactly as each widget catalogue does', async () => {
    const { en, translations } = await loadCatalogues('widget');
    assert.deepEqual([launcherOpenLabels.en, launcherCloseLabels.en], [en.launcherOpen, en.launcherClose]);
    for (const [locale, t] of translations) assert.deepEqual([launcherOpenLabels[locale as keyof typeof launcherOpenLabels], launcherCloseLabels[locale as keyof typeof launcherCloseLabels]], [t.launcherOpen, t.launcherClose], locale);
  });
});

describe('formatMessage', () => {
  /** Parameters to try a message with: each count a language's plural rules tell apart, text for the rest. */
  function samples(message: string): Record<string, string | number>[] {
    const names = [...argumentsOf(parseMessage(message))];
    return [0, 1, 2, 3, 11, 100, 1234].map((n) => Object.fromEntries(names.map((name) => [name, /count|minutes|n$|position|attempt|seconds|rating/.test(name) ? n : `«${name}»`])));
  }

  for (const app of Object.keys(CATALOGUE_DIRS) as AppName[]) {
    it(`writes every ${app} message as intl-messageformat does, in every language`, async () => {
      const { en, translations } = await loadCatalogues(app);
      for (const [locale, catalogue] of [['en', en] as const, ...translations]) {
        for (const [key, message] of Object.entries(catalogue)) {
          for (const params of samples(message)) {
            const expected = String(new IntlMessageFormat(message, locale).format(params));
            assert.equal(formatMessage(message, params, locale), expected, `${app}/${locale} ${key} ${JSON.stringify(params)}`);
          }
        }
      }
    });
  }

  it('says "1 contact" and "2 contacts", and Arabic’s six forms', () => {
    const en = '{count, plural, one {# contact} other {# contacts}}';
    assert.equal(formatMessage(en, { count: 1 }), '1 contact');
    assert.equal(formatMessage(en, { count: 2 }), '2 contacts');
    const ar = '{n, plural, zero {z} one {o} two {t} few {f#} many {m#} other {x#}}';
    assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, 'ar')[0]), ['z', 'o', 't', 'f', 'm', 'x']);
  });

  it('leaves a placeholder without a value as written, so it shows instead of vanishing', () => {
    assert.equal(formatMessage('Call with {name}', {}), 'Call with {name}');
  });
});

describe('pickLocale', () => {
  it('falls back from a region to its language, skips Traditional Chinese, and ends in English', () => {
    assert.equal(pickLocale(['es-MX']), 'es');
    assert.equal(pickLocale(['es-ES', 'en']), 'es');
    assert.equal(pickLocale(['zh-TW']), 'en');
    assert.equal(pickLocale(['zh-Hant', 'fr-CA']), 'fr');
    assert.equal(pickLocale(['zh-CN']), 'zh');
    assert.equal(pickLocale(['zh-Hans-TW']), 'zh');
    assert.equal(pickLocale(['ar-EG']), 'ar');
    assert.equal(pickLocale(['pt-BR', 'it']), 'en');
    assert.equal(pickLocale([]), 'en');
  });
});
