// The auditor's workspace: plain JavaScript over the read-only JSON API of /api/audit (no build step).
// Everything the server sends is put on the page as text (never as HTML): comments are user input.
(function () {
  'use strict';

  let lang = localStorage.getItem('shequ.audit.lang') === 'en' ? 'en' : 'zh';
  const STATUSES = Object.keys(I18N.zh.statuses);

  const t = key => I18N[lang][key] ?? I18N.zh[key] ?? key;
  const named = (table, code) => (code == null || code === '') ? '' : (I18N[lang][table][code] ?? code);
  const $ = id => document.getElementById(id);

  /** el('td', {class: 'num'}, 'text', otherNode) — strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v == null || v === false) return;
      if (k === 'class') node.className = v; else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat(Infinity).forEach(c => {
      if (c == null || c === '' || c === false) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function table(id, headers, rows, emptyText) {
    if (!rows.length) return el('p', {class: 'empty', id}, emptyText);
    return el('table', {id}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), el('tbody', {}, rows));
  }

  const time = iso => iso ? iso.substring(0, 16).replace('T', ' ') : '';
  const money = v => v == null ? '' : '¥' + Number(v).toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  const code = text => el('span', {class: 'code'}, text);
  const badge = (text, kind) => el('span', {class: 'badge' + (kind ? ' ' + kind : '')}, text);
  const person = (id, name) => name ? [name + ' ', code(id)] : [code(id || '')];

  function duration(seconds) {
    if (seconds == null) return '';
    if (seconds < 60) return t('lessThanMinute');
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    if (d > 0) return d + t('days') + (h ? ' ' + h + t('hours') : '');
    if (h > 0) return h + t('hours') + (m ? ' ' + m + t('minutes') : '');
    return m + t('minutes');
  }

  async function api(path) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 401) { location.href = '/login'; throw new Error('login required'); }
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && body.message) || response.status + ' ' + response.statusText);
    return body;
  }

  function showError(e) {
    $('error').hidden = false;
    $('error').textContent = e.message || String(e);
  }

  function replace(id, node) {
    const old = $(id);
    old.replaceChildren(node);
  }

  // ---- project search ----

  function fillStatuses() {
    const select = $('q-status');
    const chosen = select.value;
    select.replaceChildren(el('option', {value: ''}, t('any')),
      ...STATUSES.map(s => el('option', {value: s}, named('statuses', s) + ' ' + s)));
    select.value = chosen;
  }

  function searchQuery() {
    const q = new URLSearchParams();
    [['code', 'q-code'], ['communityCode', 'q-community'], ['status', 'q-status'], ['from', 'q-from'], ['to', 'q-to']]
      .forEach(([name, id]) => { const v = $(id).value.trim(); if (v) q.set(name, v); });
    return q;
  }

  async function showProjects(params) {
    [['code', 'q-code'], ['communityCode', 'q-community'], ['status', 'q-status'], ['from', 'q-from'], ['to', 'q-to']]
      .forEach(([name, id]) => { $(id).value = params.get(name) || ''; });
    const csv = new URLSearchParams(params); csv.set('format', 'csv');
    $('q-csv').href = '/api/audit/projects?' + csv;
    replace('results', el('p', {class: 'empty'}, t('loading')));
    const projects = await api('/api/audit/projects?' + params);
    replace('results', table('projects', [t('code'), t('projectTitle'), t('status'), t('community'), t('category'),
        t('amount'), t('fund'), t('author'), t('createdAt')],
      projects.map(p => el('tr', {}, el('td', {}, el('a', {href: '#/project/' + encodeURIComponent(p.code), class: 'project-link'}, p.code)),
        el('td', {}, p.title), el('td', {}, badge(named('statuses', p.status)), ' ', code(p.status)),
        el('td', {}, p.communityName || p.communityCode), el('td', {}, p.categoryName || p.category),
        el('td', {class: 'num'}, money(p.amount)), el('td', {}, p.fundCode), el('td', {}, person(p.author, p.authorName)),
        el('td', {class: 'time'}, time(p.createdAt)))), t('noResults')));
  }

  // ---- one project ----

  function actionCell(e) {
    const step = e.taskKey ? (lang === 'zh' && e.taskName ? e.taskName : named('tasks', e.taskKey)) : '';
    const label = named('actions', e.action) + (step ? (lang === 'zh' ? '：' : ': ') + step : '');
    return el('td', {}, label, el('br'), code(e.action + (e.taskKey ? ' · ' + e.taskKey : '')));
  }

  function waitCell(e) {
    const parts = [];
    if (e.waitedSeconds != null) parts.push(t('took') + ' ' + duration(e.waitedSeconds));
    if (e.due) {
      parts.push(el('br'), t('deadline') + ' ' + time(e.due) + ' ');
      parts.push(e.overdue ? badge(t('overdue'), 'bad') : badge(t('onTime'), 'good'));
    } else if (e.waitedSeconds != null) {
      parts.push(el('br'), badge(t('noDeadline')));
    }
    return el('td', {class: 'time'}, parts);
  }

  function detailsCell(e) {
    const d = e.details;
    if (d == null || (typeof d === 'object' && !Object.keys(d).length)) return el('td', {});
    let summary = '';
    if (e.action === 'LEDGER_ENTRY') summary = named('ledgerTypes', d.type) + ' ' + money(d.amount) + ' ' + (d.fundCode || '');
    else if (e.action === 'DOCUMENT_ISSUED') summary = (d.number || '') + ' ' + (d.type || '');
    else {
      const keys = Object.keys(d).filter(k => d[k] != null);
      if (!keys.length) return el('td', {});
      summary = keys.slice(0, 3).join(', ') + (keys.length > 3 ? '…' : '');
    }
    const body = el('details', {}, el('summary', {}, summary), el('pre', {}, JSON.stringify(d, null, 1)));
    const cell = el('td', {}, body);
    if (e.action === 'DOCUMENT_ISSUED' && d.documentId != null) {
      cell.appendChild(el('a', {href: '/api/documents/' + d.documentId, target: '_blank'}, 'PDF'));
    }
    return cell;
  }

  async function showProject(projectCode) {
    const enc = encodeURIComponent(projectCode);
    replace('project', el('p', {class: 'empty'}, t('loading')));
    const [dossier, timeline, anomalies] = await Promise.all([api('/api/audit/projects/' + enc),
      api('/api/audit/projects/' + enc + '/timeline'), api('/api/audit/anomalies?subject=' + enc)]);
    const p = dossier.project;
    const facts = [[t('code'), p.code], [t('status'), named('statuses', p.status) + ' ' + p.status],
      [t('community'), (p.communityName || '') + ' ' + p.communityCode], [t('category'), lang === 'zh' && p.categoryName ? p.categoryName : p.category],
      [t('amount'), money(p.amount)], [t('fund'), p.fundCode], [t('deliveryMode'), named('modes', p.deliveryMode)],
      [t('author'), (p.authorName || '') + ' ' + p.author], [t('reserved'), money(p.reserved)],
      [t('disbursed'), money(p.disbursed)], [t('grade'), p.grade || '—'], [t('createdAt'), time(p.createdAt)]];
    const card = el('div', {class: 'card'}, el('h2', {}, p.title + ' ', el('small', {}, p.code)),
      el('dl', {}, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));

    const anomalyRows = anomalies.map(a => el('tr', {class: 'bad'}, el('td', {}, a.title, el('br'), code(a.rule)),
      el('td', {}, a.detail), el('td', {class: 'time'}, time(a.detectedAt)), el('td', {}, a.legalSource)));
    const openRows = dossier.openTasks.map(o => el('tr', {class: o.overdue ? 'bad' : ''},
      el('td', {}, lang === 'zh' ? o.name : named('tasks', o.key), ' ', code(o.key)), el('td', {}, o.groups.join(', '), o.assignee ? ' → ' + o.assignee : ''),
      el('td', {class: 'time'}, time(o.created)), el('td', {class: 'time'}, o.due ? time(o.due) : t('noDeadline')),
      el('td', {}, duration(o.waitingSeconds), ' ', o.overdue ? badge(t('overdue'), 'bad') : '',
        o.escalated ? badge(t('escalated'), 'warn') : '')));
    const entryRows = timeline.map(e => el('tr', {class: 'entry' + (e.action === 'RULE_REFUSED' ? ' bad' : ''), 'data-action': e.action},
      el('td', {class: 'num'}, e.seq), el('td', {class: 'time'}, time(e.at)), el('td', {}, person(e.actor, e.actorName)),
      actionCell(e), el('td', {}, e.decision ? [named('decisions', e.decision), ' ', code(e.decision)] : ''),
      el('td', {}, e.comment || ''), waitCell(e), detailsCell(e)));
    const documentRows = dossier.documents.map(d => el('tr', {},
      el('td', {}, el('a', {href: d.url, target: '_blank'}, d.title || d.type)), el('td', {}, d.number),
      el('td', {class: 'num'}, 'v' + d.version), el('td', {class: 'time'}, time(d.issuedAt)),
      el('td', {}, person(d.issuedBy, d.issuedByName)), el('td', {}, code(d.sha256.substring(0, 16) + '…'))));
    const ledgerRows = dossier.ledger.map(l => el('tr', {}, el('td', {class: 'num'}, l.seq), el('td', {class: 'time'}, time(l.at)),
      el('td', {}, named('ledgerTypes', l.type), ' ', code(l.type)), el('td', {class: 'num'}, money(l.amount)),
      el('td', {}, l.fundCode), el('td', {class: 'num'}, l.milestoneSeq ?? ''), el('td', {}, person(l.actor, l.actorName)),
      el('td', {class: 'num'}, money(l.availableAfter))));

    replace('project', el('div', {}, card,
      el('h2', {}, t('anomalies')), table('project-anomalies', [t('rule'), t('detail'), t('detectedAt'), t('legalSource')], anomalyRows, t('noAnomalies')),
      el('h2', {}, t('openTasks')), table('open-tasks', [t('task'), t('groups'), t('created'), t('due'), t('waiting')], openRows, t('noOpenTasks')),
      el('h2', {}, t('timeline') + ' ', el('small', {}, t('timelineHint') + ' · '),
        el('a', {href: '/api/audit/projects/' + enc + '/timeline?format=csv', class: 'csv', id: 'timeline-csv'}, t('csvTimeline'))),
      table('timeline', [t('seq'), t('at'), t('actor'), t('action'), t('decision'), t('comment'), t('waited'), t('details')], entryRows, t('noActivity')),
      el('h2', {}, t('documents')), table('documents', [t('type'), t('number'), t('version'), t('issuedAt'), t('issuedBy'), 'SHA-256'], documentRows, t('noDocuments')),
      el('h2', {}, t('ledgerMoves')), table('project-ledger', [t('seq'), t('at'), t('type'), t('amount'), t('fund'), t('milestone'), t('actor'), t('availableAfter')], ledgerRows, t('noLedger'))));
  }

  // ---- fund ledger ----

  async function showFunds(fundCode) {
    const select = $('fund-code');
    if (!select.options.length) {
      const funds = await api('/api/funds');
      select.replaceChildren(...funds.map(f => el('option', {value: f.code}, f.code + ' ' + f.name)));
    }
    if (fundCode) select.value = fundCode;
    const chosen = select.value;
    if (!chosen) return;
    $('fund-csv').href = '/api/audit/funds/' + encodeURIComponent(chosen) + '/ledger?format=csv';
    const lines = await api('/api/audit/funds/' + encodeURIComponent(chosen) + '/ledger');
    replace('ledger', table('fund-ledger', [t('seq'), t('at'), t('type'), t('amount'), t('code'), t('milestone'), t('actor'),
        t('availableAfter'), t('allocated'), t('netReserved'), t('disbursed'), t('recomputed'), t('consistent')],
      lines.map(l => el('tr', {class: l.consistent ? '' : 'bad'}, el('td', {class: 'num'}, l.seq), el('td', {class: 'time'}, time(l.at)),
        el('td', {}, named('ledgerTypes', l.type)), el('td', {class: 'num'}, money(l.amount)),
        el('td', {}, l.projectCode ? el('a', {href: '#/project/' + encodeURIComponent(l.projectCode)}, l.projectCode) : ''),
        el('td', {class: 'num'}, l.milestoneSeq ?? ''), el('td', {}, person(l.actor, l.actorName)),
        el('td', {class: 'num'}, money(l.availableAfter)), el('td', {class: 'num'}, money(l.allocated)),
        el('td', {class: 'num'}, money(l.reserved)), el('td', {class: 'num'}, money(l.disbursed)),
        el('td', {class: 'num'}, money(l.available)), el('td', {}, l.consistent ? badge(t('yes'), 'good') : badge(t('no'), 'bad')))),
      t('noLedger')));
  }

  // ---- a user's activity ----

  async function showUser(userId) {
    const list = $('user-list');
    if (!list.options.length) {
      const users = await api('/api/audit/users');
      list.replaceChildren(...users.map(u => el('option', {value: u.userId}, u.name)));
    }
    $('user-id').value = userId || '';
    if (!userId) { replace('activity', el('span')); return; }
    const base = '/api/audit/users/' + encodeURIComponent(userId) + '/activity';
    $('user-csv').href = base + '?format=csv';
    const body = el('tbody');
    const more = el('button', {type: 'button', hidden: true}, t('more'));
    async function page(before) {
      const entries = await api(base + '?limit=200' + (before ? '&before=' + before : ''));
      entries.forEach(a => body.appendChild(el('tr', {class: a.action === 'RULE_REFUSED' || a.action === 'LOGIN_FAILED' ? 'bad' : ''},
        el('td', {class: 'num'}, a.seq), el('td', {class: 'time'}, time(a.at)), actionCell(a),
        el('td', {}, a.subjectCode ? el('a', {href: '#/project/' + encodeURIComponent(a.subjectCode)}, a.subjectCode) : ''),
        el('td', {}, a.decision ? [named('decisions', a.decision), ' ', code(a.decision)] : ''),
        el('td', {}, a.comment || ''), detailsCell(a))));
      more.hidden = entries.length < 200;
      more.onclick = () => page(entries[entries.length - 1].seq).catch(showError);
      return entries.length;
    }
    const headers = [t('seq'), t('at'), t('action'), t('subject'), t('decision'), t('comment'), t('details')];
    replace('activity', el('div', {}, el('table', {id: 'user-activity'},
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), body), more));
    if (await page(null) === 0) replace('activity', el('p', {class: 'empty'}, t('noActivity')));
  }

  // ---- anomalies and verification ----

  async function showAnomalies() {
    const [anomalies, rules] = await Promise.all([api('/api/audit/anomalies'), api('/api/audit/anomalies/rules')]);
    replace('anomalies', table('anomaly-list', [t('rule'), t('subject'), t('detail'), t('detectedAt'), t('legalSource')],
      anomalies.map(a => el('tr', {}, el('td', {}, a.title, el('br'), code(a.rule)),
        el('td', {}, a.subject ? el('a', {href: '#/project/' + encodeURIComponent(a.subject)}, a.subject) : ''),
        el('td', {}, a.detail), el('td', {class: 'time'}, time(a.detectedAt)), el('td', {}, a.legalSource))), t('noAnomalies')));
    replace('rules', table('rule-list', [t('rule'), t('legalSource'), t('status'), t('waitsFor')],
      rules.map(r => el('tr', {}, el('td', {}, r.title, el('br'), code(r.rule)), el('td', {}, r.legalSource),
        el('td', {}, r.status === 'LIVE' ? badge(t('live'), 'good') : badge(t('pending'), 'warn')), el('td', {}, r.waitsFor || ''))), ''));
  }

  async function verify() {
    replace('verification', el('p', {class: 'empty'}, t('loading')));
    const v = await api('/api/audit/verify');
    replace('verification', v.ok
      ? el('div', {class: 'card'}, badge(t('ok'), 'good'), ' ', v.entries + ' ' + t('entries'),
          v.lastHash ? [el('br'), t('lastHash') + ': ', code(v.lastHash)] : '')
      : el('div', {class: 'card'}, badge(t('broken'), 'bad'), ' ', t('firstBroken') + ': ' + v.firstBrokenSeq,
          el('br'), v.message || v.problem || '', ' (' + v.entries + ' ' + t('entries') + ')'));
  }

  // ---- routing, language ----

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    $('lang').textContent = lang === 'zh' ? 'English' : '中文';
    document.title = t('title') + ' · Shequ';
    fillStatuses();
  }

  async function route() {
    $('error').hidden = true;
    const hash = location.hash.replace(/^#\/?/, '') || 'projects';
    const [path, query] = hash.split('?');
    const [view, arg] = [path.split('/')[0], decodeURIComponent(path.split('/').slice(1).join('/'))];
    const tab = view === 'project' ? 'projects' : view;
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.tab === tab));
    document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== 'view-' + view; });
    try {
      if (view === 'projects') await showProjects(new URLSearchParams(query || ''));
      else if (view === 'project') await showProject(arg);
      else if (view === 'funds') await showFunds(arg);
      else if (view === 'users') await showUser(arg);
      else if (view === 'anomalies') await showAnomalies();
      else if (view === 'verify') $('verification').replaceChildren();
    } catch (e) {
      showError(e);
    }
  }

  $('search').addEventListener('submit', e => {
    e.preventDefault();
    const target = '#/projects?' + searchQuery();
    if (location.hash === target) route(); else location.hash = target;
  });
  $('fund-form').addEventListener('submit', e => { e.preventDefault(); location.hash = '#/funds/' + encodeURIComponent($('fund-code').value); });
  $('user-form').addEventListener('submit', e => { e.preventDefault(); location.hash = '#/users/' + encodeURIComponent($('user-id').value.trim()); });
  $('verify').addEventListener('click', () => verify().catch(showError));
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('shequ.audit.lang', lang);
    applyLanguage();
    route();
  });
  window.addEventListener('hashchange', route);

  applyLanguage();
  api('/api/me').then(me => {
    $('me').textContent = me.name + ' (' + me.userId + ')';
    if (!me.groups.includes('auditor')) showError(new Error(t('forbidden')));
  }).catch(showError);
  route();
})();
