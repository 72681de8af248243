import { hostedConfig } from '../app/accounts.usecases.js';
import { RECOMMENDED_PASSWORD_COST } from '../app/auth/secrets.js';
import { SignupPolicy } from '../core/accounts.schemas.js';
import { TendError } from '../core/errors.js';
import type { HostedOptions } from './auth.js';

const bad = (name: string, message: string) =>
  new TendError('validation_failed', `${name} ${message}.`, [{ path: name, message }]);

/**
 * Hosted mode's settings from the environment (docs/deployment.md), or
 * undefined for local mode. Every value is checked here, at start, with an
 * error that names the variable.
 */
export function hostedOptionsFromEnv(env: NodeJS.ProcessEnv): HostedOptions | undefined {
  const mode = env.TEND_MODE ?? 'local';
  if (mode !== 'local' && mode !== 'hosted') throw bad('TEND_MODE', 'must be local or hosted');
  if (mode === 'local') return undefined;

  const signup = SignupPolicy.safeParse(env.TEND_SIGNUP ?? 'invite');
  if (!signup.success) throw bad('TEND_SIGNUP', 'must be open, invite or closed');

  const publicUrl = env.TEND_PUBLIC_URL || undefined;
  if (publicUrl) {
    let url: URL | undefined;
    try {
      url = new URL(publicUrl);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol))
      throw bad('TEND_PUBLIC_URL', 'must be an http(s) URL such as https://tend.example.org');
  }

  const trust = env.TEND_TRUST_PROXY ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(trust))
    throw bad('TEND_TRUST_PROXY', 'must be 1 or 0');

  let passwordCost = RECOMMENDED_PASSWORD_COST;
  if (env.TEND_PASSWORD_COST) {
    passwordCost = Number(env.TEND_PASSWORD_COST);
    if (!Number.isInteger(passwordCost) || passwordCost < 10 || passwordCost > 20)
      throw bad('TEND_PASSWORD_COST', 'must be a whole number from 10 to 20 (log2 of scrypt N)');
  }

  return {
    config: hostedConfig({
      signup: signup.data,
      passwordCost,
      defaultTimeZone: env.TEND_DEFAULT_TIME_ZONE || 'UTC',
    }),
    publicUrl,
    trustProxy: trust === '1' || trust === 'true',
  };
}
