/**
 * briefwright: a typed report model → a print-quality PDF brief and a native, editable PPTX deck.
 * @packageDocumentation
 */
export { type BatchResult, type RenderManyOptions, renderMany } from './api/batch.js';
export {
  type RenderToFilesOptions,
  type RenderToFilesResult,
  renderToFiles,
} from './api/files.js';
export { INIT_RENDER_ARGS, initProject } from './api/init.js';
export { engineWithRenderers } from './api/plugins.js';
export {
  defaultEngine,
  type FormatName,
  type RenderedOutput,
  type RenderInput,
  type RenderOptions,
  type RenderResult,
  render,
  type TemplateName,
  type ValidateOptions,
  validate,
} from './api/render.js';
export { parseShard, type Shard, type ShardInput, shardInputs } from './api/shard.js';
export { type OutputStream, type RenderToStreamOptions, renderToStream } from './api/stream.js';
export { ASSETS_FOLDER, ASSETS_VARIABLE } from './assets/names.js';
export { type AssetsResult, writeAssets } from './assets/write.js';
export {
  BriefwrightError,
  ERROR_CODES,
  type ErrorCode,
  formatError,
  isBriefwrightError,
  type SourceLocation,
} from './diagnostics/errors.js';
export { formatWarning, type Warning, type WarningCode } from './diagnostics/warnings.js';
export {
  type InputFormat,
  importArticle,
  importArticleFile,
  importArticleText,
  loadReport,
  type ParseReportOptions,
  parseReport,
} from './load/index.js';
export { DEFAULT_LIMITS, type Limits } from './load/limits.js';
export { type BuildDocTreeOptions, buildDocTree } from './markdown/index.js';
export {
  type Author,
  buildJsonSchema,
  type Callout,
  type Image,
  type Meta,
  type Report,
  type ReportInput,
  ReportSchema,
  type Section,
  type SectionInput,
  type Source,
  type Table,
} from './model/index.js';
export { countPages } from './output/pages.js';
export { removePendingTemporaryFiles } from './output/writeAtomic.js';
export { docxRenderer } from './render/docx/index.js';
export {
  type ChunkSink,
  createEngine,
  type Engine,
  type EngineOptions,
  type LoadedImage,
  type RenderContext,
  type Renderer,
} from './render/engine.js';
export { htmlRenderer } from './render/html/index.js';
export { pdfRenderer } from './render/pdf/index.js';
export { pptxRenderer } from './render/pptx/index.js';
export { fillReportTemplate, type TemplateData, toTemplateData } from './template/index.js';
export { DEFAULT_THEME, type ResolvedTheme, resolveTheme, type Theme } from './theme/index.js';
export { blockText, inlineText } from './tree/text.js';
export type * as DocTree from './tree/types.js';
