import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefwrightError, isBriefwrightError, withFile } from '../diagnostics/errors.js';
import { type Warning, WarningSink } from '../diagnostics/warnings.js';
import { withoutIllegalCharacters } from '../load/characters.js';
import { type InputFormat, inputFormatOf, parseLocatedReport } from '../load/index.js';
import {
  checkLimits,
  DEFAULT_LIMITS,
  type Limits,
  limitError,
  resolveLimits,
} from '../load/limits.js';
import { readSourceText } from '../load/sourceText.js';
import { suggest } from '../load/suggest.js';
import { pathOfPointer, validateReport } from '../load/validate.js';
import { checkContent } from '../markdown/checks.js';
import { buildDocTree } from '../markdown/index.js';
import { normalizeSchemes } from '../markdown/links.js';
import type { Report, ReportInput } from '../model/schema.js';
import { BUILTIN_RENDERERS, defaultFormats } from '../render/builtins.js';
import { createEngine, type Engine, type RenderContext, type Renderer } from '../render/engine.js';
import { fillWithDefaults } from '../template/index.js';
import { FallbackFinder } from '../text/fallback.js';
import { loadFont, loadFontBytes } from '../text/fonts.js';
import {
  defaultResolvedTheme,
  loadDeckTemplate,
  loadThemeFile,
  type ResolvedTheme,
  resolveTheme,
  type Theme,
} from '../theme/index.js';
import { type TemplateTheme, withTemplateDefaults } from '../theme/templateDefaults.js';
import type { Root } from '../tree/types.js';
import { createImageLoader, inputFolder } from './imageLoader.js';
import { documentDate, metaFromReport } from './meta.js';
import { BRIEF_TEMPLATE, checkBriefContent, checkSections } from './preflight.js';

/**
 * A report to render: the path of a `.json`, `.yaml` or `.md` file, the text of one (Markdown, YAML or
 * JSON: a string with a line break, or one that is no file's name), or a report object.
 */
export type RenderInput = string | ReportInput;

/**
 * A format name: `pdf` and `pptx` are built in; a renderer of your own adds its own (`createEngine`,
 * `--renderer`).
 */
export type FormatName = 'pdf' | 'pptx' | 'docx' | 'html' | (string & {});

/**
 * A built-in template name (`policy-brief` for the PDF; `briefing-deck` for a deck to present,
 * `briefing-deck-dense` for one to read), or a folder.
 */
export type TemplateName = 'policy-brief' | 'briefing-deck' | 'briefing-deck-dense' | (string & {});

/** Options of {@link render}. */
export interface RenderOptions {
  /**
   * Formats to produce: "pdf", "pptx", "docx", "html", or a renderer module's.
   * @default ["pdf", "pptx"] and the formats of the engine's other renderers ("docx" and "html" are written when asked for)
   */
  formats?: readonly FormatName[];
  /**
   * A template name or folder for every format, or one per format (`{ pdf: 'my-brief/' }`).
   * @default each renderer's own: policy-brief for the PDF, briefing-deck for the deck
   */
  template?: TemplateName | Readonly<Record<string, TemplateName>>;
  /** A theme file (JSON or YAML), a theme object, or nothing for the default theme. */
  theme?: string | Theme;
  /** The renderers to use. @default the built-in PDF and PPTX renderers */
  engine?: Engine;
  /** Name of the input in messages when it is an object; also the folder images resolve against. */
  file?: string;
  /** More folders images may be read from, besides the input's own. */
  imageRoots?: readonly string[];
  /** Limits on input size, nesting, table and image size; each error says which to raise. @default DEFAULT_LIMITS */
  limits?: Partial<Limits>;
  /** The document date for metadata. @default meta.date, else SOURCE_DATE_EPOCH, else 1980-01-01 */
  date?: Date;
  /**
   * Fonts for characters the theme's fonts lack (CJK, Arabic, Hebrew…): files (TTF, OTF, WOFF) or their
   * bytes, tried in order before installed npm font packages and system fonts.
   */
  fonts?: readonly (string | Uint8Array)[];
  /** Look for system fonts with fontconfig when no other font has a character. @default true */
  systemFonts?: boolean;
  /**
   * What a character no font has does: `warn` draws "?" and warns; `error` fails the render with a
   * MISSING_GLYPH error naming the character and its line. @default "warn"
   */
  missingGlyphs?: 'warn' | 'error';
  /**
   * The schemes whose links stay live in the outputs; any other link (`javascript:`, `file:`, a relative
   * name, a network path…) is drawn as its text with a LINK_UNSAFE warning. Links to a heading of the
   * document (`#id`) are always live.
   * @default ["http", "https", "mailto"]
   * @example ["http", "https", "mailto", "tel"]
   */
  linkSchemes?: readonly string[];
  /**
   * The syntax of an input file or text, when its extension does not say or a text is given.
   * @default from the file's extension; for a text, JSON when it starts with "{", YAML when it is a
   *   mapping with `meta`, else Markdown
   */
  inputFormat?: InputFormat;
  /**
   * A PowerPoint template (.potx or .pptx) to build the deck on: its masters, layouts, theme colours
   * and fonts; slides take its layouts by name (the theme's `deck.layouts` to choose). Wins over the
   * theme's `deck.template`.
   */
  pptxTemplate?: string;
}

/** The names of {@link RenderOptions}, for telling a misspelt option from a real one. */
export const RENDER_OPTION_NAMES: readonly (keyof RenderOptions)[] = [
  'formats',
  'template',
  'theme',
  'engine',
  'file',
  'imageRoots',
  'limits',
  'date',
  'fonts',
  'systemFonts',
  'missingGlyphs',
  'linkSchemes',
  'inputFormat',
  'pptxTemplate',
];

/**
 * Refuses options an API function does not know (a misspelt `fromats` would otherwise be ignored and
 * every format rendered), with the closest name it does know.
 */
export function checkOptionNames(options: object, known: readonly string[], fn: string): void {
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const guess = suggest(name, known);
    throw new BriefwrightError('USAGE', `${fn}: unknown option "${name}"`, {
      hint: guess ? `did you mean "${guess}"?` : `${fn} takes ${known.join(', ')}`,
    });
  }
}

/** One rendered document. */
export interface RenderedOutput {
  readonly format: string;
  readonly extension: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** What {@link render} resolves to: the outputs and the warnings raised on the way. */
export interface RenderResult {
  readonly report: Report;
  readonly outputs: readonly RenderedOutput[];
  readonly warnings: readonly Warning[];
}

let builtinEngine: Engine | undefined;

/** The engine with the built-in renderers. */
export function defaultEngine(): Engine {
  builtinEngine ??= createEngine({ renderers: BUILTIN_RENDERERS });
  return builtinEngine;
}

/** Renders a report to every requested format, in memory. */
export async function render(
  input: RenderInput,
  options: RenderOptions = {},
): Promise<RenderResult> {
  checkOptionNames(options, RENDER_OPTION_NAMES, 'render()');
  return renderInMemory(input, options);
}

/** {@link render} for the API functions built on it, which check their own options. */
export function renderInMemory(input: RenderInput, options: RenderOptions): Promise<RenderResult> {
  return renderWith(input, options, (renderer, doc, ctx) => renderer.render(doc, ctx));
}

/** How each format's output is produced: bytes in memory, or written to a stream as it is drawn. */
export type Emit = (renderer: Renderer, doc: Root, ctx: RenderContext) => Promise<Uint8Array>;

export async function renderWith(
  input: RenderInput,
  options: RenderOptions,
  emit: Emit,
): Promise<RenderResult> {
  try {
    return await renderPipeline(input, options, emit);
  } catch (error) {
    // A fault found deep inside (a nesting overflow, an unknown format) still names the input.
    throw isBriefwrightError(error) ? withFile(error, inputName(input, options)) : error;
  }
}

async function renderPipeline(
  input: RenderInput,
  options: RenderOptions,
  emit: Emit,
): Promise<RenderResult> {
  checkOptions(options);
  const engine = options.engine ?? defaultEngine();
  const formats = options.formats ?? defaultFormats(engine.formats);
  const renderers = formats.map((format) => engine.renderer(format));
  const limits = resolveLimits(options.limits);
  const linkSchemes = options.linkSchemes && normalizeSchemes(options.linkSchemes);
  const sink = new WarningSink();
  const loaded = await loadInput(input, options, limits, (w) => sink.add(w));
  const { file, source, locate } = loaded;
  if (locate) sink.placeWith((pointer) => locate(pathOfPointer(pointer)));
  const report = cleanCharacters(loaded.report, file, (w) => sink.add(w));
  const theme = withDeckTemplate(
    withFallbacks(await loadTheme(options.theme), report.meta.language, options),
    options.pptxTemplate,
  );
  const images = createImageLoader({
    roots: [inputFolder(file), ...(options.imageRoots ?? []).map((r) => resolve(r))],
    warn: (w) => sink.add(w),
    file,
    limits,
  });
  checkSections(report, file, (w) => sink.add(w));
  // The content checks read the brief's document tree: the PDF's own when it uses that template.
  let contentChecked = false;
  const outputs: RenderedOutput[] = [];
  for (const renderer of renderers) {
    // A renderer's warning names the input file unless it names another (a deck template).
    const warn = (w: Omit<Warning, 'format'>) => sink.add({ file, ...w, format: renderer.format });
    const template = templateFor(options.template, renderer.format) ?? renderer.defaultTemplate;
    // Problems in the content are the input's, not a format's: reported once, untagged.
    // Destructured at once: nothing but `doc` may hold the tree, which is let go while pages are drawn.
    let { doc, theme: templateTheme }: { doc: Root | undefined; theme: TemplateTheme | undefined } =
      documentTree(report, template, {
        warn: (w) => sink.add(w),
        file,
        source,
        linkSchemes,
        limits,
      });
    if (!contentChecked && template === BRIEF_TEMPLATE) {
      checkContent(doc, (w) => sink.add(w), file);
      contentChecked = true;
    }
    const ctx: RenderContext = {
      theme: withTemplateDefaults(theme, templateTheme),
      warn,
      file,
      date: options.date ?? documentDate(report),
      loadImage: images,
      limits,
    };
    // The tree is handed over, not kept here while the renderer works: a renderer that has laid a long
    // document out can let its tree go.
    const emitting = emitFrom(emit, renderer, doc, ctx);
    doc = undefined;
    let bytes: Uint8Array;
    try {
      bytes = await emitting;
    } catch (cause) {
      if (isBriefwrightError(cause)) throw cause;
      throw new BriefwrightError(
        'RENDER_FAILED',
        `the ${renderer.format} renderer failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        {
          file,
          cause,
          hint: 'this is a bug in the renderer; please report it with the input',
        },
      );
    }
    outputs.push({
      format: renderer.format,
      extension: renderer.extension,
      mediaType: renderer.mediaType,
      bytes,
    });
  }
  if (!contentChecked) checkBriefContent(report, { file, source, limits }, (w) => sink.add(w));
  const warnings = sink.list();
  const missing = warnings.find((w) => w.code === 'MISSING_GLYPH');
  if (missing && options.missingGlyphs === 'error') {
    throw new BriefwrightError('MISSING_GLYPH', missing.message, {
      file: missing.file,
      ...(missing.line !== undefined ? { line: missing.line, column: missing.column } : {}),
      hint: 'install or register a font that has the character, or render with missingGlyphs: "warn"',
    });
  }
  return { report, outputs, warnings };
}

/**
 * The document tree of a report through a template (the Markdown between them is not kept), and the
 * theme defaults the template sets.
 */
function documentTree(
  report: Report,
  template: string,
  options: {
    warn: (w: Omit<Warning, 'format'>) => void;
    file: string | undefined;
    source: string | undefined;
    linkSchemes: readonly string[] | undefined;
    limits: Limits;
  },
): { doc: Root; theme: TemplateTheme | undefined } {
  const filled = fillWithDefaults(report, template);
  return {
    doc: buildDocTree(filled.markdown, { meta: metaFromReport(report), ...options }),
    theme: filled.theme,
  };
}

/** Starts an emit; a renderer that throws at once rejects, as one that fails later does. */
function emitFrom(
  emit: Emit,
  renderer: Renderer,
  doc: Root,
  ctx: RenderContext,
): Promise<Uint8Array> {
  try {
    return emit(renderer, doc, ctx);
  } catch (cause) {
    return Promise.reject(cause);
  }
}

/** The theme with the fallback fonts of this render: the caller's, the theme's, packages, system fonts. */
function withFallbacks(
  theme: ResolvedTheme,
  language: string,
  options: RenderOptions,
): ResolvedTheme {
  const fonts = (options.fonts ?? []).map((font, index) =>
    typeof font === 'string'
      ? loadFont(resolve(font), { file: font, pointer: `/fonts/${index}` })
      : loadFontBytes(font, { pointer: `/fonts/${index}` }),
  );
  const fallback = new FallbackFinder({
    fonts: [...fonts, ...theme.fallbackFonts],
    language,
    system: options.systemFonts ?? true,
  });
  return { ...theme, fallback };
}

/** The report with only characters every format can hold, and one warning naming where others were. */
function cleanCharacters(
  report: Report,
  file: string | undefined,
  warn: (w: Omit<Warning, 'format'>) => void,
): Report {
  const { value, fields, removed } = withoutIllegalCharacters(report);
  const [first] = fields;
  if (first !== undefined) {
    const others = fields.length > 1 ? ` and ${fields.length - 1} other field(s)` : '';
    warn({
      code: 'CHARACTER_REMOVED',
      message: `characters no document can hold (${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}) were taken out of ${first}${others}`,
      file,
      pointer: first,
    });
  }
  return value;
}

/** Options of {@link validate}: those of `render` that concern reading the input. */
export interface ValidateOptions {
  /** The name the input goes by in messages, for a text or an object. */
  file?: string;
  limits?: Partial<Limits>;
  /** The syntax of a text input (guessed when absent). */
  inputFormat?: InputFormat;
}

/**
 * Validates a report (a file path, a text or an object) without rendering; resolves to the validated
 * report or throws a {@link BriefwrightError} naming the file, the field and the line.
 */
export async function validate(input: RenderInput, options: ValidateOptions = {}): Promise<Report> {
  checkOptionNames(options, ['file', 'limits', 'inputFormat'], 'validate()');
  return (await loadInput(input, options, resolveLimits(options.limits))).report;
}

/** The name an input goes by in messages: its path, the name given, or none for a text or an object. */
export function inputName(
  input: RenderInput,
  options: { file?: string | undefined },
): string | undefined {
  return typeof input === 'string' && !isSourceText(input) ? input : options.file;
}

/**
 * Whether a string given as an input is the text of one rather than a path: it has a line break, or it
 * is neither a file nor named like one (`render('# Title')`; `brief.docx` is a file's name).
 */
export function isSourceText(input: string): boolean {
  if (input.includes('\n')) return true;
  // One word with an extension is a file's name, found or not (`brief.docx` is a mistake to report).
  if (/^\S*\.[A-Za-z0-9]{1,8}$/.test(input)) return false;
  return !existsSync(input);
}

/** The syntax of an input's text, as {@link RenderOptions.inputFormat} describes the guess. */
function guessInputFormat(text: string): InputFormat {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  // Front matter and a body after it is Markdown; a YAML model is a mapping with `meta` at the top.
  if (/^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*\n[\s\S]*\S/.test(start)) return 'markdown';
  return /^meta:/m.test(start) ? 'yaml' : 'markdown';
}

async function loadInput(
  input: RenderInput,
  options: { file?: string | undefined; inputFormat?: InputFormat | undefined },
  limits: Limits = DEFAULT_LIMITS,
  warn?: (warning: Warning) => void,
) {
  const file = options.file;
  if (typeof input === 'string' && isSourceText(input)) {
    if (new TextEncoder().encode(input).length > limits.maxInputBytes) {
      throw limitError('maxInputBytes', 'an input text', `${limits.maxInputBytes} bytes`, { file });
    }
    const format = options.inputFormat ?? guessInputFormat(input);
    const name = file ?? '<input>';
    const { report, locate } = parseLocatedReport(input, {
      file: name,
      format,
      limits,
      ...(warn ? { warn } : {}),
    });
    return { report, file, source: input, locate };
  }
  if (typeof input === 'string') {
    const format = options.inputFormat ?? inputFormatOf(input);
    const source = await readSourceText(input, limits.maxInputBytes);
    const { report, locate } = parseLocatedReport(source, {
      file: input,
      format,
      limits,
      ...(warn ? { warn } : {}),
    });
    return { report, file: input, source, locate };
  }
  if (input === null || typeof input !== 'object') {
    throw new BriefwrightError('USAGE', 'render() takes a file path or a report object', {
      hint: 'pass "brief.yaml" or an object such as { meta: { title: "…" }, sections: [] }',
    });
  }
  checkLimits(input, limits, file);
  const report = validateReport(input, file);
  return { report, file, source: undefined, locate: undefined };
}

async function loadTheme(theme: RenderOptions['theme']): Promise<ResolvedTheme> {
  if (theme === undefined) return defaultResolvedTheme();
  if (typeof theme === 'string') return loadThemeFile(theme);
  return resolveTheme(theme);
}

/** The theme with the deck template the options name (`pptxTemplate`, `--pptx-template`), which wins over the theme's. */
function withDeckTemplate(theme: ResolvedTheme, path: string | undefined): ResolvedTheme {
  if (path === undefined) return theme;
  const file = resolve(path);
  // Named by an option, not by a theme: no theme field to point at.
  return { ...theme, deckTemplate: loadDeckTemplate(file, file) };
}

function templateFor(template: RenderOptions['template'], format: string): string | undefined {
  if (typeof template === 'string') return template;
  return template?.[format];
}

function checkOptions(options: RenderOptions): void {
  if (
    options.formats !== undefined &&
    (!Array.isArray(options.formats) || options.formats.length === 0)
  ) {
    throw new BriefwrightError(
      'USAGE',
      'options.formats must be a non-empty list such as ["pdf"]',
      {
        hint: 'leave it out to render every registered format',
      },
    );
  }
  if (
    options.date !== undefined &&
    !(options.date instanceof Date && !Number.isNaN(options.date.getTime()))
  ) {
    throw new BriefwrightError('USAGE', 'options.date must be a valid Date');
  }
  if (
    options.linkSchemes !== undefined &&
    !(Array.isArray(options.linkSchemes) && normalizeSchemes(options.linkSchemes))
  ) {
    throw new BriefwrightError(
      'USAGE',
      'options.linkSchemes must be a list of URL schemes such as ["https", "mailto"]',
      { hint: 'a scheme is letters, digits, "+", "-" or "." starting with a letter' },
    );
  }
}
