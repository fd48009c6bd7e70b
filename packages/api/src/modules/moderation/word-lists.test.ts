import { describe, expect, it } from 'vitest';
import { findListed } from './word-lists.ts';
import { normaliseForMatching } from './normalize.ts';

describe('banned and watched words', () => {
  const listed = ['miracle cure', 'scam', 'ass'];

  it('match whole words only', () => {
    expect(findListed('This miracle cure changed my life', listed)).toEqual(['miracle cure']);
    expect(findListed('My class on assertiveness was great, no scams here', listed)).toEqual([]);
    expect(findListed('It is a scam.', listed)).toEqual(['scam']);
  });

  it('are not fooled by case, accents, substitutions, homoglyphs, entities, invisible characters or line breaks', () => {
    const attempts = [
      'MIRACLE CURE',
      'mïrâclé cüré',
      'm1racle cur3',
      'mіracle cure', // Cyrillic і
      'mir&#97;cle cure',
      'mir&#x61;cle cure',
      'mira\u200Bcle cure',
      'miracle\ncure',
      'miracle\r\n\r\ncure',
      'm i r a c l e c u r e',
      'miiiiracle cure',
      '**miracle** _cure_',
    ];
    for (const attempt of attempts) expect({ attempt, found: findListed(attempt, listed) }).toEqual({ attempt, found: ['miracle cure'] });
    expect(findListed('what an A$$', listed)).toEqual(['ass']);
    expect(findListed('$cam alert', listed)).toEqual(['scam']);
  });

  it('normalise tenant entries the same way', () => {
    expect(findListed('this is a miracle cure', ['Miracle  CURE'])).toEqual(['Miracle  CURE']);
    expect(normaliseForMatching('Ça va? Très BIEN!').words).toBe('ca va tres bien');
  });
});
