/**
 * Personal details in content meant for others to read: phone numbers, emails, street
 * addresses, dates of birth and record-like numbers (medical record, NHS, insurance, patient id).
 * Found details are returned so the widget can show the author what it found; the author then
 * edits or confirms. Deliberately simple patterns: a false alarm costs one confirmation.
 */

export type PersonalDetailKind = 'phone' | 'email' | 'address' | 'date_of_birth' | 'record_number';

export interface PersonalDetail {
  kind: PersonalDetailKind;
  /** The text as written, so the author can find it. */
  match: string;
}

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/gu;
/** 9 to 15 digits with optional +, spaces, dots, dashes and brackets between them. */
const PHONE = /(?<![\p{L}\d])\+?\(?\d(?:[\s.\-()]{0,2}\d){8,14}(?![\p{L}\d])/gu;
const STREET_WORDS =
  'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|close|court|ct|place|pl|way|crescent|terrace|grove|square|sq|calle|avenida|avda|paseo|plaza|camino|carrera';
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'’.-]+\\s+){0,3}(?:${STREET_WORDS})\\b\\.?|\\b(?:calle|avenida|avda\\.?|paseo|plaza|c/)\\s+[\\p{L}'’ .-]{2,40}?,?\\s*(?:n[ºo°.]?\\s*)?\\d{1,5}\\b`,
  'giu',
);
const DATE = String.raw`(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[\p{L}]*\.?,?\s+(?:19|20)\d{2})`;
const BIRTH = new RegExp(
  `\\b(?:born(?:\\s+on)?|date\\s+of\\s+birth|d\\.?o\\.?b\\.?|birthday(?:\\s+is)?|naci(?:d[oa])?(?:\\s+el)?|fecha\\s+de\\s+nacimiento)\\s*:?\\s*${DATE}`,
  'giu',
);
const RECORD = /\b(?:mrn|nhs(?:\s+(?:no|number))?|medical\s+record(?:\s+(?:no|number))?|record\s+(?:no|number)|patient\s+(?:id|no|number)|hospital\s+(?:no|number)|insurance\s+(?:no|number|id)|policy\s+(?:no|number)|member\s+id|ssn|social\s+security(?:\s+number)?|historia\s+cl[ií]nica|n[uú]mero\s+de\s+(?:paciente|historia|afiliaci[oó]n|seguridad\s+social)|nhc|dni|nie)\s*(?:#|no\.?|n[ºo°])?\s*:?\s*[A-Z0-9][A-Z0-9\s-]{4,20}\d/giu;

const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF]/g;

export function findPersonalDetails(text: string): PersonalDetail[] {
  const clean = text.replace(INVISIBLE, '');
  const found: PersonalDetail[] = [];
  const seen = new Set<string>();
  const add = (kind: PersonalDetailKind, match: string) => {
    const key = `${kind}:${match.trim()}`;
    if (!seen.has(key)) (seen.add(key), found.push({ kind, match: match.trim() }));
  };
  for (const m of clean.matchAll(EMAIL)) add('email', m[0]);
  for (const m of clean.matchAll(RECORD)) add('record_number', m[0]);
  for (const m of clean.matchAll(BIRTH)) add('date_of_birth', m[0]);
  for (const m of clean.matchAll(ADDRESS)) add('address', m[0]);
  const claimed = found.map((f) => f.match).join(' ');
  for (const m of clean.matchAll(PHONE)) {
    // A number already reported as a record number or a date is not also a phone number.
    if (!claimed.includes(m[0].trim())) add('phone', m[0]);
  }
  return found;
}
