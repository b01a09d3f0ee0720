import type { Config } from '../engine/config/config';
import { parseEnvFile } from '../engine/env/parse';
import { parseIntDoc, type IntDoc } from '../engine/intdoc/model';
import { metadataValue } from '../engine/intdoc/query';
import { providersNamed } from '../engine/catalog/providers';
import { message } from '../engine/messages';
import { PING_TEMPLATES as T } from '../engine/ping/messages';
import { envValues, findPingTarget, pingTargets, planPing, refusedReport, unknownTargetReport, type PingTarget } from '../engine/ping/plan';
import { runPing } from '../engine/ping/run';
import type { PingDeps, PingReport } from '../engine/ping/types';

// A ping in a workspace, the same for the CLI and the server: which provider
// (a name, or an INT doc whose Proveedor names it), its INT doc, the .env,
// the base URL (flag, else config), then the engine's plan and run. Each
// shell says how it reads files and lists INT docs.

export interface PingRequest {
  /** A catalog id or provider name (`stripe`, `Mercado Pago`); without it, the one the doc's Proveedor names. */
  provider?: string;
  /** The INT doc (workspace path) whose credential names and Monitoreo thresholds apply; without it, the first doc naming the provider. */
  doc?: string;
  /** Overrides `config.ping.envFile`; as the user wrote it. */
  envFile?: string;
  /** Overrides `config.ping.baseUrls[provider]`. */
  baseUrl?: string;
  timeoutMs?: number;
}

export interface PingWorkspace {
  config: Config;
  /** A file's text, or the errno that kept it from being read. Paths are workspace-relative, or absolute. */
  readText(path: string): { text: string } | { error: string };
  /** The workspace's INT docs with their Proveedor cell. */
  intDocs(): Array<{ path: string; proveedor: string }>;
}

export interface PingResult {
  report: PingReport;
  /** Every credential value involved, for the formatters to scrub. */
  secrets: string[];
}

export async function pingInWorkspace(request: PingRequest, workspace: PingWorkspace, deps: PingDeps): Promise<PingResult> {
  const { config } = workspace;
  const resolved = resolveTarget(request, workspace);
  if ('report' in resolved) return { report: resolved.report, secrets: [] };
  const { target, doc } = resolved;

  const envFile = request.envFile ?? config.ping.envFile;
  const read = workspace.readText(envFile);
  const env = 'text' in read ? envValues(parseEnvFile(envFile, read.text)) : undefined;
  const secrets = env ? secretValues(target, env) : [];
  const planned = planPing({
    target,
    env,
    envError: 'error' in read ? read.error : undefined,
    envFile,
    baseUrl: request.baseUrl ?? config.ping.baseUrls[target.provider.id],
    doc,
  });
  if (!planned.ok) return { report: planned.report, secrets };
  const report = await runPing(planned.plan, request.timeoutMs ?? config.ping.timeoutMs, deps);
  return { report, secrets: [...new Set([...secrets, ...planned.plan.secrets])] };
}

/** The provider and its INT doc, or the refusal that says why there is none. */
function resolveTarget({ provider, doc: docPath }: PingRequest, workspace: PingWorkspace): { target: PingTarget; doc?: IntDoc } | { report: PingReport } {
  const ids = pingTargets().map((t) => t.provider.id).join(', ');
  if (docPath !== undefined) {
    const read = workspace.readText(docPath);
    if ('error' in read) return { report: refusedReport(provider ?? docPath, provider ?? docPath, 'missing-doc', message(T.missingFile, docPath, read.error)) };
    const doc = parseIntDoc(docPath.replace(/\\/g, '/'), read.text);
    if (provider !== undefined) {
      const target = findPingTarget(provider);
      return target ? { target, doc } : { report: unknownTargetReport(provider) };
    }
    const proveedor = metadataValue(doc, 'Proveedor')?.text ?? '';
    const named = providersNamed(proveedor).find((candidate) => findPingTarget(candidate.id));
    const target = named && findPingTarget(named.id);
    return target ? { target, doc } : { report: refusedReport(docPath, proveedor || docPath, 'no-ping', message(T.noDocProvider, docPath, proveedor, ids)) };
  }
  const target = findPingTarget(provider ?? '');
  if (!target) return { report: unknownTargetReport(provider ?? '') };
  const path = workspace
    .intDocs()
    .filter((entry) => providersNamed(entry.proveedor).includes(target.provider))
    .map((entry) => entry.path)
    .sort()[0];
  const read = path === undefined ? undefined : workspace.readText(path);
  return { target, doc: read && 'text' in read && path !== undefined ? parseIntDoc(path, read.text) : undefined };
}

/** The values of the provider's secret variables in the .env, whether or not the ping gets to use them. */
function secretValues({ spec }: PingTarget, env: ReadonlyMap<string, string>): string[] {
  return spec.variables
    .filter((variable) => variable.secret)
    .flatMap((variable) => variable.names.map((name) => env.get(name)?.trim() ?? ''))
    .filter((value) => value !== '');
}
