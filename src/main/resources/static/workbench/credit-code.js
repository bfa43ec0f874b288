// 统一社会信用代码 checked as typed (GB 32100-2015): 18 characters of 0-9 and A-Z without I, O, Z, S, V;
// the 18th is 31 - (Σ value × 3^i mod 31) mod 31. A convenience only: the server checks again (CreditCode).
(function () {
  'use strict';
  var ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  function problem(code) {
    if (code.length !== 18) { return '统一社会信用代码应为18位，已输入 ' + code.length + ' 位'; }
    var sum = 0;
    for (var i = 0; i < 18; i++) {
      var v = ALPHABET.indexOf(code.charAt(i));
      if (v < 0) { return '统一社会信用代码第' + (i + 1) + '位字符无效（不含 I、O、Z、S、V）'; }
      if (i < 17) { sum += v * WEIGHTS[i]; }
    }
    var check = 31 - sum % 31;
    if (ALPHABET.charAt(check === 31 ? 0 : check) !== code.charAt(17)) { return '统一社会信用代码校验位错误（GB 32100-2015）'; }
    return null;
  }

  function show(input) {
    var out = document.getElementById('credit-code-check');
    var code = input.value.trim().toUpperCase();
    if (code === '') { out.textContent = '18 位，按 GB 32100-2015 校验第 18 位校验码。'; out.classList.remove('bad'); return; }
    var p = problem(code);
    out.textContent = p === null ? '校验通过。' : p;
    out.classList.toggle('bad', p !== null);
    input.classList.toggle('invalid', p !== null);
  }

  document.addEventListener('input', function (event) {
    if (event.target.classList && event.target.classList.contains('credit-code')) { show(event.target); }
  });
  // a form sent back refused: the code typed is checked again as the page opens
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input.credit-code').forEach(function (input) { if (input.value) { show(input); } });
  });
})();
