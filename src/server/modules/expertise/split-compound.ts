// German and Dutch compounds against the skill taxonomy: "Verhandlungstechniken" holds the alias
// "verhandlungstechnik", "Tabellenkalkulationsprogramm" holds "tabellenkalkulation" and a linking -s-.
// Pure: `compoundProbes` lists the substrings worth looking up, `findCompoundParts` picks the parts.

/** Known parts shorter than this are not split out ("excel" is the shortest that counts). */
export const MIN_PART = 5;
/** An unknown neighbour part needs this many letters ("team", "test", "kurs"). */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
const MAX_WORD = 48;

/** German Fugenlaute and Dutch tussenklanken between two parts, longest first. */
const LINKERS = ['ens', 'es', 'en', 'er', 's', 'n', 'e'] as const;
/** Inflections a known part may carry at the end of the word (plural, genitive). */
const ENDINGS = new Set(['s', 'e', 'n', 'en', 'es', 'er', 'ern', 'ens']);
/**
 * English (and a few German) derivational endings: a known part followed by one of these forms a
 * different word, not a compound ("excel" + "lent", "react" + "ions", "design" + "able").
 */
const DERIVATIONAL = new Set([
  'lent',
  'lence',
  'lency',
  'ence',
  'ency',
  'ent',
  'ents',
  'ment',
  'ments',
  'ness',
  'able',
  'ably',
  'ible',
  'ions',
  'ional',
  'ation',
  'ations',
  'ative',
  'ings',
  'ised',
  'ized',
  'ises',
  'izes',
  'ising',
  'izing',
  'ally',
  'less',
  'ship',
  'ful',
  'isch',
  'ische',
  'lich',
  'liche',
  'heit',
  'keit',
  'ismus',
]);

function restIsValid(rest: string): boolean {
  if (rest === '' || ENDINGS.has(rest)) return true;
  if (rest.length >= MIN_HEAD && !DERIVATIONAL.has(rest)) {
    // A linker may only be stripped if what follows is still a part, and not a derivational ending.
    const linker = LINKERS.find((l) => rest.startsWith(l));
    return linker === undefined || rest.length - linker.length < MIN_HEAD || !DERIVATIONAL.has(rest.slice(linker.length));
  }
  return false;
}

const modifierIsValid = (start: number) => start === 0 || start >= MIN_MODIFIER;

/**
 * Substrings of `word` that would count as a part if the taxonomy knows them: from MIN_PART letters
 * on, with a modifier of MIN_MODIFIER letters or none in front, and an ending, a linker plus a head,
 * or nothing behind. Empty for words too short to be a compound.
 * @example compoundProbes('excelkurs') // ['excel']
 */
export function compoundProbes(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length <= MIN_PART || w.length > MAX_WORD) return [];
  const probes = new Set<string>();
  for (let i = 0; i + MIN_PART <= w.length; i++) {
    if (!modifierIsValid(i)) continue;
    for (let j = i + MIN_PART; j <= w.length; j++) {
      if (i === 0 && j === w.length) continue; // the whole word is an exact match, not a part
      if (restIsValid(w.slice(j))) probes.add(w.slice(i, j));
    }
  }
  return [...probes];
}

/**
 * The known parts of a compound word, longest first where parts overlap, in word order.
 * `known` holds lower-case forms (tags, aliases, labels without spaces or hyphens).
 * @example findCompoundParts('verhandlungstechniken', new Set(['verhandlungstechnik'])) // ['verhandlungstechnik']
 * @example findCompoundParts('tabellenkalkulationsprogramm', new Set(['tabellenkalkulation'])) // ['tabellenkalkulation']
 * @example findCompoundParts('excellent', new Set(['excel'])) // []
 */
export function findCompoundParts(word: string, known: ReadonlySet<string>): string[] {
  const w = word.toLowerCase();
  const spans: { start: number; end: number }[] = [];
  for (const probe of compoundProbes(w)) {
    if (!known.has(probe)) continue;
    // A probe may occur more than once; every occurrence with valid neighbours counts.
    for (let at = w.indexOf(probe); at >= 0; at = w.indexOf(probe, at + 1)) {
      const end = at + probe.length;
      if (modifierIsValid(at) && restIsValid(w.slice(end)) && !(at === 0 && end === w.length)) spans.push({ start: at, end });
    }
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: typeof spans = [];
  for (const s of spans) if (chosen.every((c) => s.end <= c.start || s.start >= c.end)) chosen.push(s);
  return [...new Set(chosen.sort((a, b) => a.start - b.start).map((s) => w.slice(s.start, s.end)))];
}
