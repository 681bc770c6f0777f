// Plays the person at the browser through a sign-in, whatever pages come: MCProspero's local sign-in,
// welcome and consent pages, and an upstream OpenID Connect provider's login and consent forms
// (oidc-provider's dev interactions; mock-oauth2-server signs in without a page). Keeps cookies per
// host, follows redirects by hand, and stops at the client's redirect URL or at a page it cannot answer.

export class Browser {
  constructor({ email, accessCode, name = 'TS Person', timeZone = 'Europe/Berlin' }) {
    this.email = email;
    this.accessCode = accessCode;
    this.name = name;
    this.timeZone = timeZone;
    this.cookies = new Map(); // host -> Map(name -> value)
    this.seen = { signIn: 0, welcome: 0, consent: 0, upstream: 0 };
  }

  /** Walks from url until a redirect to stopAt; returns { url } or, if a page cannot be answered, { status, body, url }. */
  async walk(url, stopAt) {
    let next = { url: new URL(url), method: 'GET' };
    for (let step = 0; step < 25; step++) {
      if (next.url.href.startsWith(stopAt)) return { url: next.url };
      const response = await this.send(next);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        next = { url: new URL(location, next.url), method: 'GET' };
        continue;
      }
      const body = await response.text();
      const form = response.status < 500 ? this.answer(next.url, body) : undefined;
      if (!form) return { status: response.status, body, url: next.url };
      next = form;
    }
    throw new Error(`sign-in did not end after 25 steps at ${next.url}`);
  }

  /** The form to submit on this page, filled in as the person would; undefined for a page with nothing to do. */
  answer(pageUrl, html) {
    const action = /<form[^>]*action="([^"]*)"/i.exec(html);
    if (!action) return undefined;
    const fields = hiddenFields(html);
    const target = new URL(decode(action[1]), pageUrl);
    if (target.pathname === '/oauth/sign-in') {
      this.seen.signIn += 1;
      Object.assign(fields, { email: this.email, access_code: this.accessCode });
    } else if (target.pathname === '/welcome') {
      this.seen.welcome += 1;
      Object.assign(fields, { name: this.name, time_zone: this.timeZone, accept_terms: 'yes' });
    } else if (target.pathname === '/oauth/consent') {
      this.seen.consent += 1;
      fields.decision = 'allow';
    } else {
      // the upstream provider's own pages: a login form (oidc-provider dev interactions accept any password)
      this.seen.upstream += 1;
      if (/name="login"/.test(html)) Object.assign(fields, { login: this.email, password: 'any-password' });
    }
    return { url: target, method: 'POST', form: fields };
  }

  async send({ url, method, form }) {
    const headers = {};
    const jar = this.cookies.get(url.host);
    if (jar && jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie?.() ?? []) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      if (!this.cookies.has(url.host)) this.cookies.set(url.host, new Map());
      this.cookies.get(url.host).set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }
}

function hiddenFields(html) {
  const fields = {};
  for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0]);
    const value = /value="([^"]*)"/.exec(input[0]);
    if (name) fields[decode(name[1])] = value ? decode(value[1]) : '';
  }
  return fields;
}

function decode(text) {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
