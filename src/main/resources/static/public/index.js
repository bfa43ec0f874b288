const grades = { EXCELLENT: '优', GOOD: '良', FAIR: '中', POOR: '差' };
const statuses = { IN_DELIVERY: '实施中', IN_PROCUREMENT: '采购中', AWAITING_FINAL_ACCEPTANCE: '待终期验收',
  IN_AUDIT: '审计中', RECTIFYING: '整改中', CLOSED: '已结项' };
function cell(row, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : text;
  if (cls) td.className = cls;
  row.appendChild(td);
}
fetch('/public/projects').then(r => r.json()).then(projects => {
  const body = document.getElementById('projects');
  body.innerHTML = '';
  if (projects.length === 0) {
    const row = body.insertRow();
    cell(row, '暂无公开的项目');
    row.firstChild.colSpan = 9;
  }
  for (const p of projects) {
    const row = body.insertRow();
    cell(row, p.code);
    cell(row, p.title);
    cell(row, p.community);
    cell(row, p.approvedAmount, 'money');
    cell(row, p.disbursed, 'money');
    cell(row, (p.payments || []).map(x => `第${x.milestoneSeq}期 ${x.milestone} ${x.amount} 元（${x.paidOn}）`).join('；'));
    cell(row, p.grade ? grades[p.grade] + '（' + p.grade + '）' : '');
    cell(row, p.respondents ? `${p.satisfied}/${p.respondents}` : '');
    cell(row, statuses[p.status] || p.status);
  }
}).catch(() => { document.getElementById('projects').innerHTML = '<tr><td colspan="9">加载失败，请稍后再试</td></tr>'; });
