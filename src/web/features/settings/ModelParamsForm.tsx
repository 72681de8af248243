import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../api.js';
import { FormFooter } from '../../shared/FormFooter.js';
import type { JsonSchema, ModelParamsView } from '../../shared/types.js';
import type { Remote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';

/** One number the model reads, found in the schema (`group` for nested ones like channelWeights). */
export interface Param {
  path: string;
  group: string | null;
  key: string;
  schema: JsonSchema;
}

/** `gentleAlertDays` → "Gentle alert days"; `in_person` → "In person". */
export function humanise(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function root(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref?.replace(/^#\/\$defs\//, '');
  return (ref && schema.$defs?.[ref]) || schema;
}

/** The form's fields, in schema order, nested groups flattened to `group.key`. */
export function paramsOf(schema: JsonSchema): Param[] {
  const params: Param[] = [];
  for (const [key, child] of Object.entries(root(schema).properties ?? {})) {
    if (child.properties) {
      for (const [inner, leaf] of Object.entries(child.properties)) {
        params.push({ path: `${key}.${inner}`, group: key, key: inner, schema: leaf });
      }
    } else {
      params.push({ path: key, group: null, key, schema: child });
    }
  }
  return params;
}

function valueAt(values: Record<string, unknown>, path: string): unknown {
  let here: unknown = values;
  for (const part of path.split('.')) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

function setAt(target: Record<string, unknown>, path: string, value: number): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let here = target;
  for (const part of parts) {
    const next = here[part];
    if (typeof next === 'object' && next !== null) here = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      here[part] = created;
      here = created;
    }
  }
  here[last] = value;
}

function outOfRange(schema: JsonSchema, value: string): boolean {
  if (value.trim() === '') return false;
  const number = Number(value);
  return (
    Number.isNaN(number) ||
    (schema.minimum !== undefined && number < schema.minimum) ||
    (schema.maximum !== undefined && number > schema.maximum) ||
    (schema.type === 'integer' && !Number.isInteger(number))
  );
}

function draftOf(view: ModelParamsView): Record<string, string> {
  const draft: Record<string, string> = {};
  for (const p of paramsOf(view.schema))
    draft[p.path] = String(valueAt(view.effective, p.path) ?? '');
  return draft;
}

/** Model parameters, a form generated from the server's JSON Schema. */
export function ModelParamsForm({
  params,
  onSaved,
}: {
  params: Remote<ModelParamsView> & { reload: () => Promise<void> };
  onSaved: () => void;
}) {
  const id = useId();
  const submit = useSubmit();
  const reset = useSubmit();
  const view = params.data;
  const [draft, setDraft] = useState<Record<string, string>>({});

  // Fresh values from the server replace the draft (after a load or a save, never after a failure).
  useEffect(() => {
    if (view) setDraft(draftOf(view));
  }, [view]);

  if (!view) {
    return params.error ? (
      <div className="load-problem">
        <p className="load-error">Could not load the model parameters: {params.error.message}</p>
        <button type="button" className="secondary small" onClick={() => void params.reload()}>
          Try again
        </button>
      </div>
    ) : (
      <p className="muted compact">Loading the model parameters…</p>
    );
  }

  const all = paramsOf(view.schema);
  const changed = all.filter((p) => {
    const text = draft[p.path] ?? '';
    return text.trim() !== '' && Number(text) !== valueAt(view.effective, p.path);
  });
  const overridden = all.filter((p) => valueAt(view.effective, p.path) !== p.schema.default);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    for (const p of changed) setAt(body, p.path, Number(draft[p.path]));
    const saved = await submit.run(async () => {
      const wrong = changed.filter((p) => outOfRange(p.schema, draft[p.path] ?? ''));
      if (wrong.length > 0)
        throw new Error(
          `Please check ${wrong.map((p) => `${p.group ? `${humanise(p.group)}: ` : ''}${humanise(p.key)}`).join(', ')}: outside the allowed range.`,
        );
      if (changed.length === 0) return 'Nothing to save: no value was changed.';
      await api.updateSettings({ modelParams: body });
      return `Saved ${changed.length === 1 ? '1 change' : `${changed.length} changes`} to the model.`;
    });
    if (saved && changed.length > 0) {
      await params.reload();
      onSaved();
    }
  };

  const onReset = async () => {
    const done = await reset.run(async () => {
      await api.updateSettings({ modelParams: null });
      // Show the defaults before saying so.
      await params.reload();
      return 'Every model parameter is back to its default.';
    });
    if (done) onSaved();
  };

  const labels = Object.fromEntries([['modelParams', 'Model parameters']]);
  const groups: { group: string | null; items: Param[] }[] = [];
  for (const p of all) {
    const last = groups[groups.length - 1];
    if (p.group !== null && last?.group === p.group) last.items.push(p);
    else groups.push({ group: p.group, items: [p] });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="hint">
        {overridden.length === 0
          ? 'All parameters are at their defaults.'
          : `${overridden.length} of ${all.length} parameters differ from their defaults.`}{' '}
        Saving sends only the values you changed here.
      </p>
      {groups.map(({ group, items }) =>
        group ? (
          <fieldset key={group} className="param-group">
            <legend>{humanise(group)}</legend>
            <div className="param-grid">
              {items.map((p) => (
                <ParamField
                  key={p.path}
                  id={`${id}-${p.path}`}
                  param={p}
                  value={draft[p.path] ?? ''}
                  current={valueAt(view.effective, p.path)}
                  onChange={(v) => setDraft((d) => ({ ...d, [p.path]: v }))}
                />
              ))}
            </div>
          </fieldset>
        ) : (
          items.map((p) => (
            <ParamField
              key={p.path}
              id={`${id}-${p.path}`}
              param={p}
              value={draft[p.path] ?? ''}
              current={valueAt(view.effective, p.path)}
              onChange={(v) => setDraft((d) => ({ ...d, [p.path]: v }))}
            />
          ))
        ),
      )}
      <FormFooter
        error={submit.error ?? reset.error}
        status={submit.status || reset.status}
        labels={labels}
      >
        <button type="submit" disabled={submit.saving}>
          {submit.saving
            ? 'Saving…'
            : changed.length > 0
              ? `Save ${changed.length === 1 ? '1 change' : `${changed.length} changes`}`
              : 'Save model parameters'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void onReset()}
          disabled={reset.saving}
        >
          Restore defaults
        </button>
      </FormFooter>
    </form>
  );
}

function ParamField({
  id,
  param,
  value,
  current,
  onChange,
}: {
  id: string;
  param: Param;
  value: string;
  current: unknown;
  onChange: (value: string) => void;
}) {
  const { schema } = param;
  const isDefault = current === schema.default;
  const invalid = outOfRange(schema, value);
  return (
    <div className="field param">
      <label htmlFor={id}>
        {humanise(param.key)}
        {isDefault ? null : <span className="tag changed-tag">changed</span>}
      </label>
      <input
        id={id}
        name={param.path}
        type="number"
        inputMode="decimal"
        min={schema.minimum}
        max={schema.maximum}
        step={schema.type === 'integer' ? 1 : 'any'}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {schema.description}{' '}
        <span className="param-range">
          Default {String(schema.default)}
          {schema.minimum !== undefined && schema.maximum !== undefined
            ? `; ${schema.minimum} to ${schema.maximum}`
            : ''}
          {schema.type === 'integer' ? ', whole numbers' : ''}.
        </span>
        {invalid ? <strong className="field-error"> Outside the allowed range.</strong> : null}
      </p>
    </div>
  );
}
