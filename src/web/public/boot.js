/*
 * Runs before the app's code has arrived (a small classic script, `async`):
 * starts the API reads the first screen needs, so they are under way while
 * the browser downloads and runs the bundle instead of after it. The app's
 * fetch wrapper (src/web/api.ts, through early.ts) takes each answer for its
 * first request to the same address, once. Signed out in hosted mode, it
 * reads nothing but the session, so it never causes a 401.
 */
(() => {
  const answers = new Map();
  const read = (url) => {
    const answer = fetch(url, {
      headers: { accept: 'application/json, application/problem+json' },
    });
    // Whoever takes the answer sees a failure; nobody else needs to.
    answer.catch(() => undefined);
    answers.set(url, answer);
    return answer;
  };
  window.tendEarly = { answers, startedAt: Date.now() };
  read('/api/v1/session')
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((session) => {
      if (!session || (session.mode !== 'local' && !session.user)) return;
      if (window.location.pathname === '/') read('/api/v1/today');
      // What the app loads on every page (App.tsx).
      read('/api/v1/connections?limit=500');
      read('/api/v1/interactions?limit=10');
      read('/api/v1/checkins?limit=5');
    })
    .catch(() => undefined);
})();
