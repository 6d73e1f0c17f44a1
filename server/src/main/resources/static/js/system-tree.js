/* A system as a tree (ECharts tree series); the nested list below it says the same without script. */
(function () {
  'use strict';

  var el = document.getElementById('tree');
  if (!el || !window.echarts || !window.lantuTree) {
    return;
  }

  function leaves(node) {
    return node.children ? node.children.reduce(function (n, c) { return n + leaves(c); }, 0) : 1;
  }

  el.style.height = Math.max(360, leaves(window.lantuTree) * 24 + 40) + 'px';
  // the root's label is centred over it: leave room for half of it on the left
  var measure = document.createElement('canvas').getContext('2d');
  measure.font = '13px sans-serif';
  var rootHalf = measure.measureText(window.lantuTree.name).width / 2 + 12;
  var left = Math.max(rootHalf, el.clientWidth * 0.04);
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item', triggerOn: 'mousemove' },
    series: [{
      type: 'tree',
      data: [window.lantuTree],
      top: 16,
      bottom: 16,
      left: left,
      right: '16%',
      orient: 'LR',
      initialTreeDepth: -1,
      expandAndCollapse: true,
      symbolSize: 8,
      itemStyle: { color: '#0b4f9c', borderColor: '#0b4f9c' },
      lineStyle: { color: '#9bb7d4' },
      // branch labels above their node, leaf labels to the right: a leaf of a shallow branch (a
      // principle) then does not run into the labels of the next column
      label: { position: 'top', distance: 6, align: 'center', fontSize: 13, backgroundColor: 'rgba(255,255,255,0.85)' },
      leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } }
    }]
  });
  window.addEventListener('resize', function () {
    chart.resize();
  });
})();
