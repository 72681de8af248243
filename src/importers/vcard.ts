/**
 * vCard import (2.1, 3.0, 4.0) as Google Contacts, Apple Contacts and Outlook
 * export it: one ImportedContact per person. Groups and company cards are not
 * people; they are reported in `skipped` so a preview can say why.
 */
import {
  type ContactImport,
  cleanLabel,
  cleanName,
  collectEmails,
  collectPhones,
  contentId,
  parseDate,
} from './contact-fields.js';
import type { ImportedBirthday, ImportedContact } from './types.js';
import {
  type RawCard,
  readCards,
  splitStructured,
  unescapeText,
  type VCardProperty,
} from './vcard-syntax.js';

/** Properties that hold an anniversary in the exporters we know (4.0, Evolution, Outlook). */
const ANNIVERSARIES = new Set([
  'ANNIVERSARY',
  'X-ANNIVERSARY',
  'X-MS-ANNIVERSARY',
  'X-EVOLUTION-ANNIVERSARY',
]);

const NOT_VOICE = new Set(['fax', 'pager']);

export function parseVCards(text: string): ContactImport {
  const result: ContactImport = { contacts: [], skipped: [] };
  for (const card of readCards(text)) {
    const read = readContact(card);
    if (typeof read === 'string') result.skipped.push({ line: card.line, reason: read });
    else result.contacts.push(read);
  }
  return result;
}

/** A contact, or the reason the card is not a person. */
function readContact(card: RawCard): ImportedContact | string {
  const props = card.properties;
  const first = (name: string) => props.find((p) => p.name === name);
  const textOf = (name: string) => unescapeText(first(name)?.value ?? '').trim();

  const kind = textOf('KIND').toLowerCase();
  if (kind === 'group' || textOf('X-ADDRESSBOOKSERVER-KIND').toLowerCase() === 'group') {
    return 'a group, not a person';
  }
  if (kind === 'org' || kind === 'location') return `a card of kind "${kind}", not a person`;
  if (textOf('X-ABSHOWAS').toUpperCase() === 'COMPANY') return 'a company card, not a person';

  const fn = cleanName(textOf('FN'));
  const fromN = nameFromN(first('N'));
  const org = splitStructured(first('ORG')?.value ?? '').map(cleanName);
  const orgName = cleanName(org.join(' '));
  // Outlook and Google write a company's name as FN with an empty N.
  const fnIsOrg =
    fn === '' || [orgName, org[0] ?? ''].some((o) => o.toLowerCase() === fn.toLowerCase());
  if (fromN === '' && orgName !== '' && fnIsOrg) return 'a company card, not a person';

  const name = fn || fromN;
  if (name === '') return 'a card without a name';

  const emails = collectEmails(values(props, 'EMAIL'));
  const phones = collectPhones(
    // A fax or pager number is not a way to reach the person, so it matches nothing.
    props
      .filter((p) => p.name === 'TEL' && !p.params.get('TYPE')?.some((t) => NOT_VOICE.has(t)))
      .map((p) => unescapeText(p.value)),
  );
  const uid = textOf('UID');
  return {
    line: card.line,
    externalId: uid === '' ? contentId(name, emails, phones) : `uid:${uid}`,
    name,
    phones,
    emails,
    birthday: birthdayOf(props),
    otherDates: otherDatesOf(props),
    notes: values(props, 'NOTE')
      .map((n) => n.replace(/\r\n?/g, '\n').trim())
      .filter((n) => n !== '')
      .join('\n\n'),
  };
}

function values(props: VCardProperty[], name: string): string[] {
  return props.filter((p) => p.name === name).map((p) => unescapeText(p.value));
}

/** N is family;given;additional;prefix;suffix; a name reads prefix given additional family suffix. */
function nameFromN(n: VCardProperty | undefined): string {
  if (!n) return '';
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitStructured(
    n.value,
  );
  return cleanName([prefix, given, additional, family, suffix].join(' '));
}

function dateOf(p: VCardProperty): ImportedBirthday | null {
  // `BDAY;VALUE=text:circa 1950` is prose, not a date.
  if (p.params.get('VALUE')?.some((v) => v.toLowerCase() === 'text')) return null;
  const omit = Number(p.params.get('X-APPLE-OMIT-YEAR')?.[0]);
  return parseDate(unescapeText(p.value), Number.isInteger(omit) ? omit : null);
}

function birthdayOf(props: VCardProperty[]): ImportedBirthday | null {
  for (const p of props) {
    if (p.name !== 'BDAY') continue;
    const date = dateOf(p);
    if (date) return date;
  }
  return null;
}

function otherDatesOf(props: VCardProperty[]): ImportedContact['otherDates'] {
  const dates: ImportedContact['otherDates'] = [];
  for (const p of props) {
    const label = ANNIVERSARIES.has(p.name)
      ? 'Anniversary'
      : p.name === 'X-ABDATE'
        ? appleLabel(props, p.group)
        : null;
    const date = label === null ? null : dateOf(p);
    if (label !== null && date) dates.push({ ...date, label });
  }
  return dates;
}

/** Apple names a grouped value with `itemN.X-ABLabel`; built-in labels look like `_$!<Anniversary>!$_`. */
function appleLabel(props: VCardProperty[], group: string | null): string {
  const raw =
    group === null ? undefined : props.find((p) => p.name === 'X-ABLABEL' && p.group === group);
  const text = unescapeText(raw?.value ?? '').trim();
  const builtIn = /^_\$!<(.*)>!\$_$/.exec(text);
  return cleanLabel(builtIn?.[1] ?? text) || 'Other';
}
