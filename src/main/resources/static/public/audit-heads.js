// The published audit chain heads (audit-heads.html): one row a day, newest first.
(async () => {
  const body = document.getElementById('heads');
  const cell = (text, code) => {
    const td = document.createElement('td');
    if (code) { const c = document.createElement('code'); c.textContent = text; td.appendChild(c); } else { td.textContent = text; }
    return td;
  };
  try {
    const response = await fetch('/public/audit-heads');
    const heads = response.ok ? await response.json() : [];
    body.innerHTML = '';
    if (heads.length === 0) {
      const tr = document.createElement('tr');
      const td = cell('尚未公布（每天结束后公布前一天的链尾）。');
      td.colSpan = 5; tr.appendChild(td); body.appendChild(tr);
    }
    for (const h of heads) {
      const tr = document.createElement('tr');
      const link = document.createElement('td');
      const a = document.createElement('a');
      a.href = '/public/audit-heads/' + encodeURIComponent(h.date) + '.head';
      a.textContent = h.date + '.head';
      link.appendChild(a);
      tr.append(cell(h.date), cell(String(h.seq)), cell(h.hash, true), cell(h.publishedAt), link);
      body.appendChild(tr);
    }
    const keys = [...new Set(heads.map(h => h.publicKey))];
    document.getElementById('key').textContent = keys.length ? keys.join('；') : '—';
  } catch (e) {
    body.innerHTML = '';
    const tr = document.createElement('tr');
    const td = cell('暂时无法读取，请稍后再试。');
    td.colSpan = 5; tr.appendChild(td); body.appendChild(tr);
  }
})();
