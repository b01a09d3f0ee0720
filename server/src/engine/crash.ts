// What a report of an internal error may say. An error's message can quote
// the text the code was reading (JSON.parse and yaml quote their input, and
// a bug may build a message from a value), and that text can hold a secret:
// a crash report names the error's class and where in the code it was thrown,
// which is what a bug report needs, and never its message.

/** `TypeError at checkIntDoc (dist/cli.js:10:5)`: the class and the innermost frame. */
export function crashReason(error: unknown): string {
  const [name, frame] = crashReport(error, 1).split('\n');
  return frame ? `${name} ${frame.trim()}` : name;
}

/** The error's class, then up to `frames` lines of its stack (`at ...`), without the message. */
export function crashReport(error: unknown, frames = 10): string {
  if (!(error instanceof Error)) return `thrown ${error === null ? 'null' : typeof error}`;
  const stack = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [error.name, ...stack.slice(0, frames).map((line) => `  ${line.trim()}`)].join('\n');
}
