/*
 * The layout map (布局图): the districts shaded by how many tracks of the city's core segment each hosts.
 * Boundaries and values come from the REST API; every text comes from the page (data-text-*), so the
 * map speaks the page's language. Unknown is grey and says so, never 0.
 */
(function () {
  'use strict';

  var el = document.getElementById('map');
  if (!el || !window.echarts) {
    return;
  }
  var UNKNOWN_COLOUR = '#c9ccd1';
  var SCALE = ['#dcebf8', '#0b4f9c'];
  var text = el.dataset;
  var english = text.lang === 'en';

  function format(template, values) {
    return String(template).replace(/\{(\d+)\}/g, function (match, i) {
      return values[i] === undefined ? match : values[i];
    });
  }

  function escape(s) {
    return echarts.format.encodeHTML(s == null ? '' : String(s));
  }

  function hostedText(district, count) {
    if (district.hosted == null) {
      return format(text.textUnknown, [text.segment]);
    }
    return format(district.exact ? text.textHosted : text.textAtLeast, [text.segment, district.hosted, count]);
  }

  var chart = echarts.init(el, null, { renderer: 'svg' });
  window.lantuMap = chart;
  chart.showLoading({ text: text.textLoading, color: SCALE[1] });

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json, application/geo+json' } }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ': ' + r.status);
      }
      return r.json();
    });
  }

  Promise.all([window.lantuDistricts.register(text.boundaries, 'lantu-districts'), json(text.values)]).then(function (loaded) {
    var geo = loaded[0];
    var layout = loaded[1];
    var byCode = {};
    layout.districts.forEach(function (d) {
      byCode[d.code] = d;
    });
    var data = geo.features.map(function (feature) {
      var code = feature.properties.code;
      var district = byCode[code] || { code: code, nameZh: feature.properties.name, hosted: null, exact: false };
      var item = {
        name: feature.properties.name,
        value: district.hosted == null ? NaN : district.hosted,
        district: district
      };
      if (district.hosted == null) {
        // unknown is not a small number: keep it out of the colour scale
        item.visualMap = false;
        item.itemStyle = { areaColor: UNKNOWN_COLOUR, color: UNKNOWN_COLOUR };
        item.emphasis = { itemStyle: { areaColor: '#b3b7bd', color: '#b3b7bd' } };
      }
      return item;
    });
    var count = layout.segmentCount;
    var max = count || Math.max.apply(null, layout.districts.map(function (d) { return d.hosted || 0; }).concat([1]));

    chart.hideLoading();
    chart.on('finished', function () {
      el.dataset.districts = String(chart.getOption().series[0].data.length);
    });
    chart.on('click', function (params) {
      if (params.data && params.data.district) {
        window.location.href = text.districtUrl + encodeURIComponent(params.data.district.code);
      }
    });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: function (params) {
          var d = params.data && params.data.district;
          if (!d) {
            return escape(params.name);
          }
          var name = english && d.nameEn ? d.nameEn : d.nameZh;
          var system = d.systemCode ? format(text.textSystem, [d.systemCode]) : text.textNoSystem;
          return '<strong>' + escape(name) + '</strong><br>' + escape(system) + '<br>'
            + escape(hostedText(d, count)) + '<br><small>' + escape(text.textClick) + '</small>';
        }
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: max,
        left: 16,
        bottom: 16,
        text: [text.textMore, text.textFewer],
        calculable: false,
        inRange: { color: SCALE },
        textStyle: { color: '#333' }
      },
      series: [{
        type: 'map',
        map: 'lantu-districts',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.2 },
        emphasis: {
          label: { color: '#111' },
          itemStyle: { areaColor: '#f2b441' }
        },
        label: {
          show: true,
          color: '#1b1b1b',
          fontSize: 12,
          formatter: function (params) {
            var d = params.data && params.data.district;
            if (!d) {
              return params.name;
            }
            var name = english && d.nameEn ? d.nameEn : d.nameZh;
            return name + '\n' + (d.hosted == null ? '?' : (d.exact ? '' : '≥') + d.hosted);
          }
        },
        labelLayout: { hideOverlap: true },
        data: data
      }]
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }).catch(function (error) {
    chart.hideLoading();
    el.dataset.error = String(error);
    el.classList.add('map-failed');
    el.textContent = text.textError;
  });
})();
