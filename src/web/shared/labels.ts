import type { Channel, InteractionKind, Ring } from './types.js';

/** Closest first, after Dunbar’s layers of about 5, 15, 50 and 150 people. */
export const RING_OPTIONS: readonly { value: Ring; label: string; short: string }[] = [
  { value: 'inner', label: 'Inner circle (about 5)', short: 'Inner circle' },
  { value: 'close', label: 'Close (about 15)', short: 'Close' },
  { value: 'friends', label: 'Friends (about 50)', short: 'Friends' },
  { value: 'wider', label: 'Wider circle (about 150)', short: 'Wider circle' },
];

export const CHANNEL_OPTIONS: readonly { value: Channel; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'video', label: 'Video' },
  { value: 'voice', label: 'Voice' },
  { value: 'text', label: 'Text' },
  { value: 'social', label: 'Social media' },
];

export const KIND_OPTIONS: readonly { value: InteractionKind; label: string }[] = [
  { value: 'conversation', label: 'Conversation' },
  { value: 'shared_meal', label: 'Shared meal' },
  { value: 'shared_activity', label: 'Shared activity' },
  { value: 'physical_affection', label: 'Hug or physical affection' },
  { value: 'support_given', label: 'Support given' },
  { value: 'support_received', label: 'Support received' },
  { value: 'pet_time', label: 'Play or walk with a pet' },
];

export const DELIGHT_LABELS: Record<number, string> = {
  1: 'a little',
  2: 'some',
  3: 'good',
  4: 'lovely',
  5: 'pure delight',
};

function labelOf<T extends string>(
  options: readonly { value: T; label: string; short?: string }[],
  value: T,
): string {
  const option = options.find((o) => o.value === value);
  return option?.short ?? option?.label ?? value;
}

export const ringLabel = (ring: Ring) => labelOf(RING_OPTIONS, ring);
export const channelLabel = (channel: Channel) => labelOf(CHANNEL_OPTIONS, channel);
export const kindLabel = (kind: InteractionKind) => labelOf(KIND_OPTIONS, kind);

export const RING_ORDER: Record<Ring, number> = { inner: 0, close: 1, friends: 2, wider: 3 };
