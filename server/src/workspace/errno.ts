/** The short reason a file operation failed ("ENOENT", "EACCES"): what users search for, and never file content. */
export function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
