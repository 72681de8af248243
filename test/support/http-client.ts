import type { Hono } from 'hono';

export type Send = (path: string, init: RequestInit) => Promise<Response>;

/** Requests into an app in this process (no sockets). */
export const inProcess =
  (app: Hono): Send =>
  (path, init) =>
    Promise.resolve(app.request(path, init));

/** Requests to a real server over HTTP. */
export const overHttp =
  (baseUrl: string): Send =>
  (path, init) =>
    fetch(baseUrl + path, init);

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected freely
  body: any;
  text: string;
}

/**
 * A client that behaves like the web app in a browser: it keeps the session
 * cookie, and sends the CSRF token with changes. Or, given a token, like a
 * script with a personal API token.
 */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;

  constructor(
    private readonly send: Send,
    private readonly defaults: Record<string, string> = {},
  ) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...this.defaults };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, extra);
    const res = await this.send(path, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value && !/Max-Age=0/i.test(setCookie) ? pair : undefined;
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) {
      this.csrf = (parsed as { csrfToken: string | null }).csrfToken ?? undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  async signUp(email: string, password: string, invite?: string): Promise<Answer> {
    const answer = await this.call('POST', '/api/v1/account/signup', {
      email,
      password,
      ...(invite ? { invite } : {}),
    });
    if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${answer.text}`);
    return answer;
  }

  logIn(email: string, password: string): Promise<Answer> {
    return this.call('POST', '/api/v1/account/login', { email, password });
  }
}
