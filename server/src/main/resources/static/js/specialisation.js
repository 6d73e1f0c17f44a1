/*
 * Specialisation: a heatmap of location quotients (districts × tracks; strong tracks outlined) and a map of one
 * track's LQ by district. Data and words come from the page (window.lantuSpecialisation, data-text-*); the
 * table below says the same without script. Unknown LQ is grey, never 0.
 */
(function () {
  'use strict';

  var data = window.lantuSpecialisation;
  if (!window.echarts || !data) {
    return;
  }
  var SCALE = ['#f4f7fb', '#9cc3e6', '#0b4f9c'];
  var UNKNOWN = '#c9ccd1';

  function escape(s) {
    return echarts.format.encodeHTML(s == null ? '' : String(s));
  }

  function format(template, values) {
    return String(template).replace(/\{(\d+)\}/g, function (match, i) {
      return values[i] === undefined ? match : values[i];
    });
  }

  var heat = document.getElementById('lq-heatmap');
  if (heat) {
    var text = heat.dataset;
    heat.style.height = Math.max(320, data.districts.length * 34 + 190) + 'px';
    var chart = echarts.init(heat, null, { renderer: 'svg' });
    window.lantuHeatmap = chart;
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        formatter: function (p) {
          var c = p.data;
          var lq = c[2] == null ? text.textUnknown : c[2];
          return '<strong>' + escape(data.districts[c[1]]) + ' · ' + escape(data.tracks[c[0]]) + '</strong><br>'
            + escape(format(text.textLq, [lq])) + '<br>' + escape(format(text.textValue, [c[3]]))
            + (c[4] ? '<br><strong>' + escape(text.textStrong) + '</strong>' : '');
        }
      },
      xAxis: { type: 'category', data: data.tracks, axisLabel: { rotate: 50, fontSize: 11, interval: 0 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: data.districts, inverse: true, axisLabel: { fontSize: 12 }, splitArea: { show: true } },
      visualMap: {
        type: 'continuous', min: 0, max: data.max, dimension: 2, orient: 'horizontal', left: 'center', bottom: 0,
        show: false, inRange: { color: SCALE }
      },
      series: [{
        type: 'heatmap',
        data: data.cells.map(function (c) {
          var item = { value: c };
          if (c[2] == null) {
            item.visualMap = false;
            item.itemStyle = { color: UNKNOWN };
          }
          if (c[4]) {
            item.itemStyle = Object.assign({}, item.itemStyle, { borderColor: '#d9480f', borderWidth: 2 });
          }
          return item;
        }),
        label: {
          show: true, fontSize: 10,
          formatter: function (p) { return p.data.value[2] == null ? '?' : p.data.value[2]; }
        }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var el = document.getElementById('lq-map');
  if (!el || !window.lantuDistricts) {
    return;
  }
  var mapText = el.dataset;
  var map = echarts.init(el, null, { renderer: 'svg' });
  window.lantuLqMap = map;
  map.showLoading({ text: mapText.textLoading, color: SCALE[2] });
  window.lantuDistricts.register(mapText.boundaries, 'lantu-specialisation').then(function (geo) {
    var items = geo.features.map(function (f) {
      var cell = data.map[f.properties.code];
      var item = { name: f.properties.name, value: cell && cell[0] != null ? cell[0] : NaN, cell: cell };
      if (!cell || cell[0] == null) {
        item.visualMap = false;
        item.itemStyle = { areaColor: UNKNOWN };
      }
      return item;
    });
    map.hideLoading();
    map.on('finished', function () {
      el.dataset.districts = String(map.getOption().series[0].data.length);
    });
    map.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          var c = p.data && p.data.cell;
          if (!c) {
            return escape(p.name);
          }
          return '<strong>' + escape(c[3]) + '</strong><br>' + escape(format(mapText.textLq, [c[0] == null ? mapText.textUnknown : c[0]]))
            + '<br>' + escape(format(mapText.textValue, [c[1]])) + (c[2] ? '<br><strong>' + escape(mapText.textStrong) + '</strong>' : '');
        }
      },
      visualMap: {
        type: 'continuous', min: 0, max: data.max, left: 16, bottom: 16, calculable: false,
        text: [mapText.textMore, mapText.textFewer], inRange: { color: SCALE }, textStyle: { color: '#333' }
      },
      series: [{
        type: 'map', map: 'lantu-specialisation', roam: false, selectedMode: false,
        layoutCenter: ['50%', '50%'], layoutSize: '95%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.2 },
        emphasis: { itemStyle: { areaColor: '#f2b441' } },
        label: {
          show: true, fontSize: 11, color: '#1b1b1b',
          formatter: function (p) {
            var c = p.data && p.data.cell;
            return c ? c[3] + '\n' + (c[0] == null ? '?' : c[0]) + (c[2] ? ' ★' : '') : p.name;
          }
        },
        labelLayout: { hideOverlap: true },
        data: items
      }]
    });
    window.addEventListener('resize', function () { map.resize(); });
  }).catch(function (error) {
    map.hideLoading();
    el.dataset.error = String(error);
    el.textContent = mapText.textError;
  });
})();
