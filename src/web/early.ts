/**
 * Answers that public/boot.js started before the app's code loaded. Each is
 * handed out once, to the first GET of exactly its address, and only soon
 * after the page opened, so nothing stale is ever served.
 */

const FRESH_FOR_MS = 10_000;

interface Early {
  answers: Map<string, Promise<Response>>;
  startedAt: number;
}

export function takeEarlyAnswer(url: string): Promise<Response> | undefined {
  const early = (window as { tendEarly?: Early }).tendEarly;
  if (!early) return undefined;
  const answer = early.answers.get(url);
  if (!answer) return undefined;
  early.answers.delete(url);
  return Date.now() - early.startedAt < FRESH_FOR_MS ? answer : undefined;
}
