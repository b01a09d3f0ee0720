import { INT_FILE_NAME } from './template';

/** What a conforming INT doc file name says about the doc: `INT-001-twilio-sms.md`. */
export interface IntFileCode {
  /** `INT-001`: what the title and the Codigo row must say. */
  code: string;
  /** `twilio-sms`: the kebab-case name the title's name must agree with. */
  nombre: string;
}

/**
 * Reads the code and name from a doc's path. Undefined when the file name
 * breaks the INT-{NNN}-{nombre}.md pattern: int-doc/file-name reports that, and
 * rules that compare against the file name have nothing reliable to compare with.
 */
export function intFileCode(path: string): IntFileCode | undefined {
  const match = INT_FILE_NAME.exec(path.slice(path.lastIndexOf('/') + 1));
  return match ? { code: `INT-${match[1]}`, nombre: match[2] } : undefined;
}
