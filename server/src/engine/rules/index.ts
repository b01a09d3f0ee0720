import type { Rule } from './rule';
import configInvalid from './config/invalid';
import envNaming from './env/naming';
import fileEncoding from './file/encoding';
import suppressionUnused from './suppression/unused';
import brokenLink from './int-doc/broken-link';
import dateFormat from './int-doc/date-format';
import errorCategories from './int-doc/error-categories';
import errorResilience from './int-doc/error-resilience';
import fileName from './int-doc/file-name';
import footer from './int-doc/footer';
import metadataCodigo from './int-doc/metadata-codigo';
import metadataEstado from './int-doc/metadata-estado';
import metadataMultiTenant from './int-doc/metadata-multi-tenant';
import metadataRows from './int-doc/metadata-rows';
import metadataTipo from './int-doc/metadata-tipo';
import missingSection from './int-doc/missing-section';
import multiTenantModel from './int-doc/multi-tenant-model';
import obligatorioValue from './int-doc/obligatorio-value';
import placeholder from './int-doc/placeholder';
import sectionName from './int-doc/section-name';
import sectionOrder from './int-doc/section-order';
import tableColumns from './int-doc/table-columns';
import title from './int-doc/title';
import duplicateCode from './int-doc/duplicate-code';
import inventoryMetadataMismatch from './inventory/metadata-mismatch';
import inventoryMissingDoc from './inventory/missing-doc';
import envCommitted from './env/committed';
import envMissingInExample from './env/missing-in-example';
import envUndocumented from './env/undocumented';
import inventoryUnregisteredDoc from './inventory/unregistered-doc';
import inventoryDuplicateEntry from './inventory/duplicate-entry';
import inventorySchema from './inventory/schema';
import inventorySyntax from './inventory/syntax';
import secretGeneric from './secret/generic';
import secretJwt from './secret/jwt';
import secretLiveCredential from './secret/live-credential';
import secretPrivateKey from './secret/private-key';
import secretTestCredential from './secret/test-credential';
import secretUrlCredentials from './secret/url-credentials';
import envExampleValue from './env/example-value';
import intDocOutOfScope from './int-doc/out-of-scope';

/** Every rule. SARIF, the docs check and config validation read this list. */
export const RULES: readonly Rule[] = [
  configInvalid,
  fileEncoding,
  suppressionUnused,
  // INT docs, in the order a reader meets the template.
  fileName,
  title,
  metadataRows,
  metadataCodigo,
  metadataTipo,
  metadataEstado,
  metadataMultiTenant,
  dateFormat,
  missingSection,
  sectionName,
  sectionOrder,
  tableColumns,
  obligatorioValue,
  errorCategories,
  errorResilience,
  multiTenantModel,
  placeholder,
  brokenLink,
  footer,
  intDocOutOfScope,
  // Env var names, in INT docs, .env files and source.
  envNaming,
  envExampleValue,
  // MASTER_INVENTORY.yml on its own.
  inventorySyntax,
  inventorySchema,
  inventoryDuplicateEntry,
  // Across files: the docs against each other and against MASTER_INVENTORY.yml.
  duplicateCode,
  inventoryMissingDoc,
  inventoryUnregisteredDoc,
  inventoryMetadataMismatch,
  envMissingInExample,
  envUndocumented,
  envCommitted,
  // Hardcoded secrets, in every text file but a real .env.
  secretLiveCredential,
  secretTestCredential,
  secretPrivateKey,
  secretUrlCredentials,
  secretJwt,
  secretGeneric,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));

/** Rules whose findings come from the whole workspace (lintWorkspace) rather than one file. */
export const WORKSPACE_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter((rule) => rule.checkWorkspace).map((rule) => rule.meta.id));
