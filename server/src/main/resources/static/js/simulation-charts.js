/*
 * The budget simulation's charts: the cost by district and by track as horizontal bars. The data and every
 * word come from the page (window.lantuDistrictCosts, window.lantuTrackCosts), already in its language; the
 * tables beside the charts say the same without script.
 */
(function () {
  'use strict';

  if (!window.echarts) {
    return;
  }

  function bars(el, data) {
    if (!el || !data || !data.categories || !data.categories.length) {
      return null;
    }
    el.style.height = Math.max(160, data.categories.length * 30 + 30) + 'px';
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 130, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category', inverse: true, data: data.categories,
        axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: '#1d2430', fontSize: 13 }
      },
      series: [{
        type: 'bar', data: data.values, barMaxWidth: 20,
        itemStyle: { color: '#0b4f9c', borderRadius: [0, 3, 3, 0] },
        label: {
          show: true, position: 'right', color: '#1d2430', fontSize: 12,
          formatter: function (p) { return data.labels[p.dataIndex]; }
        }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  window.lantuDistrictChart = bars(document.getElementById('district-chart'), window.lantuDistrictCosts);
  window.lantuTrackChart = bars(document.getElementById('track-chart'), window.lantuTrackCosts);
}());
