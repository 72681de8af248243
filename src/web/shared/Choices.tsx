/** Add or remove one value, keeping the others in order. */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const rest = list.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

/**
 * A row of checkbox chips (people to pick, kinds of time together): each
 * option a labelled checkbox, so the group works by keyboard and screen reader.
 */
export function CheckboxChips<T extends string>({
  name,
  options,
  selected,
  onChange,
}: {
  name: string;
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <div className="choices">
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={selected.includes(o.value)}
            onChange={(e) => onChange(toggle(selected, o.value, e.target.checked))}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}
