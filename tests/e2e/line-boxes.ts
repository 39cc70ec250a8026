// Where the browser broke a value's lines, measured from each character's box: the
// print, card and check specs use it to prove a host name wraps only between labels.

import { expect, type Locator } from "@playwright/test";

/** The element's text split where the browser broke its lines (each character's box). */
export async function lineBoxes(element: Locator): Promise<string[]> {
  return element.evaluate((el) => {
    const lines: string[] = [];
    let current = "";
    let lastTop: number | null = null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        const rect = rects[rects.length - 1];
        if (rect && rect.width > 0) {
          if (lastTop !== null && rect.top > lastTop + rect.height / 2) {
            lines.push(current);
            current = "";
          }
          lastTop = rect.top;
        }
        current += text[i];
      }
    }
    lines.push(current);
    return lines;
  });
}

/** Every line of a host or address ends after a dot, a hyphen or an @, and they join up. */
export function expectWholeLabels(lines: string[], host: string) {
  expect(lines.join("")).toBe(host);
  for (const line of lines.slice(0, -1)) expect(line, `lines: ${JSON.stringify(lines)}`).toMatch(/[.@-]$/);
}
