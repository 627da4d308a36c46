#!/usr/bin/env node
// Lists, per app and language, the catalogue keys missing from a translation or extra in it, and
// messages whose placeholders, ICU syntax or plural forms are wrong. Exits 1 when anything is listed.
// Usage: node .scripts/i18n-missing.mjs   (after merging a branch that added English keys)
import { tsImport } from 'tsx/esm/api';

const { checkAll } = await tsImport('../test/i18n/catalogue-check.ts', import.meta.url);
let problems = 0;
for (const r of await checkAll()) {
  const lines = [
    ...r.missing.map((k) => `  missing  ${k}`),
    ...r.extra.map((k) => `  extra    ${k}`),
    ...r.problems.map((p) => `  wrong    ${p}`),
  ];
  problems += lines.length;
  console.log(`${r.app}/${r.locale}: ${lines.length ? `${lines.length} to fix` : 'complete'}`);
  for (const line of lines) console.log(line);
}
process.exit(problems ? 1 : 0);
