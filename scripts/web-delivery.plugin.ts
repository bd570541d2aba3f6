import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

type Chunk = { fileName: string; code: string; imports: string[]; isEntry: boolean; isDynamicEntry: boolean; facadeModuleId: string | null };
type Sizes = { raw: number; gzip: number; brotli: number };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;

/**
 * After `vite build`: writes a .br and a .gz beside every asset of 1 KiB or more (the server
 * sends them as they are: @fastify/static preCompressed), and prints what each entry costs:
 * the page's first download, then each lazily loaded page with what it adds.
 */
export function webDelivery(): Plugin {
  let outDir = '';
  return {
    name: 'dragongate-web-delivery',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      const sizes = new Map<string, Sizes>();
      for (const item of Object.values(bundle)) {
        const body = item.type === 'chunk' ? item.code : item.source;
        const bytes = Buffer.from(body);
        const gzip = gzipSync(bytes, { level: 9 });
        const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
        sizes.set(item.fileName, { raw: bytes.length, gzip: gzip.length, brotli: brotli.length });
        if (bytes.length >= 1024 && /\.(js|css|html|svg|json)$/.test(item.fileName)) {
          writeFileSync(path.join(outDir, `${item.fileName}.gz`), gzip);
          writeFileSync(path.join(outDir, `${item.fileName}.br`), brotli);
        }
      }
      const chunks = new Map(
        Object.values(bundle)
          .filter((c): c is Chunk & typeof c => c.type === 'chunk')
          .map((c) => [c.fileName, c as unknown as Chunk]),
      );
      const closure = (start: string, seen = new Set<string>()) => {
        if (seen.has(start)) return seen;
        seen.add(start);
        for (const next of chunks.get(start)?.imports ?? []) closure(next, seen);
        return seen;
      };
      const total = (files: Iterable<string>) => {
        const sum = { raw: 0, gzip: 0, brotli: 0 };
        for (const file of files) {
          const s = sizes.get(file);
          if (!s) continue;
          sum.raw += s.raw;
          sum.gzip += s.gzip;
          sum.brotli += s.brotli;
        }
        return sum;
      };
      const line = (label: string, s: Sizes) => `  ${label.padEnd(44)} raw ${kb(s.raw)}   gzip ${kb(s.gzip)}   brotli ${kb(s.brotli)}`;
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const initial = closure(entry.fileName);
      const out = ['', 'JavaScript per entry (what a browser downloads):', line('first page (index.html)', total(initial))];
      const pages = [...chunks.values()].filter((c) => c.isDynamicEntry).sort((a, b) => a.fileName.localeCompare(b.fileName));
      for (const page of pages) {
        const added = [...closure(page.fileName)].filter((file) => !initial.has(file));
        const name = path.basename(page.facadeModuleId ?? page.fileName).replace(/\.(tsx?|js)$/, '');
        out.push(line(`+ ${name}`, total(added)));
      }
      console.log(out.join('\n'));
    },
  };
}
