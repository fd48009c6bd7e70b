/**
 * A tenant's banned words (the post is refused) and watched words (the post waits for review),
 * matched as whole words on normalised text: "class" never matches "ass", but "A$$", "Аss"
 * (Cyrillic А), "a&#115;s" and "a s s" all do.
 */
import { containsPhrase, normaliseForMatching, normalisePhrase } from './normalize.ts';

/** The listed words or phrases that occur in `text`, as the tenant wrote them. */
export function findListed(text: string, listed: readonly string[]): string[] {
  if (listed.length === 0) return [];
  const normalised = normaliseForMatching(text);
  return listed.filter((entry) => {
    const phrase = normalisePhrase(entry);
    return phrase.length > 0 && containsPhrase(normalised, phrase);
  });
}
