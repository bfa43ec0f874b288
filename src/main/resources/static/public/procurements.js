const methods = { OPEN_TENDER: '公开招标', COMPETITIVE_CONSULTATION: '竞争性磋商', COMPETITIVE_NEGOTIATION: '竞争性谈判',
  SINGLE_SOURCE: '单一来源', SMALL_PURCHASE: '小额采购' };
const time = t => t ? t.replace('T', ' ').substring(0, 16) : '';
fetch('/public/procurements').then(r => r.json()).then(list => {
  const body = document.getElementById('procurements');
  body.innerHTML = '';
  if (list.length === 0) {
    const row = body.insertRow();
    cell(row, '暂无采购公告');
    row.firstChild.colSpan = 10;
  }
  for (const p of list) {
    const row = body.insertRow();
    const code = document.createElement('td');
    const link = document.createElement('a');
    link.href = '/public/purchases/' + encodeURIComponent(p.code);
    link.textContent = p.code;
    code.appendChild(link);
    row.appendChild(code);
    cell(row, p.title);
    cell(row, p.purchaser);
    cell(row, p.budget, 'money');
    cell(row, methods[p.method] || p.method);
    cell(row, p.noticePublishedOn);
    cell(row, time(p.bidDeadline));
    cell(row, p.award ? `${p.award.provider} ${yuan(p.award.price)} 元（${p.award.noticeOn}）` : '');
    cell(row, time(p.challengeDeadline));
    cell(row, p.contract ? `${p.contract.code}，${yuan(p.contract.amount)} 元，签订 ${p.contract.signedOn}，公告 ${p.contract.publishedOn}` : '');
  }
}).catch(() => { document.getElementById('procurements').innerHTML = '<tr><td colspan="10">加载失败，请稍后再试</td></tr>'; });
