import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  useSyncExternalStore,
} from 'react';

/**
 * A very small client-side router on the History API: real URLs, the back
 * button works, and the server serves index.html for every non-API path.
 */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = () => window.location.pathname;

/** The current path, re-rendering on navigation and on back/forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(to: string): void {
  const here = window.location.pathname + window.location.search + window.location.hash;
  if (to !== here) window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return (
    event.button === 0 &&
    !event.defaultPrevented &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}

/** An in-app link: a real `<a href>` (open in a new tab works) that navigates without a reload. */
export function Link({
  to,
  onClick,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event) || (rest.target && rest.target !== '_self')) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    />
  );
}

/** A navigation link that marks itself `aria-current="page"` when it is the page shown. */
export function NavLink({
  to,
  current,
  children,
}: {
  to: string;
  current: string;
  children: ReactNode;
}) {
  return (
    <Link to={to} aria-current={to === current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
