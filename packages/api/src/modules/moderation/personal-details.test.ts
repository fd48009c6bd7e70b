import { describe, expect, it } from 'vitest';
import { findPersonalDetails } from './personal-details.ts';

const kinds = (text: string) => findPersonalDetails(text).map((d) => d.kind).sort();

describe('the personal details guard', () => {
  it('finds phone numbers, emails, addresses, dates of birth and record numbers', () => {
    expect(kinds('Call me on 07700 900123 any time')).toEqual(['phone']);
    expect(kinds('my number is +1 (555) 123-4567')).toEqual(['phone']);
    expect(kinds('Llámame al 612 34 56 78')).toEqual(['phone']);
    expect(kinds('email me: maria.g@example.com')).toEqual(['email']);
    expect(kinds('I live at 12 River Road, come by')).toEqual(['address']);
    expect(kinds('I am at 221B Baker Street')).toEqual(['address']);
    expect(kinds('Vivo en Calle Mayor, 15 en Madrid')).toEqual(['address']);
    expect(kinds('I was born on 12/03/1965')).toEqual(['date_of_birth']);
    expect(kinds('DOB: 1965-03-12')).toEqual(['date_of_birth']);
    expect(kinds('Nací el 3 de marzo de 1970')).toEqual([]); // spelled-out Spanish dates are not covered
    expect(kinds('born 3rd March 1970')).toEqual(['date_of_birth']);
    expect(kinds('My NHS number is 943 476 5919')).toEqual(['record_number']);
    expect(kinds('MRN: 00123456')).toEqual(['record_number']);
    expect(kinds('patient id A1234567')).toEqual(['record_number']);
    expect(kinds('Mi número de historia 123456789')).toEqual(['record_number']);
  });

  it('sees through invisible characters', () => {
    expect(kinds('07700\u200B 900123')).toEqual(['phone']);
  });

  it('leaves ordinary health talk alone', () => {
    for (const text of [
      'My A1C went from 8.2 to 6.9 in 3 months',
      'I take 500 mg twice a day, 2 weeks on and 1 off',
      'Stage 2, HER2 positive, 4 rounds of chemo left',
      'The clinic on 3rd floor is open 9 to 5',
      'I walked 10,000 steps today!',
      'Diagnosed in 2019, in remission since March 2021',
      'Blood pressure 120/80 this morning',
      'Radiotherapy starts on 12/03, fingers crossed',
    ]) {
      expect({ text, found: findPersonalDetails(text) }).toEqual({ text, found: [] });
    }
  });
});
