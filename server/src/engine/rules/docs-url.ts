// Where each rule's page is published: SARIF's helpUri and the server's
// diagnostic codeDescription link to it, so every finding leads to its docs.

export const REPOSITORY_URL = 'https://github.com/simco/simco-integraciones';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
