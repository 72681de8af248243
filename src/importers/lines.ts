/**
 * Streaming helpers shared by the text importers: decode a chunked byte or
 * string stream and split it into lines, with memory bounded by the longest
 * allowed line rather than by the file.
 */
import { IMPORT_LIMITS, ImportFormatError } from './types.js';

/** What importers accept: `fs.createReadStream(path)`, an array of strings, a generator. */
export type ChunkSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Decodes chunks as UTF-8 (a multi-byte character split across chunks stays
 * whole; invalid bytes become U+FFFD rather than an exception) and enforces
 * the file-size limit. `onTooBig` names the line for the error.
 */
export async function* decodeChunks(
  chunks: ChunkSource,
  currentLine: () => number | null = () => null,
  maxBytes: number = IMPORT_LIMITS.maxFileBytes,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of chunks) {
    // A string chunk's UTF-16 length is at most its UTF-8 size: close enough for a limit.
    bytes += chunk.length;
    if (bytes > maxBytes) {
      throw new ImportFormatError(`file is larger than ${maxBytes} bytes`, currentLine());
    }
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

export interface LineReaderOptions {
  maxLineLength?: number;
  maxBytes?: number;
}

/**
 * Yields the file's lines in batches (one batch per input chunk), without
 * their `\n` / `\r\n` terminators and without a leading byte-order mark.
 * Batches rather than single lines because an async-generator hop per line
 * costs more than parsing the line. Line numbers are implicit: the n-th line
 * yielded overall is line n.
 */
export async function* readLineBatches(
  chunks: ChunkSource,
  options: LineReaderOptions = {},
): AsyncGenerator<string[]> {
  const maxLine = options.maxLineLength ?? IMPORT_LIMITS.maxLineLength;
  let lineNo = 0;
  let carry = '';
  let first = true;
  const tooLong = (line: number) =>
    new ImportFormatError(`line is longer than ${maxLine} characters`, line);
  for await (let text of decodeChunks(chunks, () => lineNo + 1, options.maxBytes)) {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (carry.length > 0) text = carry + text;
    const batch: string[] = [];
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end - start > maxLine) throw tooLong(lineNo + 1);
      batch.push(text.slice(start, end));
      lineNo++;
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    // The unterminated tail waits for the next chunk; bounded by the line limit.
    carry = start === 0 ? text : text.slice(start);
    if (carry.length > maxLine) throw tooLong(lineNo + 1);
    if (batch.length > 0) yield batch;
  }
  if (carry.length > 0) {
    yield [carry.charCodeAt(carry.length - 1) === 13 ? carry.slice(0, -1) : carry];
  }
}
