/** A colour as pptxgenjs takes it: #RRGGBB without the hash. */
export const hex = (color: string): string => color.replace('#', '');
