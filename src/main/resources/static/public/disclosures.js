// The periodic 居务公开 (disclosures.html): one row per community, period and version, newest first.
(async () => {
  const body = document.getElementById('disclosures');
  const cell = text => { const td = document.createElement('td'); td.textContent = text == null ? '' : text; return td; };
  const only = text => { body.innerHTML = ''; const tr = document.createElement('tr'); const td = cell(text); td.colSpan = 6; tr.appendChild(td); body.appendChild(tr); };
  try {
    const community = new URLSearchParams(location.search).get('community');
    const response = await fetch('/public/disclosures' + (community ? '?community=' + encodeURIComponent(community) : ''));
    const list = response.ok ? await response.json() : [];
    if (list.length === 0) { only('尚未发布（每个公开期结束后发布）。'); return; }
    body.innerHTML = '';
    for (const d of list) {
      const tr = document.createElement('tr');
      let version = '第 ' + d.version + ' 版';
      if (d.replacesId) version += '（更正：' + (d.reason || '') + '）';
      if (d.replacedById) version += '（已被更正）';
      const link = document.createElement('td');
      const a = document.createElement('a');
      a.href = '/public/disclosures/' + d.id + '/pdf';
      a.textContent = 'PDF';
      link.appendChild(a);
      tr.append(cell(d.communityName), cell(d.period + '（' + d.periodStart + ' 至 ' + d.periodEnd + '）'), cell(version),
        cell(d.documentNumber), cell((d.issuedAt || '').replace('T', ' ').substring(0, 16)), link);
      body.appendChild(tr);
    }
  } catch (e) {
    only('暂时无法读取，请稍后再试。');
  }
})();
