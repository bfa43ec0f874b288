const result = document.getElementById('result');
function show(valid, data, sha) {
  result.innerHTML = '';
  const h = document.createElement('h2');
  h.className = valid ? 'valid' : 'invalid';
  h.textContent = valid ? (data.superseded ? '真实文件（已被更正版本取代）' : '真实文件') : '未找到该文件：可能不是本系统签发，或已被改动';
  result.appendChild(h);
  if (!valid) return;
  const dl = document.createElement('dl');
  for (const [label, value] of [['文件类型', data.title], ['文号', data.number], ['版本', data.version],
      ['签发时间', data.issuedAt], ['核验依据', data.matched === 'file' ? 'PDF 文件指纹' : '页脚文件指纹'], ['指纹', sha]]) {
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = value == null ? '' : value;
    dl.append(dt, dd);
  }
  result.appendChild(dl);
}
async function verify(sha) {
  sha = sha.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha)) { result.innerHTML = '<p class="invalid">文件指纹应为64位十六进制字符。</p>'; return; }
  const response = await fetch('/public/verify/' + sha);
  const data = await response.json();
  show(response.ok && data.valid, data, sha);
}
document.getElementById('by-print').addEventListener('submit', e => { e.preventDefault(); verify(document.getElementById('sha').value); });
document.getElementById('file').addEventListener('change', async e => {
  const file = e.target.files[0];
  if (!file) return;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  verify(Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join(''));
});
const fromLink = new URLSearchParams(location.search).get('sha256');
if (fromLink) { document.getElementById('sha').value = fromLink; verify(fromLink); }
