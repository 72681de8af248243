import { createContext, useContext, useEffect } from 'react';
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

/** Asks the server again who is signed in, and shows its answer everywhere. */
export const SessionRefreshContext = createContext<() => Promise<void>>(async () => {});

export function useRefreshSession(): () => Promise<void> {
  return useContext(SessionRefreshContext);
}

/**
 * The session, asked for again when the page opens and whenever the tab comes
 * back into view: an address confirmed in another tab (from the emailed
 * link) shows as confirmed here too.
 */
export function useFreshSession(): SessionState {
  const refresh = useRefreshSession();
  useEffect(() => {
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);
  return useSession();
}
