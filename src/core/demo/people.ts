import type { Channel } from '../common.schemas.js';
import type { ImportantDate, Ring } from '../connections.schemas.js';

/**
 * How a shared joy is lived: an activity or a meal together in person, a
 * conversation (coffee, a walk, a call), or something only shared at a distance.
 */
export type JoyMode = 'activity' | 'meal' | 'talk' | 'remote';

export interface Joy {
  label: string;
  mode: JoyMode;
  /** Where it usually happens, for plans. */
  place?: string;
}

const joy = (label: string, mode: JoyMode, place?: string): Joy =>
  place === undefined ? { label, mode } : { label, mode, place };

/** One person or animal in the demo, and how the user keeps in touch with them. */
export interface CastMember {
  key: string;
  name: string;
  kind: 'person' | 'pet';
  ring: Ring;
  /** Only when it differs from the ring's default. */
  cadenceDays?: number;
  joys: readonly Joy[];
  notes: string;
  /** Birth year; null when the year is unknown, undefined when there is no birthday on file. */
  born?: number | null;
  /** Dates other than the birthday. */
  dates?: readonly ImportantDate[];
  /** `#` becomes a random digit. */
  phone?: string;
  email?: string;
  /** Lives in the user's city, so can be met in person on an ordinary day. */
  local: boolean;
  /**
   * Typical unplanned contacts per week, by channel, before the story bends
   * them. Weekly habits (runs, game nights, Sunday calls) are rituals in the timeline.
   */
  perWeek: Partial<Record<Channel, number>>;
  draining?: boolean;
}

/** The cast: 25 connections over the four rings, old city and new. */
export const DEMO_CAST = [
  // Inner circle: the dog, family and the two closest friends.
  {
    key: 'biscuit',
    name: 'Biscuit',
    kind: 'pet',
    ring: 'inner',
    cadenceDays: 1,
    joys: [
      joy('morning walks by the canal', 'activity'),
      joy('fetch in the park', 'activity'),
      joy('sofa cuddles', 'talk'),
    ],
    notes:
      'Rescue mix, adopted three years ago. Nervous in thunderstorms; loves Pepper from the dog park.',
    local: true,
    perWeek: {},
  },
  {
    key: 'lena',
    name: 'Lena Hoffmann',
    kind: 'person',
    ring: 'inner',
    joys: [
      joy('true-crime podcasts', 'remote'),
      joy('baking cinnamon buns', 'meal'),
      joy('reality TV marathons', 'talk'),
    ],
    notes: 'Sister. Sunday video calls are a ritual.',
    born: 1990,
    phone: '+49 160 ########',
    email: 'lena.hoffmann@example.com',
    local: false,
    perWeek: { voice: 0.25, text: 1.1 },
  },
  {
    key: 'sabine',
    name: 'Sabine Hoffmann',
    kind: 'person',
    ring: 'inner',
    joys: [
      joy('gardening', 'activity'),
      joy('crossword puzzles', 'remote'),
      joy('old family photos', 'talk'),
    ],
    notes: 'Mum. Calls work best on weekday evenings after seven.',
    born: 1962,
    dates: [{ kind: 'anniversary', label: 'Wedding anniversary', month: 6, day: 14, year: 1987 }],
    phone: '+49 40 #######',
    email: 'sabine.hoffmann@example.net',
    local: false,
    perWeek: { voice: 0.9, text: 0.6, video: 0.1 },
  },
  {
    key: 'amara',
    name: 'Amara Okafor',
    kind: 'person',
    ring: 'inner',
    joys: [
      joy('voice notes about nothing', 'remote'),
      joy('thrift shopping', 'activity', 'the Sunday flea market'),
      joy('Afrobeats playlists', 'remote'),
    ],
    notes:
      'Best friend since university; still in the old city and visits a couple of times a year.',
    born: 1991,
    phone: '+49 176 ########',
    email: 'amara.okafor@example.com',
    local: false,
    perWeek: { voice: 0.6, video: 0.25, text: 1.3, social: 0.4 },
  },
  {
    key: 'tomas',
    name: 'Tomás Reyes',
    kind: 'person',
    ring: 'inner',
    joys: [
      joy('bouldering', 'activity', 'the bouldering gym'),
      joy('cooking ramen', 'meal', 'his flat'),
      joy('Sunday flea markets', 'activity', 'Mauerpark'),
    ],
    notes: 'Met at the climbing gym. Easy company; evenings with him feel like exhaling.',
    born: null,
    phone: '+49 157 ########',
    email: 'tomas.reyes@example.com',
    local: true,
    perWeek: { in_person: 1.3, text: 0.8, voice: 0.15 },
  },
  // Close: the fifteen-layer, about monthly.
  {
    key: 'jonas',
    name: 'Jonas Becker',
    kind: 'person',
    ring: 'close',
    joys: [
      joy('trail running', 'activity', 'the canal path'),
      joy('craft beer tastings', 'meal'),
      joy('Formula 1 races', 'remote'),
    ],
    notes: 'First friend after the move, from the coworking space. Thursday evening runs.',
    born: 1988,
    phone: '+49 30 #######',
    email: 'jonas.becker@example.org',
    local: true,
    perWeek: { text: 1.0 },
  },
  {
    key: 'priya',
    name: 'Priya Raman',
    kind: 'person',
    ring: 'close',
    joys: [
      joy('board games', 'activity', 'Priya’s place'),
      joy('Sunday brunch', 'meal', 'Café Fleury'),
      joy('South Indian cooking', 'meal'),
    ],
    notes: 'Hosts board game nights every other Friday.',
    born: 1993,
    phone: '+49 152 ########',
    email: 'priya.raman@example.com',
    local: true,
    perWeek: { in_person: 0.4, text: 0.8, social: 0.3 },
  },
  {
    key: 'kenji',
    name: 'Kenji Watanabe',
    kind: 'person',
    ring: 'close',
    cadenceDays: 14,
    joys: [
      joy('Saturday parkrun', 'activity', 'Hasenheide park'),
      joy('film photography', 'talk'),
      joy('Japanese whisky tastings', 'meal'),
    ],
    notes: 'Running club. Saturday mornings, then coffee.',
    born: 1985,
    phone: '+49 151 ########',
    email: 'kenji.watanabe@example.com',
    local: true,
    perWeek: { in_person: 0.1, text: 0.5 },
  },
  {
    key: 'sofia',
    name: 'Sofia Marchetti',
    kind: 'person',
    ring: 'close',
    joys: [
      joy('making fresh pasta', 'meal', 'her kitchen'),
      joy('houseplants', 'talk'),
      joy('espresso on the balcony', 'talk'),
    ],
    notes: 'Neighbour two floors down. Looks after Biscuit when you travel.',
    born: null,
    phone: '+49 30 #######',
    email: 'sofia.marchetti@example.it',
    local: true,
    perWeek: { in_person: 0.45, text: 0.6 },
  },
  {
    key: 'daniel',
    name: 'Daniel Kim',
    kind: 'person',
    ring: 'close',
    cadenceDays: 60,
    joys: [
      joy('retro video games', 'remote'),
      joy('sci-fi novels', 'remote'),
      joy('Korean barbecue', 'meal'),
    ],
    notes:
      'University flatmate, now in Seoul. Mind the time difference: mornings here are his evenings.',
    born: 1990,
    phone: '+82 10 #### ####',
    email: 'daniel.kim@example.com',
    local: false,
    perWeek: { text: 0.5, social: 0.4 },
  },
  {
    key: 'fatima',
    name: 'Fatima El-Amrani',
    kind: 'person',
    ring: 'close',
    joys: [
      joy('yoga', 'activity', 'the yoga studio on the corner'),
      joy('mint tea', 'talk'),
      joy('flea markets', 'activity'),
    ],
    notes: '',
    born: 1992,
    phone: '+49 172 ########',
    email: 'fatima.elamrani@example.com',
    local: true,
    perWeek: { in_person: 0.3, text: 0.5 },
  },
  {
    key: 'hilde',
    name: 'Hilde Hoffmann',
    kind: 'person',
    ring: 'close',
    cadenceDays: 14,
    joys: [
      joy('card games', 'activity'),
      joy('apple cake', 'meal'),
      joy('stories from the old days', 'talk'),
    ],
    notes: 'Grandma. Prefers the landline; does not text.',
    born: 1939,
    phone: '+49 40 #######',
    local: false,
    perWeek: { voice: 0.35 },
  },
  {
    key: 'ben',
    name: 'Ben Carter',
    kind: 'person',
    ring: 'close',
    joys: [
      joy('pub quizzes', 'activity'),
      joy('vinyl records', 'talk'),
      joy('Premier League football', 'remote'),
    ],
    notes: 'From the old five-a-side team.',
    born: 1989,
    phone: '+44 7700 ######',
    email: 'ben.carter@example.co.uk',
    local: false,
    perWeek: { video: 0.12, voice: 0.1, text: 0.5, social: 0.25 },
  },
  // Friends: the fifty-layer, about twice a year.
  {
    key: 'chloe',
    name: 'Chloe Martin',
    kind: 'person',
    ring: 'friends',
    joys: [joy('pottery classes', 'activity'), joy('indie concerts', 'activity')],
    notes: '',
    born: 1994,
    phone: '+49 159 ########',
    email: 'chloe.martin@example.fr',
    local: true,
    perWeek: { in_person: 0.06, text: 0.2, social: 0.25 },
  },
  {
    key: 'mateo',
    name: 'Mateo Silva',
    kind: 'person',
    ring: 'friends',
    joys: [
      joy('salsa dancing', 'activity'),
      joy('five-a-side football', 'activity'),
      joy('grilling', 'meal'),
    ],
    notes: '',
    born: null,
    phone: '+49 163 ########',
    local: true,
    perWeek: { in_person: 0.05, text: 0.12, social: 0.3 },
  },
  {
    key: 'aisha',
    name: 'Aisha Bello',
    kind: 'person',
    ring: 'friends',
    joys: [joy('poetry slams', 'activity'), joy('natural wine', 'meal')],
    notes: 'Old-city friend; mostly keeps up through stories and comments.',
    born: 1992,
    email: 'aisha.bello@example.com',
    local: false,
    perWeek: { social: 0.35, text: 0.1 },
  },
  {
    key: 'lukas',
    name: 'Lukas Meyer',
    kind: 'person',
    ring: 'friends',
    joys: [
      joy('mechanical keyboards', 'remote'),
      joy('hiking in the Alps', 'activity'),
      joy('tech gossip', 'remote'),
    ],
    notes: 'Former colleague; good to ask about job moves.',
    born: 1984,
    phone: '+49 89 #######',
    email: 'lukas.meyer@example.de',
    local: false,
    perWeek: { voice: 0.06, text: 0.15 },
  },
  {
    key: 'hannah',
    name: 'Hannah Cohen',
    kind: 'person',
    ring: 'friends',
    joys: [joy('book club', 'talk', 'the bookshop café'), joy('jazz brunch', 'meal')],
    notes: 'Runs the monthly book club.',
    born: null,
    phone: '+49 171 ########',
    email: 'hannah.cohen@example.com',
    local: true,
    perWeek: { text: 0.15 },
  },
  {
    key: 'ravi',
    name: 'Ravi Patel',
    kind: 'person',
    ring: 'friends',
    joys: [
      joy('board games', 'activity', 'Priya’s place'),
      joy('cricket', 'remote'),
      joy('spicy food challenges', 'meal'),
    ],
    notes: '',
    born: 1987,
    phone: '+49 175 ########',
    email: 'ravi.patel@example.com',
    local: true,
    perWeek: { text: 0.15 },
  },
  {
    key: 'elif',
    name: 'Elif Yılmaz',
    kind: 'person',
    ring: 'friends',
    joys: [
      joy('language exchange', 'talk', 'Café Liebling'),
      joy('Turkish breakfast', 'meal'),
      joy('cycling', 'activity'),
    ],
    notes: 'Tandem partner: German one week, Turkish the next.',
    born: null,
    phone: '+49 178 ########',
    email: 'elif.yilmaz@example.com',
    local: true,
    perWeek: { in_person: 0.12, text: 0.2 },
  },
  {
    key: 'marco',
    name: 'Marco Rossi',
    kind: 'person',
    ring: 'friends',
    joys: [joy('football', 'remote'), joy('vintage cars', 'remote')],
    notes:
      'Old flatmate. Calls tend to turn into long rants about work; keep them short and on your terms.',
    born: 1986,
    phone: '+49 170 ########',
    email: 'marco.rossi@example.com',
    local: false,
    perWeek: { voice: 0.2, text: 0.4 },
    draining: true,
  },
  // Wider: the 150-layer, about yearly.
  {
    key: 'samuel',
    name: 'Samuel Osei',
    kind: 'person',
    ring: 'wider',
    joys: [joy('dog park chats', 'talk', 'the dog park'), joy('jazz records', 'remote')],
    notes: 'Owner of Pepper, Biscuit’s favourite dog.',
    born: null,
    phone: '+49 179 ########',
    local: true,
    perWeek: {},
  },
  {
    key: 'yuki',
    name: 'Yuki Tanaka',
    kind: 'person',
    ring: 'wider',
    cadenceDays: 180,
    joys: [joy('street photography', 'remote'), joy('ramen spots', 'meal')],
    notes: '',
    email: 'yuki.tanaka@example.jp',
    local: false,
    perWeek: { social: 0.2 },
  },
  {
    key: 'grace',
    name: 'Grace Liu',
    kind: 'person',
    ring: 'wider',
    joys: [joy('career advice', 'talk'), joy('dim sum', 'meal')],
    notes: 'Former manager; happy to be a reference.',
    email: 'grace.liu@example.com',
    local: false,
    perWeek: { video: 0.02, text: 0.04, social: 0.06 },
  },
  {
    key: 'olga',
    name: 'Olga Petrova',
    kind: 'person',
    ring: 'wider',
    joys: [joy('bouldering', 'activity', 'the bouldering gym'), joy('Russian literature', 'talk')],
    notes: 'Usually at the gym on Tuesday evenings.',
    local: true,
    perWeek: {},
  },
] as const satisfies readonly CastMember[];

export type CastKey = (typeof DEMO_CAST)[number]['key'];

export function castMember(key: CastKey): CastMember {
  const member = DEMO_CAST.find((m) => m.key === key);
  if (!member) throw new RangeError(`no cast member ${key}`);
  return member;
}
