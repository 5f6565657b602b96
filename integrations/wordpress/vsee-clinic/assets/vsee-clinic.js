/*
 * VSee Clinic for WordPress: every vsee-* element on the page asks this site's token route
 * (POST /wp-json/vsee-clinic/v1/token with the `wp_rest` nonce) for the signed-in patient's
 * token. The API key and secret stay on the server. Runs before the elements' module: Lit keeps
 * a property set on an element that is not yet defined and applies it on upgrade.
 */
(function () {
  'use strict';
  var config = window.vseeClinicWp;
  if (!config || !config.tokenUrl) return;
  var pending = {};

  function ask(purpose) {
    // Three elements starting together share one request; the server caches the token.
    if (!pending[purpose]) {
      pending[purpose] = fetch(config.tokenUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': config.nonce },
        body: JSON.stringify({ purpose: purpose }),
      })
        .then(function (res) {
          return res.json().then(
            function (body) {
              return { res: res, body: body };
            },
            function () {
              return { res: res, body: {} };
            },
          );
        })
        .then(function (r) {
          if (!r.res.ok || typeof r.body.token !== 'string') {
            throw new Error((r.body && r.body.message) || 'The token route answered ' + r.res.status + '.');
          }
          return r.body.token;
        })
        .finally(function () {
          delete pending[purpose];
        });
    }
    return pending[purpose];
  }

  /*
   * `tokenProvider({ purpose: 'join' })` asks for a fresh single-use token (the Join hand-off);
   * `{ purpose: 'refresh' }`, after VSee refused the token, for a new one the site caches instead.
   */
  function tokenProvider(options) {
    var purpose = options && options.purpose;
    return ask(purpose === 'join' || purpose === 'refresh' ? purpose : 'api');
  }

  var SELECTOR = 'vsee-intake-form, vsee-slot-picker, vsee-visit-list';
  function wire(root) {
    var els = root.querySelectorAll ? root.querySelectorAll(SELECTOR) : [];
    for (var i = 0; i < els.length; i++) if (!els[i].tokenProvider) els[i].tokenProvider = tokenProvider;
    if (root.matches && root.matches(SELECTOR) && !root.tokenProvider) root.tokenProvider = tokenProvider;
  }
  wire(document);
  // Elements a theme or another script adds later get the provider too.
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1) wire(n);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
