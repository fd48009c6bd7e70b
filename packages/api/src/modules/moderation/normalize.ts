/**
 * Text as moderation phases read it: what a reader would see, whatever tricks the writer used.
 * Case, accents, zero-width and invisible characters, HTML entities, common homoglyphs and
 * letter substitutions (k1ll, dеath with a Cyrillic е), letters spaced out (k i l l) and words
 * split across lines all fold to the same plain words.
 */

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Look-alike letters from other scripts, folded to Latin. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', к: 'k', м: 'm', т: 't', в: 'b', н: 'h',
  α: 'a', ο: 'o', ρ: 'p', ε: 'e', ι: 'i', κ: 'k', ν: 'v', τ: 't', υ: 'u', χ: 'x', ѵ: 'v',
  ⅰ: 'i', ⅼ: 'l', ⅽ: 'c', ⅾ: 'd', ⅿ: 'm',
};

/** Digits and symbols used as letters. Applied only inside words that also contain letters. */
const SUBSTITUTIONS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1]?.toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

export interface NormalisedText {
  /** Lower-case words separated by single spaces, with every trick above undone. */
  words: string;
  /** Letters that were spaced out ("k i l l m y s e l f" -> "killmyself"), to match phrases with their spaces removed. */
  spacedRuns: string[];
}

export function normaliseForMatching(input: string): NormalisedText {
  let text = decodeEntities(input).replace(INVISIBLE, '').replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
  text = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  text = [...text].map((c) => HOMOGLYPHS[c] ?? c).join('');
  // Substitute digits/symbols only in tokens that mix them with letters ("k1ll", "d3ath", "$uicide").
  // "!" and "|" count as letters only inside a word ("k!ll"), never as trailing punctuation ("bien!").
  text = text.replace(/[\p{L}0-9@$!|€]+/gu, (token) => {
    if (!/\p{L}/u.test(token) || !/[^\p{L}]/u.test(token)) return token;
    const chars = [...token];
    return chars.map((c, i) => ((c === '!' || c === '|') && !/\p{L}/u.test(chars[i + 1] ?? '') ? c : (SUBSTITUTIONS[c] ?? c))).join('');
  });
  // Letters stretched for emphasis: "diiiie" -> "die".
  text = text.replace(/(\p{L})\1{2,}/gu, '$1');
  const words = text.split(/[^\p{L}\p{N}']+/u).filter(Boolean).map((w) => w.replace(/'/g, ''));
  // Letters spaced out ("k i l l m y s e l f") are kept as words and also joined into a run.
  const spacedRuns: string[] = [];
  let run = '';
  for (const word of [...words, '']) {
    if (word.length === 1 && /\p{L}/u.test(word)) {
      run += word;
      continue;
    }
    if (run.length >= 4) spacedRuns.push(run);
    run = '';
  }
  return { words: words.join(' '), spacedRuns };
}

/** True when `phrase` (already normalised: lower-case words, single spaces) appears as whole words. */
export function containsPhrase(text: NormalisedText, phrase: string): boolean {
  if (` ${text.words} `.includes(` ${phrase} `)) return true;
  const compact = phrase.replace(/ /g, '');
  return compact.length >= 4 && text.spacedRuns.some((run) => run.includes(compact));
}

/** Normalises a list of tenant-entered words or phrases the same way as the text they are matched in. */
export function normalisePhrase(phrase: string): string {
  return normaliseForMatching(phrase).words;
}
