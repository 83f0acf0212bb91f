export { DEFAULT_THEME } from './defaults.js';
export {
  defaultResolvedTheme,
  type FontKey,
  type FontRole,
  type FontVariant,
  loadDeckTemplate,
  loadThemeFile,
  type ResolvedTheme,
  resolveTheme,
} from './resolve.js';
export { type FontFamily, type Theme, ThemeSchema } from './schema.js';
