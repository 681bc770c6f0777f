// A real OpenID Connect provider (npm oidc-provider, the certified implementation) for OIDC-mode tests:
// one confidential client (MCProspero), dev interactions (any login name and password sign in, the login
// name is the person's email), PKCE required, claims released through the userinfo endpoint (the ID
// token carries only sub, as Zitadel does by default), so the relying party's userinfo path is exercised.
//
// usage: node oidc-provider.mjs <port> <clientId> <clientSecret> <redirectUri>
// prints "listening <issuer>" once it accepts connections.

import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://localhost:${port}`;

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
  cookies: { keys: ['mcprospero-it-cookie-key'] }
});

provider.listen(Number(port), () => console.log(`listening ${issuer}`));
