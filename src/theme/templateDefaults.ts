import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { faultsError, schemaFaults } from '../load/validate.js';
import { parseYamlSource } from '../load/yamlSource.js';
import { DEFAULT_THEME } from './defaults.js';
import type { ResolvedTheme } from './resolve.js';
import { ThemeSchema } from './schema.js';

/**
 * What a template may set of the theme, in a `theme.json` beside its `main.md.hbs`: the deck's and the
 * brief's sizes and the labels, as defaults that the user's own theme overrides field by field (the
 * dense deck template sets smaller type and two columns this way). Fonts, colours and the logo stay the
 * user's.
 */
export const TemplateThemeSchema = ThemeSchema.pick({ deck: true, pdf: true, labels: true });

/** A template's theme defaults. */
export type TemplateTheme = z.output<typeof TemplateThemeSchema>;

/** Reads and checks a template's `theme.json` (JSON or YAML); every fault named at its field and line. */
export function readTemplateTheme(file: string, text = readFileSync(file, 'utf8')): TemplateTheme {
  const source = parseYamlSource(text, file);
  const parsed = TemplateThemeSchema.safeParse(source.value ?? {});
  if (parsed.success) return parsed.data;
  const faults = schemaFaults(TemplateThemeSchema, parsed.error, source.value, {
    file,
    locate: source.locate,
    docs: '"Templates and themes" in the README, or schema/theme.schema.json',
  });
  throw faultsError(faults, file, 'TEMPLATE_ERROR');
}

/**
 * The theme a renderer gets with a template: the template's defaults under the values the user's theme
 * set itself, over the built-in defaults.
 */
export function withTemplateDefaults(
  theme: ResolvedTheme,
  defaults: TemplateTheme | undefined,
): ResolvedTheme {
  if (!defaults) return theme;
  return {
    ...theme,
    deck: { ...DEFAULT_THEME.deck, ...defaults.deck, ...theme.given.deck },
    pdf: { ...DEFAULT_THEME.pdf, ...defaults.pdf, ...theme.given.pdf },
    labels: { ...DEFAULT_THEME.labels, ...defaults.labels, ...theme.given.labels },
  };
}
