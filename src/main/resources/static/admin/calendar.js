// 工作日历管理 (admin): lists the years, shows a year's days, loads an official arrangement.
// Every message shown is Chinese; the API's JSON is never shown as such (docs/calendar.md).
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);

  async function getJson(path) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(await problem(response));
    }
    return response.json();
  }

  /** A Chinese sentence for a refused request: the API's message up to " / " (its English half). */
  async function problem(response) {
    if (response.status === 401) {
      return '登录已失效，请重新登录。';
    }
    if (response.status === 403) {
      return '只有系统管理员可以管理工作日历。';
    }
    try {
      const body = await response.json();
      const fields = body.fields ? Object.values(body.fields) : [];
      const text = fields.length > 0 ? fields[0] : body.message;
      if (text) {
        return chinese(text);
      }
    } catch (ignored) {
      // not JSON: fall through
    }
    return '操作失败（HTTP ' + response.status + '），请稍后重试。';
  }

  function chinese(text) {
    const slash = text.indexOf(' / ');
    return slash > 0 ? text.substring(0, slash) : text;
  }

  function say(text, error) {
    const message = $('message');
    message.textContent = text;
    message.classList.toggle('error', Boolean(error));
    message.hidden = false;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  async function showYears() {
    const calendar = await getJson('/api/admin/calendar');
    const banner = $('banner');
    banner.hidden = !calendar.nextYearMissing;
    banner.textContent = calendar.banner || '';
    const body = document.querySelector('#years tbody');
    body.replaceChildren();
    for (const year of calendar.years) {
      const row = document.createElement('tr');
      cell(row, year.year + ' 年');
      cell(row, year.provisional ? '暂定（未载入官方安排）' : (year.shipped ? '官方（随系统发布）' : '官方（管理员载入）'),
          year.provisional ? 'provisional' : null);
      cell(row, year.source);
      cell(row, year.loadedBy);
      cell(row, year.loadedAt ? year.loadedAt.replace('T', ' ') : '');
      const actions = cell(row, '');
      const show = document.createElement('button');
      show.type = 'button';
      show.textContent = '查看日期';
      show.addEventListener('click', () => showDays(year.year).catch((e) => say(e.message, true)));
      actions.appendChild(show);
      body.appendChild(row);
    }
    if (!$('year').value) {
      const missing = calendar.years.find((y) => y.provisional && y.year > Number(calendar.today.substring(0, 4)) - 1);
      if (missing) {
        $('year').value = missing.year;
      }
    }
  }

  const KINDS = {HOLIDAY: '放假', WORKDAY: '调休上班'};

  async function showDays(year) {
    const days = await getJson('/api/admin/calendar/' + year);
    $('days-title').textContent = year + ' 年' + (days.provisional ? '（暂定）' : '（官方）') + '的放假和调休日期';
    const list = $('days');
    list.replaceChildren();
    for (const line of days.days) {
      const [date, kind, ...name] = line.split(' ');
      const item = document.createElement('li');
      item.textContent = date + ' ' + (KINDS[kind] || kind) + ' ' + name.join(' ');
      list.appendChild(item);
    }
    $('days-section').hidden = false;
  }

  async function load(event) {
    event.preventDefault();
    const year = $('year').value.trim();
    if (!/^\d{4}$/.test(year)) {
      say('请填写四位数字的年度，例如 2027。', true);
      return;
    }
    try {
      const csrf = await getJson('/api/admin/calendar/csrf');
      const headers = {'Content-Type': 'text/plain;charset=UTF-8', Accept: 'application/json'};
      headers[csrf.headerName] = csrf.token;
      const response = await fetch('/api/admin/calendar/' + year, {
        method: 'PUT', credentials: 'same-origin', headers: headers, body: $('arrangement').value
      });
      if (!response.ok) {
        say('未载入：' + await problem(response), true);
        return;
      }
      const result = await response.json();
      say('已载入 ' + result.year + ' 年官方安排（放假 ' + result.holidays + ' 天，调休上班 ' + result.workdays + ' 天）；'
          + (result.moved.length === 0 ? '没有需要调整的期限。' : '已按官方安排重新计算 ' + result.moved.length + ' 个期限，均已记入审计日志。'));
      await showYears();
      await showDays(result.year);
    } catch (e) {
      say(e.message || '操作失败，请稍后重试。', true);
    }
  }

  $('load').addEventListener('submit', load);
  showYears().catch((e) => say(e.message, true));
}());
