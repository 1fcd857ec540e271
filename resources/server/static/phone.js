// SPDX-License-Identifier: Apache-2.0
// Phone-confirmation page (SPEC F11): asks the server every few seconds whether staff
// have confirmed the code, and continues by itself when they have. Without scripts the
// page refreshes itself (meta refresh in <noscript>) and offers a Continue button, so
// this file is a convenience, never a requirement.
(function () {
  'use strict';
  var form = document.getElementById('phone-continue');
  var live = document.getElementById('phone-status');
  if (!form || !form.dataset.statusUrl) return;
  var url = form.dataset.statusUrl;
  var tries = 0;
  function poll() {
    tries += 1;
    if (tries > 400) return; // stop after ~20 minutes; the code has long expired
    fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { state: 'error' }; })
      .then(function (s) {
        if (s.state === 'confirmed') {
          if (live) live.textContent = 'Confirmed. Opening your portal…';
          form.submit();
        } else if (s.state === 'pending') {
          window.setTimeout(poll, 3000);
        } else {
          // Expired, locked or anything unexpected: reload to show the server's page.
          window.location.reload();
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
