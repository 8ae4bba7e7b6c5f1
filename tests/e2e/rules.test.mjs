// The rule map (rules.html, rules.zh-CN.html) opens readable, on a desktop and on a phone:
//
//  * one line at the top says how to read the map;
//  * each flow's graph fits the width it has (no sideways scrolling) and opens with its start
//    node in view, drawn at a scale that keeps its text readable;
//  * no two labels overlap, nor a label a node, nor two nodes, and every text stays inside its
//    box — measured on the boxes the browser draws (its fonts, not the layout's estimates).
// Screenshots of the first graph go to target/screenshots/rules-*.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withSite, newContext, track, assertClean, SCREENSHOT_DIR } from './harness.mjs';

const site = withSite();

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/** What each shown graph looks like, measured in the page. */
function measureGraphs(page) {
  return page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const overlap = (a, b, pad = 0) =>
      a.left < b.right - pad && b.left < a.right - pad && a.top < b.bottom - pad && b.top < a.bottom - pad;
    const inside = (inner, outer, tolerance = 1) =>
      inner.left >= outer.left - tolerance && inner.right <= outer.right + tolerance && inner.top >= outer.top - tolerance && inner.bottom <= outer.bottom + tolerance;
    const name = (el) => (el.textContent || '').trim().slice(0, 40);
    return [...document.querySelectorAll('section.flow-map')].map((section) => {
      const container = section.querySelector('.graph');
      const svgs = [...container.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0);
      const svg = svgs[0];
      const problems = [];
      if (svgs.length !== 1) problems.push(`${svgs.length} graphs shown`);
      const view = svg.viewBox.baseVal;
      const c = box(container);
      const start = box(svg.querySelector('.fg-start rect'));
      const nodes = [...svg.querySelectorAll('.fg-node')].map((g) => ({ name: name(g.querySelector('title')), rect: box(g.querySelector('rect')), texts: [...g.querySelectorAll('text')].map(box) }));
      const labels = [...svg.querySelectorAll('.fg-edge-label')].map((g) => ({ name: name(g), rect: box(g.querySelector('rect')), text: box(g.querySelector('text')) }));
      for (const n of nodes) for (const t of n.texts) if (!inside(t, n.rect)) problems.push(`the text of node "${n.name}" leaves its box`);
      for (const l of labels) if (!inside(l.text, l.rect)) problems.push(`label "${l.name}" leaves its box`);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i].rect, labels[j].rect)) problems.push(`labels "${labels[i].name}" and "${labels[j].name}" overlap`);
        for (const n of nodes) if (overlap(labels[i].rect, n.rect)) problems.push(`label "${labels[i].name}" overlaps node "${n.name}"`);
      }
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (overlap(nodes[i].rect, nodes[j].rect)) problems.push(`nodes "${nodes[i].name}" and "${nodes[j].name}" overlap`);
      return {
        flow: section.getAttribute('aria-labelledby'),
        problems,
        fits: container.scrollWidth <= container.clientWidth + 1 && box(svg).right <= c.right + 1 && box(svg).left >= c.left - 1,
        startInView: start.left >= c.left && start.right <= c.right && start.top >= c.top && start.top - c.top < 200,
        scale: box(svg).width / view.width,
        size: `${Math.round(view.width)}×${Math.round(view.height)} drawn ${Math.round(box(svg).width)} wide in ${Math.round(c.width)}`,
      };
    });
  });
}

for (const file of ['rules.html', 'rules.zh-CN.html']) {
  for (const [device, options] of Object.entries(VIEWPORTS)) {
    test(`${file} on a ${device}: how to read it first; each graph fits, opens at its start, readable, with no label over another`, async (t) => {
      const context = await newContext(site.browser, { serviceWorkers: 'block', ...options });
      t.after(() => context.close());
      const page = await context.newPage();
      const seen = track(page);
      await page.goto(site.server.url + file);

      // The line on how to read the map comes right after the heading.
      const first = await page.locator('h1 + p').first();
      assert.equal(await first.getAttribute('class'), 'how-to-read');
      assert.match(await first.innerText(), file.includes('zh-CN') ? /^怎样看这张图：/ : /^How to read the map: /);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'the page does not scroll sideways');

      const graphs = await measureGraphs(page);
      assert.equal(graphs.length, 3);
      for (const g of graphs) {
        assert.deepEqual(g.problems, [], `${file}, ${device}, ${g.flow}`);
        assert.ok(g.fits, `${file}, ${device}, ${g.flow}: the graph fits its column (${g.size})`);
        assert.ok(g.startInView, `${file}, ${device}, ${g.flow}: the start node is in view`);
        assert.ok(g.scale >= (device === 'phone' ? 0.75 : 0.95), `${file}, ${device}, ${g.flow}: drawn at ${g.scale.toFixed(2)} of its size (${g.size})`);
      }
      // What the reader sees on arriving at the first graph.
      await page.locator('section.flow-map h2').first().evaluate((h) => h.scrollIntoView());
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `rules-${file.replace('.html', '')}-${device}.png`) });
      assertClean(seen, file);
    });
  }
}
