/** The folder a bundled program keeps briefwright's files in, beside the bundle (or a folder above it). */
export const ASSETS_FOLDER = 'briefwright-assets';

/** The environment variable that names the assets folder, wherever it is. */
export const ASSETS_VARIABLE = 'BRIEFWRIGHT_ASSETS';
