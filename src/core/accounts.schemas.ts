import { z } from 'zod';
import { TimeZone } from './common.schemas.js';

/** Lower-cased and trimmed, so one person cannot hold two accounts by case. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an email address such as sam@example.org'))
  .transform((s) => s.toLowerCase());

/**
 * Long passphrases are welcome (NIST SP 800-63B: at least 8, allow 64+);
 * the upper bound only keeps one hash from costing too much.
 */
export const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');

export const Credentials = z
  .strictObject({ email: Email, password: z.string().min(1).max(1024) })
  .meta({ id: 'Credentials' });

export const SignUp = z
  .strictObject({
    email: Email,
    password: Password,
    invite: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'The invite code, when sign-up is by invitation.' }),
    timeZone: TimeZone.optional().meta({
      description:
        'The person’s time zone (the web app sends the browser’s); without it the operator’s default.',
    }),
  })
  .meta({ id: 'SignUp' });

export const PasswordChange = z
  .strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: Password })
  .meta({ id: 'PasswordChange' });

export const AccountDelete = z
  .strictObject({ password: z.string().min(1).max(1024) })
  .meta({ id: 'AccountDelete' });

export const EmailVerify = z
  .strictObject({ token: z.string().min(1).max(200) })
  .meta({ id: 'EmailVerify' });

export const SignupPolicy = z.enum(['open', 'invite', 'closed']);
export type SignupPolicy = z.infer<typeof SignupPolicy>;

export const SessionState = z
  .object({
    mode: z.enum(['local', 'hosted']),
    signup: SignupPolicy.nullable().meta({ description: 'Who may create an account (hosted).' }),
    user: z
      .object({
        id: z.string(),
        email: z.string().nullable(),
        emailVerified: z.boolean().meta({
          description: 'The owner confirmed the address; only then are reminder emails sent.',
        }),
      })
      .nullable(),
    emailDelivery: z.boolean().meta({
      description: 'This Tend can send email (reminder digests, address confirmation).',
    }),
    csrfToken: z.string().nullable().meta({
      description:
        'Send as X-CSRF-Token with every request that changes something while signed in with the session cookie.',
    }),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

export const SessionInfo = z
  .object({
    id: z.string(),
    label: z.string().meta({ description: 'The browser or client it was opened from.' }),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .meta({ id: 'SessionInfo' });

export const ApiTokenCreate = z
  .strictObject({ name: z.string().trim().min(1).max(100) })
  .meta({ id: 'ApiTokenCreate' });

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const ApiTokenCreated = ApiToken.extend({
  token: z.string().meta({ description: 'Shown once; Tend keeps only its hash.' }),
}).meta({ id: 'ApiTokenCreated' });
