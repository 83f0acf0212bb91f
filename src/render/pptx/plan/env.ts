import type { Warning } from '../../../diagnostics/warnings.js';
import type { ResolvedTheme } from '../../../theme/resolve.js';

/** What planning needs from the render. */
export interface PlanEnv {
  readonly theme: ResolvedTheme;
  readonly warn: (warning: Omit<Warning, 'format'>) => void;
  readonly file: string | undefined;
  /** The size of an image the document shows, in pixels, when it could be read. */
  readonly imageSize?: ((src: string) => { width: number; height: number } | undefined) | undefined;
}
