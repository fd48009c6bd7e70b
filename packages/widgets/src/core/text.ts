/** Plain-text post bodies: paragraphs are separated by blank lines (rendered as text, never HTML). */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "Ana María López" -> "AL": the avatar's letters. */
export function initials(name: string): string {
  // Only words that start with a letter, so "Joan (caregiver)" gives "J".
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
