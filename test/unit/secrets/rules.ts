import generic from '../../../server/src/engine/rules/secret/generic';
import jwt from '../../../server/src/engine/rules/secret/jwt';
import liveCredential from '../../../server/src/engine/rules/secret/live-credential';
import privateKey from '../../../server/src/engine/rules/secret/private-key';
import testCredential from '../../../server/src/engine/rules/secret/test-credential';
import urlCredentials from '../../../server/src/engine/rules/secret/url-credentials';

/** The secret rules, run alone (the registry is the lead's). */
export const SECRET_RULES = [liveCredential, testCredential, privateKey, urlCredentials, jwt, generic];
