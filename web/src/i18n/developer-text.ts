/**
 * Text meant for engineers that must never reach a page: paths into the repository's docs,
 * MIME types, raw SCREAMING_CASE codes, and the seed's own jargon. Returns the first hit.
 */
const patterns: RegExp[] = [
  /\bdocs\/[\w./-]*/,
  /\/docs\b/,
  /\b[\w-]+\.md\b/,
  /\b(?:application|image|text|audio|video|font)\/(?:\*|[\w.+-]+)/,
  /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/,
  /种子(?:文章|数据)/,
  /\bseed (?:article|data)\b/i,
];

export function developerTextIn(text: string): string | null {
  for (const pattern of patterns) {
    const hit = pattern.exec(text);
    if (hit) return hit[0];
  }
  return null;
}
