// Leerlijn widget for partner sites. See the README ("Widget") for the snippet.
// Reads the filter from data-* attributes, fetches catalogue.json and lists the matching
// programmes with createElement/textContent only. The container's own link (to the filtered
// catalogue page) stays in place, so readers without JavaScript keep a way in.
(function () {
  'use strict';
  if (!window.fetch || !window.URL) { return; }

  function has(list, value) { return !value || (list || []).indexOf(value) !== -1; }

  function matches(programme, filter) {
    if (!programme || !programme.status || programme.status.value !== 'active') { return false; }
    if (!has(programme.audiences, filter.audience) || !has(programme.topics, filter.topic)
        || !has(programme.sectors, filter.sector)) { return false; }
    if (filter.age === null) { return true; }
    var ages = programme.ageRange;
    if (!ages) { return false; }
    if (filter.statedOnly && String(programme.ageRangeBasis || '') !== 'stated') { return false; }
    return filter.age >= ages.min && filter.age <= ages.max;
  }

  function render(container, catalogueURL, programmes, filter) {
    var list = document.createElement('ul');
    list.className = 'leerlijn-widget-list';
    var shown = 0;
    for (var i = 0; i < programmes.length && shown < filter.limit; i += 1) {
      var programme = programmes[i];
      if (!matches(programme, filter) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(programme.id))) { continue; }
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = new URL((filter.language === 'en' ? 'en/programmes/' : 'programmes/') + programme.id + '.html', catalogueURL).href;
      link.textContent = programme.title && programme.title[filter.language] ? programme.title[filter.language] : String(programme.id);
      item.appendChild(link);
      list.appendChild(item);
      shown += 1;
    }
    var status = document.createElement('p');
    status.setAttribute('role', 'status');
    if (filter.language === 'en') {
      status.textContent = shown === 0 ? 'No programmes found.' : shown + ' programmes from the Leerlijn catalogue';
    } else {
      status.textContent = shown === 0 ? 'Geen programma\u2019s gevonden.' : shown + ' programma\u2019s uit de Leerlijn-catalogus';
    }
    container.insertBefore(status, container.firstChild);
    if (shown > 0) { container.insertBefore(list, status.nextSibling); }
  }

  var containers = document.querySelectorAll('[data-leerlijn-catalogue]');
  Array.prototype.forEach.call(containers, function (container) {
    var catalogueURL;
    try { catalogueURL = new URL(container.getAttribute('data-leerlijn-catalogue'), document.baseURI); } catch (e) { return; }
    if (catalogueURL.protocol !== 'https:' && catalogueURL.protocol !== 'http:') { return; }
    var age = parseInt(container.getAttribute('data-age') || '', 10);
    var limit = parseInt(container.getAttribute('data-limit') || '10', 10);
    var filter = {
      age: isNaN(age) ? null : age,
      audience: container.getAttribute('data-audience') || '',
      topic: container.getAttribute('data-topic') || '',
      sector: container.getAttribute('data-sector') || '',
      statedOnly: container.hasAttribute('data-stated-ages-only'),
      language: container.getAttribute('data-language') === 'en' ? 'en' : 'nl',
      limit: isNaN(limit) || limit < 1 ? 10 : Math.min(limit, 100)
    };
    fetch(catalogueURL.href, { credentials: 'omit' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && Array.isArray(data.programmes)) { render(container, catalogueURL, data.programmes, filter); }
      })
      .catch(function () { /* the container's link stays the way in */ });
  });
}());