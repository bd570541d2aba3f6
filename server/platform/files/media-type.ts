/**
 * A file's media type from its first bytes (its "magic number"), so a renamed
 * executable never passes as a PDF. Zip-based office files are told apart from other
 * zips by the type the client declared, which is only trusted among those.
 */
const officeTypes = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

const startsWith = (b: Buffer, bytes: readonly number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffMediaType(content: Buffer, declared: string | undefined): string {
  if (startsWith(content, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(content, ascii('GIF87a')) || startsWith(content, ascii('GIF89a'))) return 'image/gif';
  const base = declared?.split(';')[0]?.trim().toLowerCase();
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return base && officeTypes.has(base) ? base : 'application/zip';
  if (isText(content)) return base === 'text/csv' ? 'text/csv' : 'text/plain';
  return 'application/octet-stream';
}

/** UTF-8 without control characters other than tab, newline and carriage return. */
function isText(content: Buffer): boolean {
  if (content.length === 0) return false;
  const head = content.subarray(0, 8192);
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  try {
    // stream: a character cut at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < content.length });
    return true;
  } catch {
    return false;
  }
}

/** Whether a media type satisfies one of a field's accepted types ("image/*" included). */
export function accepts(accept: readonly string[], mediaType: string): boolean {
  return accept.some((a) => a === mediaType || (a.endsWith('/*') && mediaType.startsWith(a.slice(0, -1))));
}
