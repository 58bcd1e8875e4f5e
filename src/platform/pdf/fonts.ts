import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { invalid } from '../errors.js';

/**
 * The CJK fonts official documents are set in, and their subsetting.
 *
 * The fonts are Noto Serif SC (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-serif-sc:
 * one TrueType file per weight, ~14.8 MB each with ~30,900 glyphs. A document embeds only the glyphs it uses: the
 * text is collected first, the font is cut down to exactly those characters with HarfBuzz's subsetter (the
 * harfbuzzjs WebAssembly build), and pdf-lib embeds the result as it is. A typical document carries 10–40 KB of font.
 *
 * The source fonts are parsed once per process and kept in HarfBuzz's memory (hb_subset_preprocess), so after the
 * first document (~0.5–1 s to load both weights) a subset takes about a millisecond.
 */

export type FontWeight = 'regular' | 'bold';

const requireFromHere = createRequire(import.meta.url);

const FONT_FILES: Record<FontWeight, string> = {
  regular: '400Regular/NotoSerifSC_400Regular.ttf',
  bold: '700Bold/NotoSerifSC_700Bold.ttf',
};

/** Where the source font file of a weight is (inside node_modules). */
export function sourceFontPath(weight: FontWeight): string {
  const pkg = requireFromHere.resolve('@expo-google-fonts/noto-serif-sc/package.json');
  return path.join(path.dirname(pkg), FONT_FILES[weight]);
}

// ---- HarfBuzz (raw WebAssembly exports of harfbuzz-subset.wasm) ----

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

let harfbuzz: Promise<HarfBuzz> | null = null;
const faces = new Map<FontWeight, Promise<number>>();

function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const wasm = await fs.promises.readFile(requireFromHere.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const hb = instance.exports as unknown as HarfBuzz;
    hb._initialize();
    return hb;
  })();
  return harfbuzz;
}

/** The preprocessed HarfBuzz face of a weight, loaded on first use and kept for the life of the process. */
function loadFace(weight: FontWeight): Promise<number> {
  let face = faces.get(weight);
  if (!face) {
    face = (async () => {
      const hb = await loadHarfBuzz();
      const bytes = await fs.promises.readFile(sourceFontPath(weight)).catch((e: NodeJS.ErrnoException) => {
        throw new Error(`pdf: the CJK font ${sourceFontPath(weight)} is missing (${e.code}); run npm install`);
      });
      const ptr = hb.malloc(bytes.length);
      new Uint8Array(hb.memory.buffer).set(bytes, ptr);
      // The font bytes stay in wasm memory for the life of the process: the blob is read-only and never freed.
      const blob = hb.hb_blob_create(ptr, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
      const raw = hb.hb_face_create(blob, 0);
      hb.hb_blob_destroy(blob);
      const prepared = hb.hb_subset_preprocess(raw);
      hb.hb_face_destroy(raw);
      return prepared;
    })();
    face.catch(() => faces.delete(weight));
    faces.set(weight, face);
  }
  return face;
}

/**
 * A TrueType font holding exactly the glyphs of `text` (plus .notdef) of the given weight. Layout features are
 * dropped (the documents are set horizontally, glyph by glyph) and so are hints (PDF viewers rasterise themselves).
 */
export async function subsetFont(weight: FontWeight, text: string): Promise<Uint8Array> {
  const face = await loadFace(weight);
  const hb = await loadHarfBuzz();
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('pdf: harfbuzz could not create a subset input');
  try {
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('pdf: harfbuzz failed to subset the font');
    const blob = hb.hb_face_reference_blob(subset);
    try {
      const offset = hb.hb_blob_get_data(blob, 0);
      const length = hb.hb_blob_get_length(blob);
      if (length === 0) throw new Error('pdf: harfbuzz produced an empty font');
      return new Uint8Array(hb.memory.buffer.slice(offset, offset + length));
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}

/** Characters a document uses that the font has no glyph for (they would print as empty boxes). */
export function missingCharacters(subsetBytes: Uint8Array, text: string): string[] {
  const font = fontkit.create(Buffer.from(subsetBytes));
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    if (/\s/.test(ch)) continue;
    if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
  }
  return missing;
}

/** Subsets and checks coverage: a character the font cannot show is an error, never a silent box. */
export async function subsetFontFor(weight: FontWeight, text: string): Promise<Uint8Array> {
  const bytes = await subsetFont(weight, text);
  const missing = missingCharacters(bytes, text);
  if (missing.length > 0) {
    throw invalid('pdf.unsupported_characters', `The document uses characters the font cannot print: ${missing.join(' ')}`, {
      characters: missing.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
    });
  }
  return bytes;
}
