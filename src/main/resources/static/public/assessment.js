// The assessment of departments (考评): a chart of reviews and payments on time and late, beside its
// table, and the full table with its CSV. Both draw the rows of GET /public/assessment?year=.
const el = id => document.getElementById(id);
const params = new URLSearchParams(location.search);
let chart;

// a figure the year does not have (no graded project, nobody rated) is shown as —
function figure(row, text, cls) { return cell(row, text == null ? '—' : text, cls); }

function draw(rows) {
  if (!window.echarts) return;
  if (!chart) chart = echarts.init(el('chart-timeliness'), null, { renderer: 'canvas', locale: 'ZH' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['按时审核', '逾期审核', '按时拨付', '逾期拨付'] },
    grid: { left: 50, right: 20, bottom: 90 },
    xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      { name: '按时审核', type: 'bar', data: rows.map(r => r.reviewsOnTime) },
      { name: '逾期审核', type: 'bar', data: rows.map(r => r.reviewsOverdue) },
      { name: '按时拨付', type: 'bar', data: rows.map(r => r.paymentsOnTime) },
      { name: '逾期拨付', type: 'bar', data: rows.map(r => r.paymentsLate) }
    ]
  }, true);
  el('chart-timeliness').dataset.rendered = String(rows.length);
}

function show(rows) {
  const timeliness = el('timeliness');
  const detail = el('assessment');
  timeliness.replaceChildren();
  detail.replaceChildren();
  rows.forEach(d => {
    let row = timeliness.insertRow();
    figure(row, d.name); figure(row, d.reviewsOnTime, 'money'); figure(row, d.reviewsOverdue, 'money');
    figure(row, d.paymentsOnTime, 'money'); figure(row, d.paymentsLate, 'money');
    row = detail.insertRow();
    figure(row, d.name); figure(row, d.lateInterest, 'money'); figure(row, d.anomalies, 'money'); figure(row, d.projectsGraded, 'money');
    figure(row, d.averageScore, 'money');
    figure(row, d.respondents ? `${d.satisfied}/${d.respondents}（${d.satisfactionRate}）` : null);
    figure(row, `${d.evaluatedSatisfied}/${d.evaluatedBasicallySatisfied}/${d.evaluatedDissatisfied}`, 'money');
    figure(row, d.evaluatedRate, 'money');
    figure(row, `${d.servicesSatisfied}/${d.servicesBasicallySatisfied}/${d.servicesDissatisfied}`, 'money');
    figure(row, d.servicesRate, 'money');
  });
  draw(rows);
}

function load() {
  const year = el('year').value;
  history.replaceState(null, '', '/public/assessment.html?year=' + year);
  el('csv-assessment').href = '/public/assessment.csv?year=' + year;
  el('json-assessment').href = '/public/assessment?year=' + year;
  el('status').textContent = '正在加载…';
  fetch('/public/assessment?year=' + year).then(r => { if (!r.ok) throw r; return r.json(); }).then(rows => {
    show(rows);
    el('status').textContent = `${year}年度，共 ${rows.length} 个部门。`;
  }).catch(() => { el('status').textContent = '加载失败，请稍后再试'; });
}

const thisYear = new Date().getFullYear();
for (let y = thisYear; y >= thisYear - 4; y--) {
  const o = document.createElement('option');
  o.value = String(y);
  o.textContent = y + '年';
  el('year').appendChild(o);
}
const wanted = params.get('year');
if (wanted && /^\d{4}$/.test(wanted)) {
  if (![...el('year').options].some(o => o.value === wanted)) {
    const o = document.createElement('option');
    o.value = wanted; o.textContent = wanted + '年';
    el('year').appendChild(o);
  }
  el('year').value = wanted;
}
el('year').addEventListener('change', load);
window.addEventListener('resize', () => chart && chart.resize());
load();
