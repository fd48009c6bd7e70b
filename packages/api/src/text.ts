/**
 * Input text normalisation shared by every schema that takes user-written text: NFC, `\n` line
 * ends, no control characters (PostgreSQL refuses NUL, and the others only hide things), no
 * trailing whitespace runs. Length limits apply after this.
 */
import { z } from 'zod';

// C0 controls except tab and newline, DEL, and C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** A user-written string: normalised, then between `min` and `max` characters. */
export const userText = (min: number, max: number) =>
  z
    .string()
    .max(max * 2) // refuse absurd input before doing work on it
    .transform(normaliseText)
    .pipe(z.string().min(min).max(max));

/** A single line (titles, names): newlines and tabs fold into spaces. */
export const userLine = (min: number, max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((v) => normaliseText(v).replace(/\s+/g, ' '))
    .pipe(z.string().min(min).max(max));
