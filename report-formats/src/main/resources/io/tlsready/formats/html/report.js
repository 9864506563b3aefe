// tlsready report: sort, filter and group the host table in place. Without this script every row and every
// host's details still show; the controls stay hidden.
(function () {
  'use strict';
  var table = document.getElementById('hosts');
  var form = document.getElementById('host-filter');
  if (!table || !form) {
    return;
  }
  form.hidden = false;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var severity = { NOT_READY: 0, UNKNOWN: 1, READY: 2 };
  var state = { sort: null, descending: false };
  var field = function (name) { return form.elements.namedItem(name); };
  var optionText = function (select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) {
        return select.options[i].textContent.replace(/ \(\d+\)$/, '');
      }
    }
    return value;
  };
  var failingOf = function (row) {
    var f = row.cells[3].textContent.trim();
    return f ? f.split(/\s+/) : [];
  };
  var keyOf = function (row, sort) {
    switch (sort) {
      case 'verdict': return severity[row.getAttribute('data-verdict')];
      case 'failing': return -failingOf(row).length;
      case 'cause': return row.getAttribute('data-cause') || '~';
      case 'os': return row.cells[2].textContent.toLowerCase();
      default: return row.getAttribute('data-host').toLowerCase();
    }
  };
  var compare = function (a, b) {
    var x = keyOf(a, state.sort);
    var y = keyOf(b, state.sort);
    var c = x < y ? -1 : x > y ? 1 : 0;
    if (c === 0) {
      var n = keyOf(a, 'name');
      var m = keyOf(b, 'name');
      c = n < m ? -1 : n > m ? 1 : 0;
    }
    return state.descending ? -c : c;
  };
  var groupsOf = function (row, group) {
    if (group === 'failing') {
      var f = failingOf(row);
      return f.length ? f : [''];
    }
    return [row.getAttribute('data-' + group) || ''];
  };
  var groupLabel = function (group, key) {
    if (group === 'failing') {
      return key ? key : 'no failing rule';
    }
    if (group === 'cause') {
      return key ? 'not audited: ' + optionText(field('cause'), key) : 'audited';
    }
    return key;
  };
  var render = function () {
    var name = field('name').value.trim().toLowerCase();
    var verdict = field('verdict').value;
    var failing = field('failing').value;
    var cause = field('cause').value;
    var group = field('group').value;
    var shown = rows.filter(function (row) {
      return (!name || row.getAttribute('data-host').toLowerCase().indexOf(name) >= 0)
        && (!verdict || row.getAttribute('data-verdict') === verdict)
        && (!failing || failingOf(row).indexOf(failing) >= 0)
        && (!cause || row.getAttribute('data-cause') === cause);
    });
    if (state.sort) {
      shown.sort(compare);
    }
    while (table.tBodies.length) {
      table.removeChild(table.tBodies[0]);
    }
    if (!group) {
      var body = document.createElement('tbody');
      shown.forEach(function (row) { body.appendChild(row); });
      table.appendChild(body);
    } else {
      var groups = new Map();
      shown.forEach(function (row) {
        groupsOf(row, group).forEach(function (key) {
          if (!groups.has(key)) {
            groups.set(key, []);
          }
          groups.get(key).push(row);
        });
      });
      var keys = Array.from(groups.keys()).sort(function (a, b) {
        return groups.get(b).length - groups.get(a).length || (a < b ? -1 : a > b ? 1 : 0);
      });
      var placed = new Set();
      keys.forEach(function (key) {
        var part = document.createElement('tbody');
        part.setAttribute('data-group', key);
        var head = document.createElement('tr');
        head.className = 'group';
        var th = document.createElement('th');
        th.colSpan = 5;
        th.textContent = groupLabel(group, key) + ' \u2014 ' + groups.get(key).length + ' hosts';
        head.appendChild(th);
        part.appendChild(head);
        groups.get(key).forEach(function (row) {
          part.appendChild(placed.has(row) ? row.cloneNode(true) : row);
          placed.add(row);
        });
        table.appendChild(part);
      });
    }
    document.getElementById('shown').textContent = 'showing ' + shown.length + ' of ' + rows.length + ' hosts';
  };
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  form.addEventListener('submit', function (e) { e.preventDefault(); render(); });
  table.tHead.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-sort]');
    if (!button) {
      return;
    }
    var sort = button.getAttribute('data-sort');
    state.descending = state.sort === sort ? !state.descending : false;
    state.sort = sort;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute('aria-sort');
    });
    button.parentNode.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
    render();
  });
  var pick = function (name, value) {
    field(name).value = value;
    render();
  };
  document.addEventListener('click', function (e) {
    var link = e.target.closest('a');
    if (!link) {
      return;
    }
    if (link.hasAttribute('data-rule') && link.closest('#fix-first')) {
      pick('failing', link.getAttribute('data-rule'));
    } else if (link.hasAttribute('data-cause') && link.closest('#causes')) {
      pick('cause', link.getAttribute('data-cause'));
    }
    openTarget(link.getAttribute('href'));
  });
  var openTarget = function (href) {
    if (!href || href.charAt(0) !== '#') {
      return;
    }
    var target = document.getElementById(decodeURIComponent(href.substring(1)));
    var details = target && target.closest('details');
    if (details) {
      details.open = true;
    }
  };
  openTarget(location.hash);
  render();
}());
