import { describe, expect, it } from 'vitest';
import { createMatcher, normalizeEmail, normalizeName, normalizePhone } from './matching.js';

const people = [
  {
    id: 'ana',
    name: 'Ana Silva',
    handles: { phones: ['0151 2345 6789'], emails: ['Ana.Silva@Example.org'] },
  },
  { id: 'ben', name: 'Ben Okoro', handles: { phones: ['+1 (415) 555-0134'], emails: [] } },
  { id: 'jo1', name: 'Jo', handles: { phones: [], emails: [] } },
  { id: 'jo2', name: 'jo', handles: { phones: [], emails: [] } },
  { id: 'zoe', name: 'Zoë Müller', handles: { phones: [], emails: [] } },
];

describe('matching imported names, phones and emails to connections', () => {
  const m = createMatcher(people, 'DE');

  it('when a phone is written differently, it still matches after normalising with the default region', () => {
    expect(normalizePhone('0151 23456789', 'DE')).toBe('+4915123456789');
    expect(normalizePhone('0049 151 23456789', null)).toBe('+4915123456789');
    expect(m.match({ phone: '+49 151 23456789' })).toEqual({ connectionId: 'ana', by: 'phone' });
    expect(m.match({ phone: '+14155550134' })).toEqual({ connectionId: 'ben', by: 'phone' });
  });

  it('when an email differs only in case, it matches', () => {
    expect(normalizeEmail(' ANA.silva@example.ORG ')).toBe('ana.silva@example.org');
    expect(m.match({ email: 'ana.silva@example.org' })).toEqual({
      connectionId: 'ana',
      by: 'email',
    });
  });

  it('when a name differs in case or accents, it matches; when two connections share it, it matches neither', () => {
    expect(normalizeName('  Zoë   MÜLLER ')).toBe('zoe muller');
    expect(m.match({ name: 'zoe muller' })).toEqual({ connectionId: 'zoe', by: 'name' });
    expect(m.match({ name: 'Jo' })).toBeNull();
    expect(m.match({ name: 'Ana' })).toBeNull();
  });

  it('when a calendar title names someone in full, they are found, and part of a word is not a name', () => {
    expect(m.namedIn('Lunch with Ana Silva at Café Z')).toEqual(['ana']);
    expect(m.namedIn('Banana silvan tasting')).toEqual([]);
  });

  it('when a number is too short to be a phone, it matches nothing', () => {
    expect(normalizePhone('112', 'DE')).toBeNull();
    expect(m.match({ phone: '112' })).toBeNull();
  });
});
