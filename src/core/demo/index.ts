/** A seeded, pure demo year: `generateDemo` and the story it tells. */
export { type DemoData, type DemoOptions, generateDemo } from './demo.js';
export { type CastMember, DEMO_CAST, type Joy } from './people.js';
export { DEMO_EFFECTS, DEMO_STORY } from './story.js';
