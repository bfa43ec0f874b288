// 账户管理: lists the accounts with their login waits; an administrator lifts a wait (POST /api/admin/users/{id}/unlock).
(function () {
  'use strict';
  const status = document.getElementById('status');
  const body = document.querySelector('#accounts tbody');
  let csrf = null;

  function say(text, bad) {
    status.textContent = text;
    status.className = bad ? 'error' : '';
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function load() {
    return fetch('/api/admin/users', {credentials: 'same-origin'})
      .then(r => r.ok ? r.json() : Promise.reject(r))
      .then(accounts => {
        body.textContent = '';
        accounts.forEach(a => {
          const row = document.createElement('tr');
          row.dataset.user = a.userId;
          if (a.waitSeconds > 0 || a.failedLogins > 0) row.className = 'waiting';
          cell(row, a.userId);
          cell(row, a.name);
          cell(row, (a.groups || []).join('、'));
          cell(row, a.failedLogins);
          cell(row, a.waitSeconds);
          const action = cell(row, '');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = '解除锁定';
          button.className = 'unlock';
          button.addEventListener('click', () => unlock(a.userId));
          action.appendChild(button);
          body.appendChild(row);
        });
      })
      .catch(() => say('账户列表加载失败，请刷新页面或重新登录。', true));
  }

  function unlock(userId) {
    fetch('/api/admin/users/' + encodeURIComponent(userId) + '/unlock', {
      method: 'POST', credentials: 'same-origin', headers: {[csrf.headerName]: csrf.token}
    }).then(r => r.json().then(j => ({ok: r.ok, body: j})))
      .then(res => {
        if (res.ok) {
          say('已解除账户 ' + userId + ' 的锁定，可立即重新登录。');
          load();
        } else {
          say(res.body.message || '解除失败', true);
        }
      })
      .catch(() => say('解除失败，请稍后再试。', true));
  }

  fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json()).then(t => { csrf = t; }).then(load);
})();
