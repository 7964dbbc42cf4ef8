// Derives the name dictionaries; called by build-dictionaries.sh with: fakerIndexJs ssaFirst scowlWords outDir.
// Output files are sorted (byte order), one ASCII-folded name per line, lower case for words.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [fakerIndex, ssaFile, scowlFile, outDir] = process.argv.slice(2);
const { allLocales } = await import(pathToFileURL(fakerIndex).href);

// Locales that are not real naming conventions (joke or slang variants).
const SKIP_LOCALES = new Set(['en_BORK', 'en_AU_ocker']);
const SPECIAL = { 'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'Ae', 'œ': 'oe', 'Œ': 'Oe', 'đ': 'd', 'Đ': 'D',
  'ł': 'l', 'Ł': 'L', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ı': 'i', 'ʻ': "'", '’': "'" };

/** ASCII form of a name, or null when it is not a single Latin-script word. */
function fold(name) {
  let s = name.trim().replace(/[ßøØæÆœŒđĐłŁþÞðÐıʻ’]/g, c => SPECIAL[c]);
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (!/^(O'|Mc|Mac)?[A-Z][a-z]+(['-][A-Z]?[a-z]+)*$/.test(s)) return null;
  return s;
}

function collect(values, into) {
  if (!values) return;
  for (const v of Object.values(values)) {
    if (!Array.isArray(v)) continue;
    for (const n of v) {
      const f = typeof n === 'string' ? fold(n) : null;
      if (f && f.length >= 2) into.add(f);
    }
  }
}

const first = new Set();
const last = new Set();
for (const [locale, def] of Object.entries(allLocales)) {
  if (SKIP_LOCALES.has(locale) || !def.person) continue;
  collect(def.person.first_name, first);
  collect(def.person.last_name, last);
}
// The SSA table stores names in lower case ("mary"): capitalise before folding.
for (const line of readFileSync(ssaFile, 'utf8').split('\n')) {
  const n = line.trim();
  const f = n ? fold(n.charAt(0).toUpperCase() + n.slice(1)) : null;
  if (f && f.length >= 2) first.add(f);
}

// Placeholder names of documentation and forms (John Doe, Richard Roe, Joe Bloggs, Max Mustermann): real
// data uses them for test persons, and the default pack's own examples use them.
for (const n of ['Doe', 'Roe', 'Bloggs', 'Mustermann', 'Musterfrau', 'Citizen', 'Dupont', 'Rossi']) last.add(n);

// Hand-written supplements (see the comments in each file): common names the lists above miss.
for (const [file, into] of [['surnames-extra.txt', last], ['first-names-extra.txt', first]]) {
  for (const line of readFileSync(new URL(file, import.meta.url), 'utf8').split('\n')) {
    const f = line.startsWith('#') ? null : fold(line);
    if (f && f.length >= 2) into.add(f);
  }
}

const lowerNames = new Set([...first, ...last].map(n => n.toLowerCase()));
const words = new Set();
for (const line of readFileSync(scowlFile, 'latin1').split('\n')) {
  const w = line.trim();
  if (/^[a-z]+$/.test(w) && lowerNames.has(w)) words.add(w);
}

const sorted = s => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(`${outDir}/first-names.txt`, sorted(first).join('\n') + '\n');
writeFileSync(`${outDir}/surnames.txt`, sorted(last).join('\n') + '\n');
writeFileSync(`${outDir}/name-words.txt`, sorted(words).join('\n') + '\n');
