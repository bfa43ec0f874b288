// Budget execution charts of the public site (Apache ECharts from its webjar). Each chart draws the
// rows of the table beside it, so what a screen reader reads and what the chart shows are one data.
window.shequCharts = (function () {
  const charts = {};
  function yuan(value) { return Number(value); }
  function draw(elementId, rows) {
    const element = document.getElementById(elementId);
    if (!window.echarts || !element) return;
    if (!charts[elementId]) charts[elementId] = echarts.init(element, null, { renderer: 'canvas', locale: 'ZH' });
    charts[elementId].setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['预留', '拨付', '退回'] },
      grid: { left: 80, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(r => r.label), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', name: '元' },
      series: [
        { name: '预留', type: 'bar', data: rows.map(r => yuan(r.reserved)) },
        { name: '拨付', type: 'bar', data: rows.map(r => yuan(r.disbursed)) },
        { name: '退回', type: 'bar', data: rows.map(r => yuan(r.released)) }
      ]
    }, true);
    element.dataset.rendered = String(rows.length);
  }
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  return { draw };
})();
