// The MCP TypeScript SDK's own client connecting to MCProspero the way a real MCP client does:
// 401 -> protected resource metadata -> authorization server metadata -> dynamic client registration
// -> authorization code with PKCE and `resource` -> token -> initialize, tools. Only the person at the
// browser is played here (redirectToAuthorization signs in on the local sign-in page); every OAuth and
// MCP step is the SDK's.
//
// usage: node ts-client-flow.mjs <mcpUrl> <email> <accessCode> [--expect-refusal]
// With --expect-refusal the sign-in must end on a refusal page (e.g. invite-only); the JSON line reports it.
// prints one JSON line as its last line of stdout; exit 0 when every check held, 1 otherwise.

import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { Browser } from './browser.mjs';

const REDIRECT_URL = 'http://127.0.0.1:45232/callback';
const REQUIRED_TOOLS = ['whoami', 'list_orgs', 'create_org', 'switch_org'];

class CheckFailed extends Error {}
class Refused extends Error {}

function check(condition, message, details) {
  if (!condition) {
    throw new CheckFailed(details === undefined ? message : `${message}: ${JSON.stringify(details)}`);
  }
}

/** An OAuthClientProvider that keeps everything in memory and plays the person on the sign-in page. */
class SignInProvider {
  constructor(email, accessCode) {
    this.email = email;
    this.accessCode = accessCode;
    this.savedClientInformation = undefined;
    this.savedTokens = undefined;
    this.savedCodeVerifier = undefined;
    this.savedDiscoveryState = undefined;
    this.expectedState = undefined;
    this.authorizationCode = undefined;
    this.redirects = 0;
    this.tokenSaves = 0;
    this.registrations = 0;
  }

  get redirectUrl() {
    return REDIRECT_URL;
  }

  get clientMetadata() {
    return {
      client_name: 'MCProspero IT (TypeScript SDK)',
      redirect_uris: [REDIRECT_URL],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code']
    };
  }

  state() {
    this.expectedState = `st-${randomUUID()}`;
    return this.expectedState;
  }

  clientInformation() {
    return this.savedClientInformation;
  }

  saveClientInformation(information) {
    this.registrations += 1;
    this.savedClientInformation = information;
  }

  tokens() {
    return this.savedTokens;
  }

  saveTokens(tokens) {
    this.tokenSaves += 1;
    this.savedTokens = tokens;
  }

  saveCodeVerifier(verifier) {
    this.savedCodeVerifier = verifier;
  }

  codeVerifier() {
    check(this.savedCodeVerifier, 'the SDK asked for a code verifier it never saved');
    return this.savedCodeVerifier;
  }

  saveDiscoveryState(state) {
    this.savedDiscoveryState = state;
  }

  discoveryState() {
    return this.savedDiscoveryState;
  }

  /** The person's part: open the authorization URL, sign in, and come back with the code. */
  async redirectToAuthorization(authorizationUrl) {
    this.redirects += 1;
    const url = new URL(authorizationUrl);
    check(url.searchParams.get('code_challenge_method') === 'S256', 'authorization URL uses PKCE S256', url.href);
    check(url.searchParams.get('state') === this.expectedState, 'authorization URL carries our state', url.href);
    check(url.searchParams.get('resource'), 'authorization URL carries a resource indicator', url.href);

    const browser = new Browser({ email: this.email, accessCode: this.accessCode });
    const outcome = await browser.walk(url, REDIRECT_URL);
    this.seen = browser.seen;
    if (outcome.status !== undefined) {
      // the sign-in ended on a page (a refusal): the caller decides whether that was expected
      this.refusal = { status: outcome.status, url: outcome.url.href, body: outcome.body.slice(0, 2000) };
      throw new Refused(`sign-in ended on a ${outcome.status} page at ${outcome.url.pathname}`);
    }
    const location = outcome.url;
    check(!location.searchParams.get('error'), 'sign-in redirect carries no error', location.href);
    check(location.searchParams.get('state') === this.expectedState, 'the redirect returns our state', location.href);
    const issuer = this.savedDiscoveryState?.authorizationServerMetadata?.issuer;
    check(issuer && location.searchParams.get('iss') === issuer, 'the redirect carries iss = the issuer (RFC 9207)',
      { iss: location.searchParams.get('iss'), issuer });
    this.authorizationCode = location.searchParams.get('code');
    check(this.authorizationCode, 'the redirect carries a code', location.href);
  }
}

function decodeHtml(text) {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

// the person's answers to the server's questions (2025-11-25 elicitation/create on the call's stream): always yes
const questions = [];

async function connect(mcpUrl, provider) {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const client = new Client({ name: 'mcprospero-it-ts', version: '1.0.0' }, { capabilities: { elicitation: {} } });
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    questions.push(request.params.message);
    return { action: 'accept', content: { confirm: true } };
  });
  await client.connect(transport);
  return { client, transport };
}

async function callTool(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  check(!result.isError, `${name} succeeds`, result);
  check(result.structuredContent, `${name} returns structuredContent`, result);
  return result.structuredContent;
}

async function main() {
  const [mcpUrl, email, accessCode, mode] = process.argv.slice(2);
  if (!mcpUrl || !email || !accessCode) {
    throw new CheckFailed('usage: node ts-client-flow.mjs <mcpUrl> <email> <accessCode>');
  }
  const provider = new SignInProvider(email, accessCode);

  // 1. First attempt: the SDK meets the 401, discovers, registers and sends the person to sign in.
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const firstClient = new Client({ name: 'mcprospero-it-ts', version: '1.0.0' });
  let unauthorized = false;
  try {
    await firstClient.connect(first);
  } catch (error) {
    if (provider.refusal && mode === '--expect-refusal') {
      console.log(JSON.stringify({ ok: true, refused: provider.refusal, seen: provider.seen,
        registered: Boolean(provider.savedClientInformation?.client_id) }));
      return;
    }
    if (!(error instanceof UnauthorizedError)) {
      throw error;
    }
    unauthorized = true;
  }
  check(unauthorized, 'the first connect without a token ends in UnauthorizedError');
  check(mode !== '--expect-refusal', 'the sign-in was expected to be refused, but it went through', provider.seen);
  check(provider.registrations === 1 && provider.savedClientInformation?.client_id, 'the SDK registered a client (DCR)',
    provider.savedClientInformation);
  check(provider.redirects === 1 && provider.authorizationCode, 'the SDK sent the person to the authorization URL');
  const resourceMetadata = provider.savedDiscoveryState?.resourceMetadata;
  check(resourceMetadata?.resource === mcpUrl, 'protected resource metadata names the MCP URL as resource', resourceMetadata);

  // 2. Back from the browser: exchange the code, then connect again with a new transport.
  await first.finishAuth(provider.authorizationCode);
  await firstClient.close().catch(() => {});
  const firstTokens = provider.savedTokens;
  check(firstTokens?.access_token && firstTokens?.refresh_token, 'the code exchange gave an access and a refresh token',
    { keys: Object.keys(firstTokens ?? {}) });

  const { client, transport } = await connect(mcpUrl, provider);
  check(transport.sessionId, 'initialize gave an Mcp-Session-Id');
  const serverVersion = client.getServerVersion();
  const capabilities = client.getServerCapabilities();
  check(capabilities?.tools, 'the server declares the tools capability', capabilities);

  const listed = await client.listTools();
  const tools = listed.tools.map((tool) => tool.name);
  for (const name of REQUIRED_TOOLS) {
    check(tools.includes(name), `tools/list includes ${name}`, tools);
  }
  for (const tool of listed.tools) {
    check(tool.description && tool.inputSchema?.type === 'object', `tool ${tool.name} has a description and an object input schema`, tool);
  }

  const me = await callTool(client, 'whoami', {});
  check(me.user?.email === email, 'whoami names the signed-in person', me);
  const personalOrgId = me.org?.id;

  const orgName = `TS Org ${randomUUID().slice(0, 8)}`;
  const created = await callTool(client, 'create_org', { name: orgName });
  check(created.org?.id && created.org?.name === orgName, 'create_org returns the new org', created);

  const switched = await callTool(client, 'switch_org', { org_id: created.org.id });
  check(switched.org?.id === created.org.id, 'switch_org returns the chosen org', switched);

  const after = await callTool(client, 'whoami', {});
  check(after.org?.id === created.org.id && after.org?.name === orgName, 'whoami shows the new org as current', after);
  check(after.org?.role === 'owner', 'the creator is the owner of the new org', after);
  check(after.org?.id !== personalOrgId, 'the new org is not the personal org', { personalOrgId, after });

  const orgs = await callTool(client, 'list_orgs', {});
  const listedOrg = orgs.orgs?.find((org) => org.id === created.org.id);
  check(listedOrg?.current === true && listedOrg?.role === 'owner', 'list_orgs marks the new org as current, role owner', orgs);

  // A confirmation in the 2025-11-25 form: the server asks by elicitation/create on the call's stream, the SDK's handler
  // answers, and the call completes. Leaving a second org keeps the first one current.
  const spare = await callTool(client, 'create_org', { name: `${orgName} spare` });
  const left = await callTool(client, 'leave_org', { org_id: spare.org.id });
  check(left.outcome === 'left' && left.current_org === 'unchanged', 'leave_org completes after the person confirms', left);
  check(questions.length === 1 && questions[0].includes(`${orgName} spare`), 'the person was asked once, about that org', questions);

  // A domain error comes back as a tool result with isError, not as a transport failure.
  const bad = await client.callTool({ name: 'switch_org', arguments: { org_id: randomUUID() } });
  check(bad.isError === true, 'switch_org to an unknown org is a tool error (isError: true)', bad);

  await transport.terminateSession();
  await client.close();

  // 3. Refresh the SDK's way: the stored access token no longer works, the server answers 401, and the
  // SDK spends the refresh token (which rotates) instead of sending the person to sign in again.
  provider.savedTokens = { ...provider.savedTokens, access_token: 'expired.not-a-jwt.x' };
  const redirectsBefore = provider.redirects;
  const refreshed = await connect(mcpUrl, provider);
  const refreshedTokens = provider.savedTokens;
  check(provider.redirects === redirectsBefore, 'refresh did not send the person to sign in again');
  check(refreshedTokens.access_token !== 'expired.not-a-jwt.x' && refreshedTokens.access_token !== firstTokens.access_token,
    'refresh gave a new access token');
  check(refreshedTokens.refresh_token && refreshedTokens.refresh_token !== firstTokens.refresh_token,
    'the refresh token rotated');
  const again = await callTool(refreshed.client, 'whoami', {});
  check(again.user?.email === email && again.user?.id === me.user.id, 'after refresh whoami names the same person', again);
  check(again.org?.id === created.org.id, 'after refresh the sign-in still works in the org it switched to', again);
  // The current org belongs to the sign-in (grant), which a refresh keeps; so does the membership.
  const orgsAgain = await callTool(refreshed.client, 'list_orgs', {});
  check(orgsAgain.orgs?.some((org) => org.id === created.org.id && org.role === 'owner'),
    'after refresh list_orgs still has the new org, role owner', orgsAgain);
  await refreshed.transport.terminateSession();
  await refreshed.client.close();

  console.log(JSON.stringify({
    ok: true,
    email: me.user.email,
    userId: me.user.id,
    orgId: created.org.id,
    orgName: after.org.name,
    role: after.org.role,
    tools,
    server: serverVersion,
    clientId: provider.savedClientInformation.client_id,
    seen: provider.seen,
    refreshed: true,
    questions: questions.length
  }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error?.stack ?? String(error));
    console.log(JSON.stringify({ ok: false, error: error?.message ?? String(error) }));
    process.exit(1);
  }
);
