/* Haven's one script. Everything works without it; it only makes leaving faster and warns before
   a staff session times out. No storage, no requests to anyone but this site. */
(function () {
  "use strict";

  var exitLink = document.querySelector("[data-quick-exit]");
  var leaving = false;

  function leave(event) {
    if (event) { event.preventDefault(); }
    if (!exitLink || leaving) { return; }
    leaving = true;
    var overlay = document.createElement("div");
    overlay.className = "exit-overlay";
    document.body.appendChild(overlay);
    document.title = "";
    try { navigator.sendBeacon(exitLink.getAttribute("href")); } catch (e) { /* the server URL still ends the session next time */ }
    // replace(): the page we leave is swapped out of the history, so Back does not return to it.
    window.location.replace(exitLink.getAttribute("data-exit-url"));
  }

  if (exitLink) {
    exitLink.addEventListener("click", leave);
    var status = document.querySelector("[data-quick-exit-status]");
    var presses = 0;
    var timer = null;
    var reset = function () { presses = 0; clearTimeout(timer); if (status) { status.textContent = ""; } };
    // Like GOV.UK's "Exit this page": only Shift pressed on its own counts. Any other key in between (the
    // letter of a capital typed in a field, Shift+Tab) starts the count again, and so does a pause.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") {
        if (presses) { reset(); }
        return;
      }
      if (event.repeat) { return; }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(reset, 5000);
      if (presses >= 3) {
        leave();
      } else if (status) {
        status.textContent = exitLink.getAttribute(presses === 1 ? "data-more-2" : "data-more-1") || "";
      }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && leaving) { window.location.replace(exitLink.getAttribute("data-exit-url")); }
    });
  }

  /* Staff pages: warn before the inactivity timeout, and offer to stay signed in. */
  var body = document.body;
  var timeout = parseInt(body.getAttribute("data-idle-timeout") || "0", 10);
  var warnBefore = parseInt(body.getAttribute("data-idle-warning") || "0", 10);
  var warning = document.querySelector("[data-session-warning]");
  if (timeout > 0 && warning) {
    var warnTimer = null;
    var endTimer = null;
    var schedule = function () {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
      warning.hidden = true;
      warnTimer = setTimeout(function () { warning.hidden = false; var b = warning.querySelector("button"); if (b) { b.focus(); } },
        Math.max(0, timeout - warnBefore) * 1000);
      endTimer = setTimeout(function () { window.location.reload(); }, (timeout + 2) * 1000);
    };
    var form = warning.querySelector("form");
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin",
          headers: { "Accept": "application/json" } })
          .then(function (response) { if (response.ok) { schedule(); } else { window.location.reload(); } })
          .catch(function () { window.location.reload(); });
      });
    }
    schedule();
  }
  /* Directory: after filtering, the page opens at the results; focus their heading so the count is read out. */
  var results = window.location.hash === "#results" ? document.getElementById("results") : null;
  if (results) { results.focus(); }
  /* Security keys (WebAuthn): fetch options, ask the browser, post the answer with the form. */
  function fromB64url(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(b64 + "===".slice((b64.length + 3) % 4));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    return bytes.buffer;
  }
  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i += 1) { raw += String.fromCharCode(bytes[i]); }
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function credentialToJSON(cred) {
    var r = cred.response;
    var out = { id: cred.id, rawId: toB64url(cred.rawId), type: cred.type, clientExtensionResults: {},
      response: { clientDataJSON: toB64url(r.clientDataJSON) } };
    if (r.attestationObject) { out.response.attestationObject = toB64url(r.attestationObject); }
    if (r.authenticatorData) { out.response.authenticatorData = toB64url(r.authenticatorData); }
    if (r.signature) { out.response.signature = toB64url(r.signature); }
    if (r.userHandle) { out.response.userHandle = toB64url(r.userHandle); }
    return out;
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-webauthn]"), function (form) {
    var status = form.querySelector("[data-webauthn-status]");
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("input[name=credential]");
      if (field.value) { return; }
      event.preventDefault();
      if (!window.PublicKeyCredential) { if (status) { status.textContent = "WebAuthn?"; } return; }
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector("input[name=csrfmiddlewaretoken]").value);
      fetch(form.getAttribute("data-options-url"), { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (options) {
          options.challenge = fromB64url(options.challenge);
          (options.allowCredentials || options.excludeCredentials || []).forEach(function (c) { c.id = fromB64url(c.id); });
          if (form.getAttribute("data-webauthn") === "register") {
            options.user.id = fromB64url(options.user.id);
            return navigator.credentials.create({ publicKey: options });
          }
          return navigator.credentials.get({ publicKey: options });
        })
        .then(function (cred) { field.value = JSON.stringify(credentialToJSON(cred)); form.submit(); })
        .catch(function (error) { if (status) { status.textContent = String(error && error.name || error); } });
    });
  });
}());
