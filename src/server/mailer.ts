import { createTransport } from 'nodemailer';
import { TendError } from '../core/errors.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one email; rejects when the mail server does not accept it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Release the transport's sockets (at shutdown). */
  close(): void;
}

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS). */
  url: string;
  /** The sender, e.g. `Tend <tend@example.org>`. */
  from: string;
  /** Upper bound in ms for each network wait (connect, greeting, any silence); default 30 s. */
  timeoutMs?: number;
}

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

/**
 * Transport options for an SMTP URL. Every wait is bounded, far below the ten
 * minutes after which another server takes a digest claim over, so a live
 * sender always finishes or fails before that. Beyond this machine, plain
 * `smtp://` must upgrade with STARTTLS (`requireTLS`): a password and the
 * digest never cross the network in clear; `?requireTLS=false` in the URL
 * overrides it, knowingly. A relay on loopback may speak plain SMTP.
 */
export function smtpTransportOptions(url: string, timeoutMs = 30_000) {
  const host = new URL(url).hostname;
  return {
    url,
    requireTLS: !LOOPBACK_HOST.test(host),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  };
}

/** A mailer over SMTP (nodemailer), one connection per message. */
export function smtpMailer(options: SmtpOptions): Mailer {
  const transport = createTransport(smtpTransportOptions(options.url, options.timeoutMs), {
    from: options.from,
  });
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close() {
      transport.close();
    },
  };
}

const bad = (name: string, message: string) =>
  new TendError('validation_failed', `${name} ${message}.`, [{ path: name, message }]);

/**
 * The mailer the environment configures, or undefined when `TEND_SMTP_URL`
 * is not set (digests are then off for everyone). A half-done setup is an
 * error at start, naming the variable, rather than mail that silently never
 * goes out. Messages never repeat the URL: it may hold a password.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | undefined {
  const url = env.TEND_SMTP_URL || undefined;
  if (!url) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {}
  if (!parsed || !/^smtps?:$/.test(parsed.protocol) || !parsed.hostname) {
    throw bad('TEND_SMTP_URL', 'must be smtp://user:password@host:587 or smtps://…@host:465');
  }
  const from = env.TEND_MAIL_FROM?.trim();
  if (!from) {
    throw bad('TEND_MAIL_FROM', 'must be set when TEND_SMTP_URL is, e.g. Tend <tend@example.org>');
  }
  if (!/@[^@\s>]+/.test(from) || /[\r\n]/.test(from)) {
    throw bad('TEND_MAIL_FROM', 'must be an email address, e.g. Tend <tend@example.org>');
  }
  return smtpMailer({ url, from });
}
