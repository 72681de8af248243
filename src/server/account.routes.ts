import { z } from 'zod';
import * as accounts from '../app/accounts.usecases.js';
import {
  AccountDelete,
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  Credentials,
  EmailVerify,
  PasswordChange,
  SessionInfo,
  SessionState,
  SignUp,
} from '../core/accounts.schemas.js';
import { TendError } from '../core/errors.js';
import { accountsRepository } from '../storage/accounts.repository.js';
import { LOCAL_USER_ID } from '../storage/users.repository.js';
import { type AccountSide, type RouteRequest, route } from './route.js';

/** The account side of a request; routes marked hostedOnly never run without it. */
function side(request: RouteRequest): AccountSide {
  if (!request.account) throw new TendError('not_found', 'Accounts exist only in hosted mode.');
  return request.account;
}

function signedIn(request: RouteRequest): accounts.Authenticated {
  const auth = side(request).auth;
  if (!auth) throw new TendError('unauthorized', 'Sign in first.');
  return auth;
}

async function stateOf(account: AccountSide, session: accounts.NewSession): Promise<SessionState> {
  const user = await accountsRepository(account.accounts.database.db).byId(session.userId);
  return {
    mode: 'hosted',
    signup: account.accounts.config.signup,
    user: {
      id: session.userId,
      email: user?.email ?? null,
      emailVerified: !!user?.email_verified_at,
    },
    emailDelivery: !!account.accounts.mail,
    csrfToken: session.csrfToken,
  };
}

export const accountRouteDefs = [
  route({
    method: 'get',
    path: '/api/v1/session',
    operationId: 'getSession',
    summary: 'Who is signed in, how this Tend runs, and the CSRF token for this session',
    tag: 'account',
    auth: 'public',
    status: 200,
    response: SessionState,
    handler: async (request): Promise<SessionState> => {
      const account = request.account;
      if (!account) {
        return {
          mode: 'local',
          signup: null,
          user: { id: LOCAL_USER_ID, email: null, emailVerified: false },
          emailDelivery: false,
          csrfToken: null,
        };
      }
      const auth = account.auth;
      const user = auth
        ? await accountsRepository(account.accounts.database.db).byId(auth.userId)
        : undefined;
      return {
        mode: 'hosted',
        signup: account.accounts.config.signup,
        user: user
          ? { id: user.id, email: user.email, emailVerified: !!user.email_verified_at }
          : null,
        emailDelivery: !!account.accounts.mail,
        csrfToken: auth?.csrfToken ?? null,
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/account/signup',
    operationId: 'signUp',
    summary: 'Create an account (when the operator allows it) and sign in',
    tag: 'account',
    auth: 'public',
    hostedOnly: true,
    body: SignUp,
    status: 201,
    response: SessionState,
    handler: async (request) => {
      const account = side(request);
      const session = await accounts.signUp(account.accounts, request.body, account.client);
      account.startSession(session);
      return stateOf(account, session);
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/account/login',
    operationId: 'logIn',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'account',
    auth: 'public',
    hostedOnly: true,
    body: Credentials,
    status: 200,
    response: SessionState,
    handler: async (request) => {
      const account = side(request);
      const session = await accounts.logIn(account.accounts, request.body, account.client);
      account.startSession(session);
      return stateOf(account, session);
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/account/logout',
    operationId: 'logOut',
    summary: 'Sign out this session',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 204,
    handler: async (request) => {
      await accounts.logOut(side(request).accounts, signedIn(request));
      side(request).endSession();
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/account/password',
    operationId: 'changePassword',
    summary: 'Change the password; every other session is signed out',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    body: PasswordChange,
    status: 204,
    handler: (request) =>
      accounts.changePassword(side(request).accounts, signedIn(request), request.body),
  }),
  route({
    method: 'get',
    path: '/api/v1/account/sessions',
    operationId: 'listSessions',
    summary: 'Where you are signed in',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 200,
    response: z.object({ items: z.array(SessionInfo) }),
    handler: async (request) => ({
      items: await accounts.listSessions(side(request).accounts, signedIn(request)),
    }),
  }),
  route({
    method: 'delete',
    path: '/api/v1/account/sessions',
    operationId: 'endAllSessions',
    summary: 'Sign out everywhere, this browser included',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 204,
    handler: async (request) => {
      await accounts.endAllSessions(side(request).accounts, signedIn(request));
      side(request).endSession();
    },
  }),
  route({
    method: 'delete',
    path: '/api/v1/account/sessions/{id}',
    operationId: 'endSession',
    summary: 'Sign out one session',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 204,
    handler: (request) =>
      accounts.endSession(side(request).accounts, signedIn(request), request.params.id ?? ''),
  }),
  route({
    method: 'get',
    path: '/api/v1/account/tokens',
    operationId: 'listApiTokens',
    summary: 'Your personal API tokens (names and dates; the tokens themselves are not kept)',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 200,
    response: z.object({ items: z.array(ApiToken) }),
    handler: async (request) => ({
      items: await accounts.listApiTokens(side(request).accounts, signedIn(request)),
    }),
  }),
  route({
    method: 'post',
    path: '/api/v1/account/tokens',
    operationId: 'createApiToken',
    summary: 'Create a personal API token for scripts and the CLI; it is shown only in this answer',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    body: ApiTokenCreate,
    status: 201,
    response: ApiTokenCreated,
    handler: (request) =>
      accounts.createApiToken(side(request).accounts, signedIn(request), request.body),
  }),
  route({
    method: 'delete',
    path: '/api/v1/account/tokens/{id}',
    operationId: 'revokeApiToken',
    summary: 'Revoke a personal API token',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 204,
    handler: (request) =>
      accounts.revokeApiToken(side(request).accounts, signedIn(request), request.params.id ?? ''),
  }),
  route({
    method: 'post',
    path: '/api/v1/account/email/verification',
    operationId: 'sendEmailVerification',
    summary: 'Email a link that confirms the account’s address (needed before reminder emails)',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    status: 200,
    response: z.object({ sentTo: z.string() }),
    handler: (request) =>
      accounts.sendEmailVerification(
        side(request).accounts,
        signedIn(request),
        side(request).origin,
      ),
  }),
  route({
    method: 'post',
    path: '/api/v1/account/email/verify',
    operationId: 'verifyEmail',
    summary: 'Confirm the address with the token from the emailed link',
    tag: 'account',
    auth: 'public',
    hostedOnly: true,
    body: EmailVerify,
    status: 204,
    handler: (request) => accounts.verifyEmail(side(request).accounts, request.body),
  }),
  route({
    method: 'post',
    path: '/api/v1/account/delete',
    operationId: 'deleteAccount',
    summary: 'Delete the account and everything in it, for good (asks for the password)',
    tag: 'account',
    auth: 'session',
    hostedOnly: true,
    body: AccountDelete,
    status: 204,
    handler: async (request) => {
      await accounts.deleteAccount(side(request).accounts, signedIn(request), request.body);
      side(request).endSession();
    },
  }),
];
