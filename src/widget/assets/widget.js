/* Woes chat widget: a plain script, no framework. <script src="https://woes.example/widget.js" data-woes-key="woespk_…"></script>
 * Rendered in a Shadow DOM so the host page's CSS cannot reach it. The conversation's history
 * secret is kept in this origin's localStorage under a per-workspace name and restores the thread
 * on reload; an identified visitor's thread follows their identity, and a change of identity
 * (sign-out on the host site) forgets the previous one. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.Woes) return;
  var KEY = script.getAttribute('data-woes-key') || '';
  var API = new URL(script.src).origin + '/api/v1/widget';
  // At least 5 s: reads are limited to 30 a minute per conversation and IP (README, Rate limits).
  var POLL_MS = Math.max(5000, Number(script.getAttribute('data-woes-poll')) || 15000);
  // After a 429 nothing is read again before its Retry-After has passed.
  var quietUntil = 0;
  var identityToken = script.getAttribute('data-woes-identity-token') || null;
  var storeName = null,
    state = null,
    timer = null,
    busy = false;

  var host = document.createElement('div');
  host.setAttribute('data-woes-widget', '');
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<style>:host{all:initial}*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}' +
    '.b{position:fixed;right:20px;bottom:20px;z-index:2147483647;border:0;border-radius:24px;padding:12px 18px;background:#2b59c3;color:#fff;cursor:pointer}' +
    '.p{position:fixed;right:20px;bottom:76px;z-index:2147483647;width:320px;max-height:70vh;display:none;flex-direction:column;background:#fff;color:#111;border:1px solid #ccd;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.2)}' +
    '.p.o{display:flex}.l{flex:1;overflow:auto;padding:10px;min-height:160px}.m{margin:6px 0;padding:8px 10px;border-radius:8px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}' +
    '.user{background:#2b59c3;color:#fff;margin-left:auto}.agent,.bot{background:#eef}.s{padding:4px 10px;color:#a33;min-height:1em;font-size:12px}' +
    'form{display:flex;gap:6px;padding:10px;border-top:1px solid #eee}textarea{flex:1;resize:none;height:40px;padding:6px}button.send{border:0;border-radius:6px;background:#2b59c3;color:#fff;padding:0 12px;cursor:pointer}</style>' +
    '<button class="b" part="launcher" aria-label="Chat">Chat</button><div class="p" role="dialog" aria-label="Chat"><div class="l" aria-live="polite"></div><div class="s"></div>' +
    '<form><textarea aria-label="Message" placeholder="Write a message…"></textarea><button class="send" type="submit">Send</button></form></div>';
  var panel = root.querySelector('.p'),
    list = root.querySelector('.l'),
    status = root.querySelector('.s');
  var input = root.querySelector('textarea');

  function subjectOf(token) {
    // Only to notice an identity change in this browser; the server checks the signature.
    try {
      return JSON.parse(window.atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub || null;
    } catch (e) {
      return null;
    }
  }
  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeName) || 'null');
    } catch (e) {
      return null;
    }
  }
  function save() {
    if (state) localStorage.setItem(storeName, JSON.stringify(state));
    else localStorage.removeItem(storeName);
  }
  function headers(json) {
    var h = { 'x-woes-widget-key': KEY };
    if (json) h['content-type'] = 'application/json';
    if (identityToken) h['x-woes-identity-token'] = identityToken;
    if (state && state.historySecret) h['x-woes-conversation-secret'] = state.historySecret;
    return h;
  }
  function call(method, path, body) {
    return fetch(API + path, {
      method: method,
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    }).then(function (r) {
      return r
        .json()
        .catch(function () {
          return {};
        })
        .then(function (j) {
          if (!r.ok) {
            var e = new Error(j.error || 'The chat is unavailable.');
            e.status = r.status;
            if (r.status === 429) quietUntil = Date.now() + 1000 * (Number(r.headers.get('retry-after')) || 60);
            throw e;
          }
          return j;
        });
    });
  }
  function render(conversation) {
    list.textContent = '';
    conversation.messages.forEach(function (m) {
      var div = document.createElement('div');
      div.className = 'm ' + m.role;
      div.setAttribute('data-role', m.role);
      div.textContent = m.body;
      list.appendChild(div);
    });
    list.scrollTop = list.scrollHeight;
  }
  function fail(error) {
    status.textContent = error.message;
    // A refused secret (rotated, or another identity now) opens nothing again: forget it.
    if (error.status === 401 && state) {
      state = null;
      save();
      list.textContent = '';
    }
  }
  function refresh() {
    if (!state || busy || Date.now() < quietUntil) return Promise.resolve();
    return call('GET', '/conversations/' + encodeURIComponent(state.conversationId)).then(
      function (c) {
        status.textContent = '';
        render(c);
      },
      function (error) {
        // A poll that hit the read limit waits quietly; the next one after Retry-After catches up.
        if (error.status !== 429) fail(error);
      },
    );
  }
  function poll() {
    clearInterval(timer);
    timer = null;
    if (panel.classList.contains('o') && document.visibilityState === 'visible') timer = setInterval(refresh, POLL_MS);
  }
  function start() {
    return call('GET', '/config')
      .then(function (config) {
        storeName = 'woes:widget:' + config.workspaceId;
        var subject = identityToken ? subjectOf(identityToken) : null;
        state = load();
        if (state && state.subject !== subject) {
          state = null;
          save();
        }
        if (state) return refresh();
        if (!subject) return;
        return call('GET', '/conversations').then(function (r) {
          if (r.data.length === 0) return;
          state = { conversationId: r.data[0].id, historySecret: null, subject: subject };
          save();
          return refresh();
        });
      })
      .catch(fail);
  }
  root.querySelector('.b').addEventListener('click', function () {
    panel.classList.toggle('o');
    poll();
    if (panel.classList.contains('o')) input.focus();
  });
  document.addEventListener('visibilitychange', function () {
    poll();
    if (document.visibilityState === 'visible') refresh();
  });
  root.querySelector('form').addEventListener('submit', function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body || busy || !storeName) return;
    busy = true;
    var sent = state
      ? call('POST', '/conversations/' + encodeURIComponent(state.conversationId) + '/messages', { body: body })
      : call(
          'POST',
          '/conversations',
          identityToken ? { body: body, identityToken: identityToken } : { body: body },
        ).then(function (r) {
          state = {
            conversationId: r.conversation.id,
            historySecret: r.historySecret,
            subject: identityToken ? subjectOf(identityToken) : null,
          };
          save();
          return r.conversation;
        });
    sent
      .then(function (c) {
        input.value = '';
        status.textContent = '';
        render(c);
      }, fail)
      .then(function () {
        busy = false;
      });
  });
  window.Woes = {
    /** The host site signed the visitor in or out: forget what belonged to the previous identity. */
    identify: function (token) {
      identityToken = token || null;
      state = null;
      list.textContent = '';
      return start();
    },
    reset: function () {
      if (storeName) localStorage.removeItem(storeName);
      identityToken = null;
      state = null;
      list.textContent = '';
      return start();
    },
    open: function () {
      panel.classList.add('o');
      poll();
    },
  };
  (document.body || document.documentElement).appendChild(host);
  start();
})();
