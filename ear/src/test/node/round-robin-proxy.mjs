// A load balancer in front of several MCProspero instances, for the test of instances sharing one database: every
// request goes to the next instance in turn (no stickiness at all), streamed both ways, Host kept as the client sent
// it (the public URL's). Each forwarded request is logged on stdout as one JSON line {"instance", "method", "path"}.
//
// usage: node round-robin-proxy.mjs <port> <instanceUrl> <instanceUrl> ...

import http from 'node:http';

const [port, ...instances] = process.argv.slice(2);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade']);
let next = 0;

http.createServer((req, res) => {
  const index = next;
  next = (next + 1) % instances.length;
  const target = new URL(instances[index]);
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  console.log(JSON.stringify({ instance: index, method: req.method, path: req.url.split('?')[0] }));
  const forward = http.request({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
    const responseHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) responseHeaders[name] = value;
    res.writeHead(answer.statusCode, answer.statusMessage, responseHeaders);
    answer.pipe(res);
  });
  forward.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy: instance ${index} failed: ${error.message}`);
  });
  res.on('close', () => forward.destroy());
  req.pipe(forward);
}).listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ listening: Number(port) })));
