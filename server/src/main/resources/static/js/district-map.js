/*
 * The districts' boundaries for every ECharts map of the city (layout map, city view, specialisation): fetched
 * once from the API and registered under a name. The features' cp (label points) sit at the district
 * governments, which crowd the small central districts' labels off the map; without them ECharts labels each
 * district at its own centre.
 */
(function () {
  'use strict';

  var loaded = {};

  function boundaries(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (r) {
        if (!r.ok) {
          throw new Error(url + ': ' + r.status);
        }
        return r.json();
      });
    }
    return loaded[url];
  }

  window.lantuDistricts = {
    /** Resolves with the GeoJSON of the districts once ECharts knows it as {@code name}. */
    register: function (url, name) {
      return boundaries(url).then(function (geo) {
        echarts.registerMap(name, {
          type: 'FeatureCollection',
          features: geo.features.map(function (f) {
            var properties = Object.assign({}, f.properties);
            delete properties.cp;
            return { type: 'Feature', properties: properties, geometry: f.geometry };
          })
        });
        return geo;
      });
    }
  };
})();
