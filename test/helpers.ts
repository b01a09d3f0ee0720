import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../server/src/engine/config/config';
import { fixAll as engineFixAll } from '../server/src/engine/fixes';
import { lintText, type LintOptions } from '../server/src/engine/lint';
import { localize, type Locale } from '../server/src/engine/messages';
import type { Rule, WorkspaceFacts } from '../server/src/engine/rules/rule';
import { decodeBytes } from '../server/src/engine/text';
import type { Finding } from '../server/src/engine/types';

export const FIXTURES = join(__dirname, 'fixtures');
export const CLEAN = join(FIXTURES, 'workspaces', 'clean');

export function diskFacts(root: string): WorkspaceFacts {
  return { exists: (path) => existsSync(join(root, path)) };
}

export function readFixture(root: string, path: string): string {
  return decodeBytes(readFileSync(join(root, path))).text;
}

/** Replaces exactly one occurrence, so a test whose fixture drifted fails instead of passing vacuously. */
export function replaceOnce(text: string, from: string, to: string): string {
  const index = text.indexOf(from);
  if (index < 0) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  if (text.indexOf(from, index + 1) >= 0) throw new Error(`fixture contains ${JSON.stringify(from)} more than once`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

export interface LintCase {
  root?: string;
  path: string;
  /** Text to lint instead of the file on disk (after reading it, so edits can start from the fixture). */
  edit?: (text: string) => string;
  rules?: readonly Rule[];
  config?: Partial<Config>;
}

function prepare({ root = CLEAN, path, edit, rules, config }: LintCase): { text: string; options: LintOptions } {
  const original = existsSync(join(root, path)) ? readFixture(root, path) : '';
  const text = edit ? edit(original) : original;
  return { text, options: { config: { ...defaultConfig(), ...config }, workspace: diskFacts(root), rules } };
}

export function lintCase(c: LintCase): { text: string; findings: Finding[] } {
  const { text, options } = prepare(c);
  return { text, findings: lintText(c.path, text, options) };
}

/** "12:3 rule-id message": what a user reads in the Problems panel, 1-based like the editor shows. */
export function show(finding: Finding, locale: Locale = 'en'): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} ${localize(finding.message, locale)}`;
}

/** The text a range covers, to assert that a finding points at the right characters. */
export function covered(text: string, finding: Finding): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** Applies every safe fix until none is left, as `--fix` does. */
export function fixAll(c: LintCase): string {
  const { text, options } = prepare(c);
  return engineFixAll(c.path, text, options).text;
}

/** The directive's section 8.1 `.env.example`, as a team would copy it. */
export const DIRECTIVE_ENV_EXAMPLE = [
  '# ========================================',
  '# INTEGRACIONES EXTERNAS',
  '# ========================================',
  '',
  '# Stripe (Pagos)',
  'STRIPE_API_KEY=sk_test_xxxxx',
  'STRIPE_WEBHOOK_SECRET=whsec_xxxxx',
  '',
  '# Twilio (SMS)',
  'TWILIO_ACCOUNT_SID=ACxxxxx',
  'TWILIO_AUTH_TOKEN=xxxxx',
  'TWILIO_PHONE_NUMBER=+1234567890',
  '',
  '# SendGrid (Email)',
  'SENDGRID_API_KEY=SG.xxxxx',
  'SENDGRID_FROM_EMAIL=noreply@example.com',
  '',
  '# AWS S3 (Storage)',
  'AWS_ACCESS_KEY_ID=AKIA...',
  'AWS_SECRET_ACCESS_KEY=xxxxx',
  'AWS_S3_BUCKET=my-bucket',
  'AWS_REGION=us-east-1',
  '',
  '# WhatsApp Business',
  'WHATSAPP_PHONE_NUMBER_ID=xxxxx',
  'WHATSAPP_ACCESS_TOKEN=xxxxx',
  '',
].join('\n');
