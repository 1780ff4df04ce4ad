// Leerlijn catalogue filters: progressive enhancement for index.html.
// Without JavaScript the page shows every programme; this script reveals the filter form and
// hides the table rows that do not match. It reads data-* attributes and writes only
// `hidden` and `textContent`, never markup.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('catalogue');
  if (!form || !table || !table.tBodies || !table.tBodies[0]) { return; }
  var rows = table.tBodies[0].rows;
  var age = document.getElementById('filter-age');
  var statedOnly = document.getElementById('filter-stated-ages');
  var filters = [
    ['audiences', document.getElementById('filter-audience')],
    ['topics', document.getElementById('filter-topic')],
    ['sectors', document.getElementById('filter-sector')]
  ];
  var status = document.getElementById('filter-status');

  function listed(row, name, value) {
    if (!value) { return true; }
    var list = (row.getAttribute('data-' + name) || '').split(' ');
    return list.indexOf(value) !== -1;
  }

  function fitsAge(row) {
    if (!age || age.value === '') { return true; }
    var wanted = parseInt(age.value, 10);
    if (isNaN(wanted)) { return true; }
    var min = row.getAttribute('data-age-min');
    var max = row.getAttribute('data-age-max');
    if (min === null || max === null) { return false; }
    // Derived ages (rule education-level-ages) match unless only stated ages are wanted,
    // exactly as `leerlijn query --age` and `--stated-ages-only`.
    if (statedOnly && statedOnly.checked && row.getAttribute('data-age-basis') !== 'stated') { return false; }
    return wanted >= parseInt(min, 10) && wanted <= parseInt(max, 10);
  }

  // The filters live in the query string (?age=10&audience=children&stated-ages-only=1), so a
  // filtered view can be shared; the names are those of the form's controls.
  function readQuery() {
    if (!window.URLSearchParams) { return; }
    var params = new URLSearchParams(window.location.search);
    if (age && params.has('age')) { age.value = params.get('age'); }
    if (statedOnly) { statedOnly.checked = params.get('stated-ages-only') === '1'; }
    for (var j = 0; j < filters.length; j += 1) {
      var control = filters[j][1];
      if (control && params.has(control.name)) { control.value = params.get(control.name); }
    }
  }

  function writeQuery() {
    if (!window.URLSearchParams || !window.history || !window.history.replaceState) { return; }
    var params = new URLSearchParams();
    if (age && age.value !== '') { params.set('age', age.value); }
    if (statedOnly && statedOnly.checked) { params.set('stated-ages-only', '1'); }
    for (var j = 0; j < filters.length; j += 1) {
      var control = filters[j][1];
      if (control && control.value) { params.set(control.name, control.value); }
    }
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i += 1) {
      var row = rows[i];
      var match = fitsAge(row);
      for (var j = 0; match && j < filters.length; j += 1) {
        var control = filters[j][1];
        match = listed(row, filters[j][0], control ? control.value : '');
      }
      row.hidden = !match;
      if (match) { shown += 1; }
    }
    if (status) {
      // The page gives the wording in its language: data-message="{shown} of {total} programmes shown".
      var message = status.getAttribute('data-message') || '{shown} / {total}';
      status.textContent = message.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    }
    writeQuery();
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  readQuery();
  apply();
}());