import { createContext, useContext } from 'react';
import type { SessionState } from './types.js';

const LOCAL: SessionState = {
  mode: 'local',
  signup: null,
  user: null,
  emailDelivery: false,
  csrfToken: null,
};

/** Provided by the account gate once the server has said how this Tend runs. */
export const SessionContext = createContext<SessionState>(LOCAL);

/** How this Tend runs and who is signed in (local mode until the server says otherwise). */
export function useSession(): SessionState {
  return useContext(SessionContext);
}
