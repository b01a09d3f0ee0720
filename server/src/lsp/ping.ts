import { isAbsolute } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CodeLens, Connection, ExecuteCommandParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { providersNamed } from '../engine/catalog/providers';
import { localize, message } from '../engine/messages';
import { attemptText, pingJson, type PingJson } from '../engine/ping/format';
import { PING_TEMPLATES } from '../engine/ping/messages';
import { findPingTarget, pingTargets } from '../engine/ping/plan';
import type { PingDeps } from '../engine/ping/types';
import { decodeBytes } from '../engine/text';
import { REAL_PING_DEPS } from '../ping/http';
import { pingInWorkspace, type PingWorkspace } from '../ping/workspace';
import { codeOf } from '../workspace/errno';
import type { Session } from './session';

// The sandbox ping in the language server: `workspace/executeCommand`
// `simco-int.ping` runs it and answers with the report; `simco-int.pingTargets`
// lists what a picker offers; a CodeLens on an INT doc's title runs the ping
// of the provider it names. Nothing is sent unless a client runs the command.

export const PING_COMMAND = 'simco-int.ping';
export const PING_TARGETS_COMMAND = 'simco-int.pingTargets';
export const PING_COMMANDS = [PING_COMMAND, PING_TARGETS_COMMAND];

/** The command's argument: a provider, an INT doc (URI or workspace path), or both; and the CLI's overrides. */
export interface PingArguments {
  provider?: string;
  doc?: string;
  envFile?: string;
  baseUrl?: string;
  timeoutMs?: number;
}

export interface PingTargetItem {
  provider: string;
  name: string;
  /** Workspace path and URI of the INT doc naming it, for docs; none for the catalog's entries. */
  doc?: string;
  docUri?: string;
  /** The doc's title (`INT-001: Stripe`). */
  title?: string;
}

/** Answers the ping's commands, logging each attempt to the client's console; undefined for any other command. */
export function executePingCommand(connection: Connection, session: Session, params: ExecuteCommandParams): Promise<unknown> | undefined {
  if (params.command === PING_TARGETS_COMMAND) return Promise.resolve(listPingTargets(session));
  if (params.command === PING_COMMAND) return executePing(session, params.arguments, (line) => connection.console.log(line));
  return undefined;
}

export async function executePing(session: Session, raw: unknown, log: (line: string) => void, deps: PingDeps = REAL_PING_DEPS): Promise<PingJson> {
  const args = toArguments(raw);
  const doc = args.doc === undefined ? undefined : (session.pathOf(args.doc) ?? args.doc);
  const { report, secrets } = await pingInWorkspace(
    { provider: args.provider, doc, envFile: args.envFile, baseUrl: args.baseUrl, timeoutMs: args.timeoutMs },
    sessionWorkspace(session),
    { ...deps, onAttempt: (attempt) => log(attemptText(attempt, session.locale)) },
  );
  return pingJson(report, session.locale, secrets, true);
}

/** The workspace's INT docs that name a provider with a ping, then every such provider of the catalog. */
export function listPingTargets(session: Session): PingTargetItem[] {
  const fromDocs = session
    .syncedIndex()
    .ofKind('int-doc')
    .flatMap(([path, facts]) =>
      providersNamed(facts.metadata.Proveedor?.text ?? '')
        .filter((provider) => findPingTarget(provider.id))
        .map((provider) => ({ provider: provider.id, name: provider.name, doc: path, docUri: session.uriOf(path), title: facts.title?.text })),
    )
    .sort((a, b) => a.doc.localeCompare(b.doc));
  return [...fromDocs, ...pingTargets().map(({ provider }) => ({ provider: provider.id, name: provider.name }))];
}

/** "Sandbox ping <provider>" over an INT doc's title, once per provider with a ping that its Proveedor names. */
export function pingCodeLenses(session: Session, document: TextDocument): CodeLens[] {
  const path = session.pathOf(document.uri);
  // The index already holds the open text's title and Proveedor: no parse per request.
  const facts = path === undefined ? undefined : session.syncedIndex().factsOf(path);
  if (facts?.kind !== 'int-doc' || !facts.title) return [];
  const range = facts.title.range;
  return providersNamed(facts.metadata.Proveedor?.text ?? '')
    .filter((provider) => findPingTarget(provider.id))
    .map((provider) => ({
      range,
      command: {
        title: localize(message(PING_TEMPLATES.lens, provider.name), session.locale),
        command: PING_COMMAND,
        arguments: [{ provider: provider.id, doc: document.uri } satisfies PingArguments],
      },
    }));
}

/** Unknown fields and wrong types are dropped: the argument comes from any client. */
function toArguments(raw: unknown): PingArguments {
  const value = (Array.isArray(raw) ? raw[0] : raw) as Record<string, unknown> | undefined;
  const text = (key: string): string | undefined => (typeof value?.[key] === 'string' && value[key] !== '' ? (value[key] as string) : undefined);
  const timeout = value?.timeoutMs;
  return {
    provider: text('provider'),
    doc: text('doc'),
    envFile: text('envFile'),
    baseUrl: text('baseUrl'),
    timeoutMs: typeof timeout === 'number' && timeout >= 100 && timeout <= 120_000 ? timeout : undefined,
  };
}

/** Open buffers win over the disk (an unsaved .env counts); an absolute --env-file style path is read from disk. */
function sessionWorkspace(session: Session): PingWorkspace {
  return {
    config: session.config,
    readText: (path) => {
      if (isAbsolute(path)) {
        try {
          return { text: decodeBytes(readFileSync(path)).text };
        } catch (error) {
          return { error: codeOf(error) };
        }
      }
      const text = session.readText(path.replace(/\\/g, '/').replace(/^\.\//, ''));
      return text === undefined ? { error: 'ENOENT' } : { text };
    },
    intDocs: () =>
      session
        .syncedIndex()
        .ofKind('int-doc')
        .map(([path, facts]) => ({ path, proveedor: facts.metadata.Proveedor?.text ?? '' })),
  };
}
