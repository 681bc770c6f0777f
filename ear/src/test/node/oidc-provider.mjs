// A real OpenID Connect provider (npm oidc-provider, the certified implementation) for OIDC-mode tests:
// one confidential client (MCProspero), dev interactions (any login name and password sign in, the login
// name is the person's email), PKCE required, claims released through the userinfo endpoint (the ID
// token carries only sub, as Zitadel does by default), so the relying party's userinfo path is exercised.
//
// usage: node oidc-provider.mjs <port> <clientId> <clientSecret> <redirectUri>
// prints "listening <issuer> kid <kid>" once it accepts connections; every start signs with a new key.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://localhost:${port}`;
// a fresh signing key (and kid) at every start: restarting the provider rotates its keys
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic'
  }],
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name: `Person ${id.split('@')[0]}` };
      }
    };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['mcprospero-it-cookie-key'] },
  jwks: { keys: [signingKey] }
});

provider.listen(Number(port), () => console.log(`listening ${issuer} kid ${signingKey.kid}`));
