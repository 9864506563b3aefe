// tlsready dashboard: live scan progress (everything else works without JavaScript).
(function () {
  'use strict';

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(value); }
  }

  function watchScan(box) {
    var url = box.getAttribute('data-progress-url');
    var bar = box.querySelector('progress');
    function poll() {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(function (p) {
          box.setAttribute('data-state', p.state);
          box.setAttribute('data-done', String(p.done));
          box.setAttribute('data-total', String(p.total));
          if (bar) { bar.max = p.total; bar.value = p.done; bar.textContent = p.done + ' of ' + p.total; }
          text('scan-state', p.state);
          text('scan-done', p.done);
          text('scan-total', p.total);
          text('scan-ready', p.verdicts.READY);
          text('scan-not-ready', p.verdicts.NOT_READY);
          text('scan-unknown', p.verdicts.UNKNOWN);
          if (p.state === 'running') {
            window.setTimeout(poll, 1000);
          } else {
            window.location.reload(); // the finished hosts are listed server-side
          }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('scan-progress');
    if (box && box.getAttribute('data-state') === 'running') { watchScan(box); }
  });
}());
