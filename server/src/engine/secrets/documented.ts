// Example credentials printed in specifications and tutorials everyone copies
// from: they look real but are published, so finding them is noise. Provider
// examples live in the catalog; these belong to protocols.

export const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  // jwt.io's token and PyJWT's README token.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg',
  // OAuth 2.0 (RFC 6749) examples.
  '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'SplxlOBeZQQYbYS6WxSbIA', 'mF_9.B5f-4.1JqM',
  // OAuth 1.0 (RFC 5849) examples.
  'dpf43f3p2l4k3l03', 'kd94hf93k423kf44', 'hh5s93j4hdidpola', 'hdk48Djdsa', 'nnch734d00sl2jdk', 'pfkkdhi9sl3r4s00', '0685bd9184jfhq22', 'ad180jjd733klru7',
]);
