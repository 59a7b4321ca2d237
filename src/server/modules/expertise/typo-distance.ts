// Whether a typed word is a typo of a skill form. Trigram similarity in the database finds the
// candidates through an index; this decides, by edit distance with limits that grow with the word,
// because short words one edit apart are often different words ("learn" and "lean").

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions),
 * or `max + 1` as soon as it must exceed `max`.
 * @example editDistance('negotation', 'negotiation', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

const isDroppedLetter = (word: string, form: string) =>
  form.length === word.length + 1 && [...form].some((_, i) => form.slice(0, i) + form.slice(i + 1) === word);

const isSwappedPair = (word: string, form: string) =>
  form.length === word.length && [...word].some((_, i) => i + 1 < word.length && word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) === form);

/**
 * How many edits away `word` is from `form` when it counts as a typo of it, else null. Words under
 * four letters never count; up to six letters only a dropped letter or two swapped neighbours count
 * ("exel" for "excel"); up to nine letters one edit; longer words two. Both start with the same letter.
 * @example typoDistance('exel', 'excel') // 1
 * @example typoDistance('learn', 'lean') // null
 */
export function typoDistance(word: string, form: string): number | null {
  if (word.length < 4 || word === form || word[0] !== form[0]) return null;
  if (word.length <= 6) return isDroppedLetter(word, form) || isSwappedPair(word, form) ? 1 : null;
  const max = word.length <= 9 ? 1 : 2;
  const d = editDistance(word, form, max);
  return d <= max ? d : null;
}

/**
 * The lengths a form may have for `word` to count as its typo (the rules of `typoDistance`).
 * @example typoLengths('exel') // [4, 5]
 */
export function typoLengths(word: string): number[] {
  const n = word.length;
  if (n < 4) return [];
  if (n <= 6) return [n, n + 1];
  const max = n <= 9 ? 1 : 2;
  return Array.from({ length: 2 * max + 1 }, (_, i) => n - max + i);
}
