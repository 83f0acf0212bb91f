import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';

/** Where `render -o` sends its output. */
export type OutputTarget =
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 'file'; readonly path: string; readonly format: string }
  | { readonly kind: 'stdout'; readonly format: string };

/**
 * Reads `-o` the way users of other tools expect: a name with a format's extension is that file (its
 * extension picks the format when `--format` does not), `-` is standard output, a name ending in `/`
 * or an existing folder is a folder, and so is a new name without an extension. A name with another
 * extension (`x.docx`) or an existing file is refused rather than made a folder. A file or standard
 * output takes one input and one format; the error says which flag to change.
 */
export function outputTarget(
  out: string | undefined,
  inputs: readonly string[],
  formats: readonly string[] | undefined,
  /** The formats the engine writes, by extension (`.pdf` → `pdf`). */
  formatOfExtension: Readonly<Record<string, string>>,
): OutputTarget | { readonly problem: string } {
  if (out === undefined) return { kind: 'folder', dir: 'output' };
  const one = (what: string) => {
    if (inputs.length !== 1)
      return `${what} takes one input, not ${inputs.length}; use -o folder/ for several`;
    if (formats && formats.length !== 1)
      return `${what} takes one format, not ${formats.join(', ')}; pass --format pdf or --format pptx`;
    return undefined;
  };
  if (out === '-') {
    const problem =
      one('-o -') ?? (formats ? undefined : '-o - needs --format pdf or --format pptx');
    return problem ? { problem } : { kind: 'stdout', format: formats?.[0] ?? 'pdf' };
  }
  const isFolder = /[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory());
  if (isFolder) return { kind: 'folder', dir: out };
  const extension = extname(out).toLowerCase();
  const byExtension = formatOfExtension[extension];
  if (!byExtension) {
    const known = Object.keys(formatOfExtension).join(', ');
    if (existsSync(out))
      return { problem: `-o ${out} is a file, not a folder; name a ${known} file, or a folder/` };
    if (extension)
      return {
        problem: `-o ${out}: briefwright writes no ${extension} files (it writes ${known}); for a folder, write -o ${out}/`,
      };
    return { kind: 'folder', dir: out };
  }
  const problem = one(`-o ${out}`);
  if (problem) return { problem };
  const [format = byExtension] = formats ?? [];
  if (format !== byExtension)
    return { problem: `-o ${out} names a .${byExtension} file, but --format asks for ${format}` };
  return { kind: 'file', path: out, format };
}
