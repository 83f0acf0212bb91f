import { strFromU8, strToU8 } from 'fflate';

/** A package's part: its name and bytes. */
export type Part = [string, Uint8Array];

/** The W3CDTF stamp Office documents carry for a date: to the second, in UTC. */
export function dateStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parts in the order of their names, so the same parts make the same package. */
export function sortParts(parts: Part[]): Part[] {
  return parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether a part is XML (which must hold only the characters XML allows). */
export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Sets the created and modified dates of a `docProps/core.xml` to the document's date. */
export function pinDates(data: Uint8Array, stamp: string): Uint8Array {
  return strToU8(
    strFromU8(data).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
      `$1${stamp}$2`,
    ),
  );
}
