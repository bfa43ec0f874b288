// The workbench's only script (no inline scripts: CSP script-src 'self'). It adds no rule: the sums
// shown while typing are a convenience; the server checks them again with the API's rules.
(function () {
  'use strict';

  // htmx requests carry Spring Security's CSRF token, read from the page's meta tags
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });

  function cents(text) {
    var t = (text || '').replace(/,/g, '').trim();
    if (!/^\d+(\.\d{1,2})?$/.test(t)) { return null; }
    var parts = t.split('.');
    return parseInt(parts[0], 10) * 100 + (parts[1] ? parseInt((parts[1] + '0').slice(0, 2), 10) : 0);
  }

  function yuan(c) {
    var s = String(Math.floor(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return s + '.' + String(c % 100 + 100).slice(1);
  }

  function check() {
    var form = document.getElementById('proposal');
    if (!form) { return; }
    var amount = cents(document.getElementById('amount').value);
    var sum = 0, bad = false;
    form.querySelectorAll('.line-amount').forEach(function (input) {
      if (input.value.trim() === '') { return; }
      var c = cents(input.value);
      if (c === null) { bad = true; input.classList.add('invalid'); } else { sum += c; input.classList.remove('invalid'); }
    });
    document.getElementById('budget-sum').textContent = yuan(sum);
    var budget = document.getElementById('budget-check');
    if (bad) {
      budget.textContent = '有金额不是有效数字（最多两位小数）。';
    } else if (amount !== null && sum !== amount) {
      budget.textContent = '预算明细合计 ' + yuan(sum) + ' 元，与项目金额 ' + yuan(amount) + ' 元不一致。';
    } else {
      budget.textContent = amount !== null ? '预算明细合计与项目金额一致。' : '';
    }
    budget.classList.toggle('bad', bad || (amount !== null && sum !== amount));
    var percent = 0;
    form.querySelectorAll('.milestone-percent').forEach(function (input) {
      var v = input.value.trim();
      if (/^\d+$/.test(v)) { percent += parseInt(v, 10); }
    });
    document.getElementById('plan-sum').textContent = String(percent);
    var plan = document.getElementById('plan-check');
    plan.textContent = percent === 100 ? '里程碑比例合计 100%。' : '里程碑比例合计 ' + percent + '%，须为 100%。';
    plan.classList.toggle('bad', percent !== 100);
  }

  document.addEventListener('input', function (event) {
    if (event.target.closest('#proposal')) { check(); }
  });

  document.addEventListener('click', function (event) {
    var add = event.target.closest('.add-row');
    if (add) {
      var body = document.querySelector('#' + add.getAttribute('data-table') + ' tbody');
      var last = body.querySelector('tr.row-line:last-child');
      var copy = last.cloneNode(true);
      copy.querySelectorAll('input').forEach(function (input) { input.value = ''; input.classList.remove('invalid'); });
      copy.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
      body.appendChild(copy);
      copy.querySelector('input').focus();
      check();
      return;
    }
    var remove = event.target.closest('.remove-row');
    if (remove) {
      var row = remove.closest('tr');
      if (row.parentNode.querySelectorAll('tr.row-line').length > 1) {
        row.remove();
      } else {
        row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      }
      check();
    }
  });

  // a second click while the first submission is on its way sends nothing (the server also ignores a repeat)
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { event.preventDefault(); return; }
    if (!form.classList.contains('once')) { return; }
    if (form.dataset.sent === 'yes') { event.preventDefault(); return; }
    form.dataset.sent = 'yes';
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // the native file picker speaks the browser's language ("Choose File"): it is hidden behind a Chinese label
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains('wb-file-input')) {
      return;
    }
    var shown = input.parentNode.querySelector('.wb-file-name');
    if (shown) {
      shown.textContent = input.files && input.files.length ? Array.prototype.map.call(input.files, function (f) { return f.name; }).join('、') : '未选择文件';
    }
  });

  document.addEventListener('DOMContentLoaded', check);
})();
