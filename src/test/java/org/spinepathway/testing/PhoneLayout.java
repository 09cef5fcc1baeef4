package org.spinepathway.testing;

/**
 * Scripts that read a page as a person on a phone does, run in the browser by a test: what text is
 * cut off, whether a 0–10 scale stays on one line, whether a chart's labels fit inside it. Each
 * returns a list of findings in words, empty when the page reads whole.
 */
public final class PhoneLayout {

    /**
     * Visible text the reader cannot read whole: an element whose own text overflows a box that hides
     * it (a table cell, a button), reaches past the screen's edge or past an ancestor that clips it, or
     * has a word broken over two lines ("Clinic / ian").
     */
    public static final String CUT_TEXT = """
            const found = [];
            const width = document.documentElement.clientWidth;
            const hides = s => s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
            for (const el of document.querySelectorAll('header *, main *, footer *')) {
              const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
              if (!ownText || el.closest('.visually-hidden, .ui-helper-hidden-accessible, .skip-link, script, style, canvas')) continue;
              const box = el.getBoundingClientRect();
              if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
              const what = el.tagName.toLowerCase() + ' "' + el.textContent.trim().substring(0, 40) + '"';
              if (hides(getComputedStyle(el)) && el.scrollWidth > el.clientWidth + 1) { found.push(what + ' overflows its box'); continue; }
              if (box.right > width + 1 || box.left < -1) { found.push(what + ' reaches past the screen'); continue; }
              for (const node of [...el.childNodes].filter(n => n.nodeType === 3)) {
                const words = /[^\\s\\-\u2013]+/g;
                for (let m; (m = words.exec(node.textContent)) !== null;) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) found.push(what + ': the word "' + m[0] + '" is broken over lines');
                }
              }
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                if (!hides(getComputedStyle(a))) continue;
                const clip = a.getBoundingClientRect();
                if (box.right > clip.right + 1 || box.left < clip.left - 1) { found.push(what + ' is cut by its ' + a.tagName.toLowerCase()); break; }
              }
            }
            return found;""";

    /**
     * A PrimeFaces radio group ({@code %s}: its client id) broken over lines: every choice's box on one
     * row, every number on one row, each number at its own box.
     */
    public static final String SCALE_LINE_BREAKS = """
            const group = document.getElementById('%s');
            const inputs = [...group.querySelectorAll('input[type=radio]')];
            const found = [];
            if (inputs.length !== 11) found.push(inputs.length + ' choices, not 11');
            const centre = r => ({x: r.left + r.width / 2, y: r.top + r.height / 2});
            const boxes = inputs.map(i => centre(i.closest('.ui-radiobutton').getBoundingClientRect()));
            const labels = inputs.map(i => centre(document.querySelector("label[for='" + i.id + "']").getBoundingClientRect()));
            boxes.forEach((b, i) => {
              if (Math.abs(b.y - boxes[0].y) > 3) found.push('choice ' + i + ' is on another line');
              if (Math.abs(labels[i].y - labels[0].y) > 3) found.push('number ' + i + ' is on another line');
              if (Math.abs(labels[i].x - b.x) > 24) found.push('number ' + i + ' is away from its choice');
              if (i > 0 && b.x <= boxes[i - 1].x) found.push('choice ' + i + ' is out of order');
            });
            return found;""";

    /** Chart.js tick and legend labels of the chart in the element {@code %s} that reach past its canvas. */
    public static final String CUT_CHART_LABELS = """
            const canvas = document.querySelector("[id='%s'] canvas");
            const chart = canvas && Chart.getChart(canvas);
            if (!chart) return ['no chart drawn'];
            const found = [];
            const ctx = chart.ctx;
            for (const scale of Object.values(chart.scales)) {
              if (!scale.options.display || !scale.options.ticks.display) continue;
              for (const item of scale.getLabelItems(chart.chartArea)) {
                ctx.font = item.font.string;
                const lines = Array.isArray(item.label) ? item.label : [item.label];
                const w = Math.max(...lines.map(l => ctx.measureText(String(l)).width));
                const x = item.options.translation[0];
                const reach = Math.abs(Math.cos(item.options.rotation || 0)) * w;
                const align = item.options.textAlign;
                const left = align === 'right' ? x - reach : align === 'center' ? x - reach / 2 : x;
                if (left < -1 || left + reach > chart.width + 1) found.push(scale.id + ' label "' + lines.join(' ') + '"');
              }
            }
            if (chart.legend && chart.legend.legendHitBoxes) {
              chart.legend.legendHitBoxes.forEach((box, i) => {
                if (box.left < -1 || box.left + box.width > chart.width + 1) found.push('legend "' + chart.legend.legendItems[i].text + '"');
              });
            }
            return found;""";

    private PhoneLayout() {
    }
}
