/*
 * The pipeline's charts: the funnel by stage (board), investment by track and the city map (city view).
 * The data and every word come from the page (window.lantu*, data-text-*), already in its language; the
 * tables beside each chart say the same without script.
 */
(function () {
  'use strict';

  if (!window.echarts) {
    return;
  }
  var BLUE = '#0b4f9c';
  var SCALE = ['#dcebf8', '#0b4f9c'];

  function escape(s) {
    return echarts.format.encodeHTML(s == null ? '' : String(s));
  }

  /** Horizontal bars, first category at the top, each labelled with its words. */
  function bars(el, data) {
    if (!el || !data || !data.categories || !data.categories.length) {
      return;
    }
    el.style.height = Math.max(200, data.categories.length * 34 + 30) + 'px';
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 150, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return '<strong>' + escape(p.name) + '</strong><br>' + escape(data.labels[p.dataIndex]);
        }
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category', inverse: true, data: data.categories,
        axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: '#1d2430', fontSize: 13 }
      },
      series: [{
        type: 'bar',
        data: data.values,
        barMaxWidth: 22,
        itemStyle: { color: BLUE, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true, position: 'right', color: '#1d2430', fontSize: 12,
          formatter: function (p) { return data.labels[p.dataIndex]; }
        }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  window.lantuFunnelChart = bars(document.getElementById('funnel-chart'), window.lantuFunnel);
  window.lantuTrackBars = bars(document.getElementById('track-chart'), window.lantuTrackChart);

  var el = document.getElementById('city-map');
  var values = window.lantuCityMap;
  if (!el || !values) {
    return;
  }
  var text = el.dataset;
  var chart = echarts.init(el, null, { renderer: 'svg' });
  window.lantuCity = chart;
  chart.showLoading({ text: text.textLoading, color: BLUE });
  window.lantuDistricts.register(text.boundaries, 'lantu-city').then(function (geo) {
    var byCode = {};
    values.districts.forEach(function (d) { byCode[d.code] = d; });
    var data = geo.features.map(function (f) {
      var d = byCode[f.properties.code];
      return { name: f.properties.name, value: d ? Number(d.value) : 0, district: d };
    });
    var max = Math.max.apply(null, data.map(function (d) { return d.value; }).concat([1]));
    chart.hideLoading();
    chart.on('finished', function () {
      el.dataset.districts = String(chart.getOption().series[0].data.length);
    });
    chart.on('click', function (p) {
      if (p.data && p.data.district) {
        window.location.href = text.profileUrl + encodeURIComponent(p.data.district.code) + '/profile';
      }
    });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var d = p.data && p.data.district;
          if (!d) {
            return escape(p.name);
          }
          return '<strong>' + escape(d.name) + '</strong><br>' + d.lines.map(escape).join('<br>')
            + '<br><small>' + escape(text.textClick) + '</small>';
        }
      },
      visualMap: {
        type: 'continuous', min: 0, max: max, left: 16, bottom: 16, calculable: false,
        text: [text.textMore, text.textFewer], inRange: { color: SCALE }, textStyle: { color: '#333' }
      },
      series: [{
        type: 'map',
        map: 'lantu-city',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.2 },
        emphasis: { label: { color: '#111' }, itemStyle: { areaColor: '#f2b441' } },
        label: {
          show: true, color: '#1b1b1b', fontSize: 12,
          formatter: function (p) {
            var d = p.data && p.data.district;
            return d ? d.name + '\n' + d.label : p.name;
          }
        },
        labelLayout: { hideOverlap: true },
        data: data
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }).catch(function (error) {
    chart.hideLoading();
    el.dataset.error = String(error);
    el.classList.add('map-failed');
    el.textContent = text.textError;
  });
})();
