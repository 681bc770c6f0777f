// The MCP TypeScript SDK v2 client (@modelcontextprotocol/client, 2026-07-28) connecting to MCProspero as a modern
// client does: pinned to 2026-07-28, no initialize and no session. 401 -> protected resource metadata ->
// authorization server metadata -> client registration (dynamic, or a Client ID Metadata Document) -> authorization
// code with PKCE and `resource` -> token (the SDK checks `iss`) -> server/discover -> tools. Then a multi round-trip
// tool call answered by the SDK's own elicitation handler (the person says yes), and a token refresh. Only the
// person at the browser is played here; every OAuth and MCP step is the SDK's.
//
// usage: node ts-modern-flow.mjs <mcpUrl> <email> <accessCode> dcr
//        node ts-modern-flow.mjs <mcpUrl> <email> <accessCode> cimd <clientMetadataUrl> <redirectUrl>
// prints one JSON line as its last line of stdout; exit 0 when every check held, 1 otherwise.

import { randomUUID } from 'node:crypto';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { Browser } from './browser.mjs';

const DCR_REDIRECT_URL = 'http://127.0.0.1:45233/callback';
const REQUIRED_TOOLS = ['whoami', 'list_orgs', 'create_org', 'switch_org', 'leave_org'];

class CheckFailed extends Error {}

function check(condition, message, details) {
  if (!condition) {
    throw new CheckFailed(details === undefined ? message : `${message}: ${JSON.stringify(details)}`);
  }
}

/** An OAuthClientProvider that keeps everything in memory and plays the person on the sign-in page. */
class SignInProvider {
  constructor(email, accessCode, { clientMetadataUrl, redirectUrl }) {
    this.email = email;
    this.accessCode = accessCode;
    this.clientMetadataUrl = clientMetadataUrl;
    this.redirect = redirectUrl;
    this.savedClientInformation = undefined;
    this.savedTokens = undefined;
    this.savedCodeVerifier = undefined;
    this.savedDiscoveryState = undefined;
    this.callback = undefined;
    this.redirects = 0;
    this.registrations = 0;
  }

  get redirectUrl() {
    return this.redirect;
  }

  get clientMetadata() {
    return {
      client_name: 'MCProspero IT (TypeScript SDK v2)',
      redirect_uris: [this.redirect],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      application_type: 'native'
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

  async redirectToAuthorization(authorizationUrl) {
    this.redirects += 1;
    const url = new URL(authorizationUrl);
    check(url.searchParams.get('code_challenge_method') === 'S256', 'authorization URL uses PKCE S256', url.href);
    check(url.searchParams.get('resource'), 'authorization URL carries a resource indicator', url.href);
    if (this.clientMetadataUrl) {
      check(url.searchParams.get('client_id') === this.clientMetadataUrl, 'the client identifies with its metadata document', url.href);
    }
    const browser = new Browser({ email: this.email, accessCode: this.accessCode });
    const outcome = await browser.walk(url, this.redirect);
    this.seen = browser.seen;
    check(outcome.status === undefined, 'sign-in reaches the redirect', outcome.status && { status: outcome.status, body: outcome.body.slice(0, 500) });
    check(!outcome.url.searchParams.get('error'), 'sign-in redirect carries no error', outcome.url.href);
    this.callback = outcome.url.searchParams;
  }
}

function newClient(questions) {
  const client = new Client({ name: 'mcprospero-it-ts-v2', version: '2.4.0' }, {
    capabilities: { elicitation: { form: {} } },
    versionNegotiation: { mode: { pin: '2026-07-28' } }
  });
  // the person, answering the server's questions: yes to every confirmation
  client.setRequestHandler('elicitation/create', async (request) => {
    questions.push(request.params.message);
    return { action: 'accept', content: { confirm: true } };
  });
  return client;
}

async function connect(mcpUrl, provider, questions) {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const client = newClient(questions);
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
  const [mcpUrl, email, accessCode, mode, metadataUrl, redirectUrl] = process.argv.slice(2);
  if (!mcpUrl || !email || !accessCode || !['dcr', 'cimd'].includes(mode)) {
    throw new CheckFailed('usage: node ts-modern-flow.mjs <mcpUrl> <email> <accessCode> dcr|cimd [<metadataUrl> <redirectUrl>]');
  }
  const provider = new SignInProvider(email, accessCode, mode === 'cimd'
    ? { clientMetadataUrl: metadataUrl, redirectUrl }
    : { clientMetadataUrl: undefined, redirectUrl: DCR_REDIRECT_URL });
  const questions = [];

  // 1. Without a token: the SDK meets the 401, discovers, registers (or presents its document), sends the person.
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  let unauthorized = false;
  try {
    await newClient(questions).connect(first);
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
    unauthorized = true;
  }
  check(unauthorized, 'the first connect without a token ends in UnauthorizedError');
  check(provider.redirects === 1 && provider.callback, 'the SDK sent the person to the authorization URL');
  if (mode === 'dcr') {
    check(provider.registrations === 1 && provider.savedClientInformation?.client_id, 'the SDK registered a client (DCR)');
  } else {
    // the SDK stores the document's URL as the client id: nothing was registered
    check(provider.savedClientInformation?.client_id === metadataUrl, 'the client id is the metadata document URL',
      provider.savedClientInformation);
  }

  // 2. Back from the browser: the SDK checks iss against the issuer and exchanges the code.
  await first.finishAuth(provider.callback);
  const firstTokens = provider.savedTokens;
  check(firstTokens?.access_token && firstTokens?.refresh_token, 'the code exchange gave an access and a refresh token');

  const { client, transport } = await connect(mcpUrl, provider, questions);
  check(transport.sessionId === undefined, 'a 2026-07-28 connection has no session', transport.sessionId);
  check(client.getNegotiatedProtocolVersion?.() === undefined || client.getNegotiatedProtocolVersion() === '2026-07-28',
    'the connection speaks 2026-07-28', client.getNegotiatedProtocolVersion?.());
  const server = client.getServerVersion();
  check(server?.name === 'mcprospero' && server?.icons?.length > 0, 'server/discover identifies MCProspero, with icons', server);
  check(client.getServerCapabilities()?.tools?.listChanged === true, 'the server declares tools with listChanged',
    client.getServerCapabilities());

  const listed = await client.listTools();
  const tools = listed.tools.map((tool) => tool.name);
  for (const name of REQUIRED_TOOLS) check(tools.includes(name), `tools/list includes ${name}`, tools);
  for (const tool of listed.tools) {
    check(tool.title && tool.annotations && tool.inputSchema?.type === 'object', `tool ${tool.name} has a title, annotations, an object schema`, tool);
  }
  check(listed.tools.find((tool) => tool.name === 'whoami')?.outputSchema?.type === 'object', 'whoami declares an outputSchema');

  const me = await callTool(client, 'whoami', {});
  check(me.user?.email === email, 'whoami names the signed-in person', me);
  const personalOrgId = me.org?.id;

  const orgName = `TS2 Org ${randomUUID().slice(0, 8)}`;
  const created = await callTool(client, 'create_org', { name: orgName });
  check(created.org?.id && created.org?.name === orgName, 'create_org returns the new org', created);
  const switched = await callTool(client, 'switch_org', { org_id: created.org.id });
  check(switched.org?.id === created.org.id, 'switch_org returns the chosen org', switched);
  const after = await callTool(client, 'whoami', {});
  check(after.org?.id === created.org.id && after.org?.role === 'owner', 'whoami shows the new org as current, role owner', after);
  const inPersonal = await callTool(client, 'whoami', { org_id: personalOrgId });
  check(inPersonal.org?.id === personalOrgId, 'org_id acts in another org for one call', inPersonal);
  const stillCurrent = await callTool(client, 'whoami', {});
  check(stillCurrent.org?.id === created.org.id, 'org_id did not change the current org', stillCurrent);

  // 3. A multi round-trip call: leave_org asks the person (input_required), the SDK's handler answers, the call completes.
  const left = await callTool(client, 'leave_org', { org_id: created.org.id });
  check(left.outcome === 'left' && left.current_org === 'personal', 'leave_org completes after the person confirms', left);
  check(questions.length === 1 && questions[0].includes(orgName), 'the person was asked once, about that org', questions);
  const back = await callTool(client, 'whoami', {});
  check(back.org?.id === personalOrgId, 'after leaving, this sign-in works in the personal org again', back);

  const bad = await client.callTool({ name: 'switch_org', arguments: { org_id: randomUUID() } });
  check(bad.isError === true, 'switch_org to an unknown org is a tool error (isError: true)', bad);
  await client.close();

  // 4. Refresh the SDK's way: the stored access token stops working, the server answers 401, the SDK refreshes.
  provider.savedTokens = { ...provider.savedTokens, access_token: 'expired.not-a-jwt.x' };
  const redirectsBefore = provider.redirects;
  const refreshed = await connect(mcpUrl, provider, questions);
  check(provider.redirects === redirectsBefore, 'refresh did not send the person to sign in again');
  check(provider.savedTokens.refresh_token !== firstTokens.refresh_token, 'the refresh token rotated');
  const again = await callTool(refreshed.client, 'whoami', {});
  check(again.user?.id === me.user.id, 'after refresh whoami names the same person', again);
  await refreshed.client.close();

  console.log(JSON.stringify({
    ok: true, email: me.user.email, userId: me.user.id, orgId: created.org.id, tools, server,
    clientId: provider.savedClientInformation?.client_id ?? metadataUrl, seen: provider.seen, questions: questions.length
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
