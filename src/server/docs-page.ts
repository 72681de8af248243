/**
 * A readable page for the OpenAPI document, rendered on the server with no
 * scripts, so it works offline and under a strict content security policy.
 */
type Json = Record<string, unknown>;

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function schemaText(schema: unknown): string {
  return esc(JSON.stringify(schema, null, 2));
}

export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const sections: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
      const responses = op.responses as Record<string, Json>;
      sections.push(`<section aria-labelledby="${esc(op.operationId)}">
<h3 id="${esc(op.operationId)}"><code class="m-${method}">${method.toUpperCase()}</code> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>
${
  params.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(p.description ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${body ? `<details><summary>Request body</summary><pre>${schemaText((body['application/json'] as Json).schema)}</pre></details>` : ''}
<p>Responses: ${Object.keys(responses)
        .map((s) => `<code>${esc(s)}</code> ${esc(responses[s]?.description ?? '')}`)
        .join(' · ')}</p>
</section>`);
    }
  }
  const schemas = (doc.components as Json).schemas as Record<string, unknown>;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2a2a;background:#fbfaf7}
code,pre{font-family:ui-monospace,monospace}pre{background:#f0eee8;padding:.75rem;overflow:auto;font-size:.85rem}
section{border-top:1px solid #ddd;padding:.5rem 0}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
.m-get{color:#1a6b3c}.m-post{color:#1c4f8a}.m-patch{color:#8a5a00}.m-delete{color:#9b1c1c}
@media (prefers-color-scheme:dark){body{background:#151a1a;color:#e8e6e1}pre{background:#222a2a}}
</style></head>
<body><main>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). Errors are <code>application/problem+json</code> with an <code>errors</code> list of <code>{path, message}</code>.</p>
<h2>Operations</h2>
${sections.join('\n')}
<h2>Schemas</h2>
${Object.entries(schemas)
  .map(
    ([name, s]) =>
      `<details><summary><code>${esc(name)}</code></summary><pre>${schemaText(s)}</pre></details>`,
  )
  .join('\n')}
</main></body></html>`;
}
