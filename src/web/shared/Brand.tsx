/** The app's name and mark: the page's one level-1 heading, on every screen. */
export function Brand() {
  return (
    <h1 className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="15" />
        <path d="M16 25c0-6 0-9-5-13 5 0 7 3 5 8m0 5c0-6 1-10 6-13-5 0-8 3-6 8" />
      </svg>
      <span>Tend</span>
    </h1>
  );
}
