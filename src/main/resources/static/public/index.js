// The residents' entry: choose street and community, then its projects, accounts and charts.
const grades = { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' };
const statuses = { DRAFT: '草拟', AWAITING_MEETING: '待居民会议', IN_REVIEW: '审核中', RETURNED: '退回修改',
  AWAITING_FINANCE: '待财政审核', IN_PROCUREMENT: '采购中', IN_DELIVERY: '实施中', AWAITING_FINAL_ACCEPTANCE: '待终期验收',
  IN_AUDIT: '审计中', RECTIFYING: '整改中', CLOSED: '已结项', REJECTED: '未批准', REJECTED_BY_RESIDENTS: '居民会议未通过',
  WITHDRAWN: '已撤回', PURCHASE_FAILED: '采购未成功' };
const types = { ALLOCATE: '拨入', RESERVE: '预留', DISBURSE: '拨付', RELEASE: '退回' };
const params = new URLSearchParams(location.search);
const el = id => document.getElementById(id);
let communities = [];

function fill(bodyId, rows, columns, empty) {
  const body = el(bodyId);
  body.replaceChildren();
  if (rows.length === 0) {
    const row = body.insertRow();
    cell(row, empty).colSpan = columns;
    return;
  }
  return body;
}
function option(select, value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  select.appendChild(o);
}
function query() { return '?year=' + encodeURIComponent(el('year').value); }
function csv(id, table) {
  el(id).href = '/public/communities/' + el('community').value + '/accounts/' + table + '.csv' + query();
}

function chooseStreet() {
  const street = el('street').value;
  const select = el('community');
  select.replaceChildren();
  communities.filter(c => c.streetCode === street).forEach(c => option(select, c.code, c.name));
}

function showProjects(all, community) {
  const mine = all.filter(p => p.communityCode === community);
  const body = fill('projects', mine, 9, '本社区暂无公开的项目');
  if (!body) return;
  for (const p of mine) {
    const row = body.insertRow();
    cell(row, p.code);
    cell(row, p.title);
    cell(row, p.categoryName || p.category);
    cell(row, statuses[p.status] || p.status, 'nowrap');
    cell(row, p.approvedAmount, 'money');
    cell(row, p.disbursed, 'money');
    cell(row, (p.payments || []).map(x => `第${x.milestoneSeq}期 ${x.milestone} ${yuan(x.amount)} 元（${x.paidOn}）`).join('；'));
    cell(row, p.grade ? grades[p.grade] : '');
    cell(row, p.respondents ? `${p.satisfied}/${p.respondents}（${Math.round(100 * p.satisfied / p.respondents)}%）` : '');
  }
}

function showAccounts(a) {
  el('period').textContent = `${a.from} 至 ${a.to}`;
  const summary = el('summary');
  summary.replaceChildren();
  [['收入：为本社区项目预留', a.received.reservedForProjects], ['收入：居民筹资', a.received.raisedFromResidents],
   ['收入合计', a.received.total], ['支出：拨付', a.spent.disbursed], ['退回资金', a.released],
   ['期末已预留未支付', a.reservedNotPaid]].forEach(([label, amount]) => {
    const row = summary.insertRow();
    cell(row, label);
    cell(row, amount, 'money');
  });
  const ok = a.reconciliation.balanced;
  el('reconciled').textContent = ok ? '对账结果：收支账与资金总账逐项相符（精确到分）。'
    : '对账结果：存在不符项，见下方对账表。';
  el('reconciled').className = ok ? 'good' : 'bad';

  let body = fill('payments', a.spent.payments, 6, '本期无拨付');
  if (body) a.spent.payments.forEach(p => {
    const row = body.insertRow();
    cell(row, p.projectCode); cell(row, p.projectTitle);
    cell(row, `第${p.milestoneSeq}期 ${p.milestone || ''}`); cell(row, p.amount, 'money');
    cell(row, p.paidOn); cell(row, p.fundCode);
  });
  body = fill('project-accounts', a.projects, 8, '本期无资金变动的项目');
  if (body) a.projects.forEach(p => {
    const row = body.insertRow();
    cell(row, p.code); cell(row, p.title); cell(row, p.categoryName);
    cell(row, p.approved, 'money'); cell(row, p.reserved, 'money'); cell(row, p.disbursed, 'money');
    cell(row, p.released, 'money'); cell(row, p.reservedNotPaid, 'money');
  });
  body = fill('raised', a.raisedFunds, 8, '本社区暂无居民筹资');
  if (body) a.raisedFunds.forEach(f => {
    const row = body.insertRow();
    cell(row, f.fundCode); cell(row, f.purpose); cell(row, f.decidedOn);
    cell(row, f.decided, 'money'); cell(row, f.raised, 'money'); cell(row, f.reserved, 'money');
    cell(row, f.disbursed, 'money'); cell(row, f.available, 'money');
  });
  body = fill('reconciliation', a.reconciliation.checks, 5, '无核对项');
  if (body) a.reconciliation.checks.forEach(c => {
    const row = body.insertRow();
    cell(row, c.label); cell(row, c.accounts, 'money'); cell(row, c.ledger, 'money'); cell(row, c.difference, 'money');
    cell(row, c.agrees ? '相符' : '不符', c.agrees ? 'good' : 'bad');
  });
  execution('categories', a.byCategory, '本期无预算执行');
  execution('quarters', a.byQuarter, '本期无预算执行');
  window.shequCharts.draw('chart-category', a.byCategory);
  window.shequCharts.draw('chart-quarter', a.byQuarter);
}

const meetingKinds = { RESIDENTS_MEETING: '居民会议', REPRESENTATIVES_MEETING: '居民代表会议' };
function showEvaluations(evaluations) {
  const rows = evaluations.flatMap(e => e.ratings.map(r => [e, r]));
  const body = fill('evaluations', rows, 8, '本年度暂无民主评议');
  if (body) rows.forEach(([e, r]) => {
    const row = body.insertRow();
    cell(row, e.heldOn); cell(row, meetingKinds[e.kind] || e.kind); cell(row, `${e.present}/${e.eligible}`);
    cell(row, r.subjectName); cell(row, r.satisfied, 'money'); cell(row, r.basicallySatisfied, 'money');
    cell(row, r.dissatisfied, 'money'); cell(row, r.satisfactionRate || '—', 'money');
  });
}

function execution(bodyId, rows, empty) {
  const body = fill(bodyId, rows, 4, empty);
  if (body) rows.forEach(r => {
    const row = body.insertRow();
    cell(row, r.label); cell(row, r.reserved, 'money'); cell(row, r.disbursed, 'money'); cell(row, r.released, 'money');
  });
}

function load() {
  const code = el('community').value;
  const community = communities.find(c => c.code === code);
  if (!community) return;
  history.replaceState(null, '', '/public/?community=' + code + '&year=' + el('year').value);
  el('community-title').textContent = `${community.streetName} · ${community.name}（${el('year').value}年度）`;
  el('status').textContent = '正在加载…';
  ['summary', 'payments', 'projects', 'categories', 'quarters', 'raised', 'reconciliation', 'lines'].forEach(t =>
    csv('csv-' + t, t));
  csv('csv-projects-accounts', 'projects');
  el('csv-projects').href = '/public/projects.csv?communityCode=' + code;
  el('csv-evaluations').href = '/public/communities/' + code + '/democratic-evaluations.csv' + query();
  el('json-accounts').href = '/public/communities/' + code + '/accounts' + query();
  el('ocds-year').href = '/public/ocds?year=' + el('year').value;
  Promise.all([
    fetch('/public/projects').then(r => { if (!r.ok) throw r; return r.json(); }),
    fetch('/public/communities/' + code + '/accounts' + query()).then(r => { if (!r.ok) throw r; return r.json(); }),
    fetch('/public/communities/' + code + '/democratic-evaluations' + query()).then(r => { if (!r.ok) throw r; return r.json(); })
  ]).then(([projects, accounts, evaluations]) => {
    el('community-view').hidden = false;
    showProjects(projects, code);
    showAccounts(accounts);
    showEvaluations(evaluations);
    el('status').textContent = '';
  }).catch(() => { el('status').textContent = '加载失败，请稍后再试'; });
}

fetch('/public/communities').then(r => r.json()).then(list => {
  communities = list;
  const streets = el('street');
  const seen = new Set();
  list.forEach(c => { if (!seen.has(c.streetCode)) { seen.add(c.streetCode); option(streets, c.streetCode, c.streetName); } });
  const thisYear = new Date().getFullYear();
  for (let y = thisYear + 1; y >= thisYear - 3; y--) option(el('year'), String(y), y + '年');
  const wanted = list.find(c => c.code === params.get('community')) || list[0];
  el('year').value = params.get('year') && /^\d{4}$/.test(params.get('year')) ? params.get('year') : String(thisYear);
  if (!el('year').value) { option(el('year'), params.get('year'), params.get('year') + '年'); el('year').value = params.get('year'); }
  if (wanted) {
    streets.value = wanted.streetCode;
    chooseStreet();
    el('community').value = wanted.code;
    load();
  } else {
    el('status').textContent = '暂无社区';
  }
  streets.addEventListener('change', () => { chooseStreet(); load(); });
  el('community').addEventListener('change', load);
  el('year').addEventListener('change', load);
}).catch(() => { el('status').textContent = '加载失败，请稍后再试'; });
