import manifest from '../package.json' with { type: 'json' };

/** The version of briefwright, from its package manifest. */
export const VERSION: string = manifest.version;
