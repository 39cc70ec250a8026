// Reads a PDF that Chromium printed: each page's size in points and its text, so print
// tests check what is on paper, not only what the print stylesheet hides.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text with all whitespace removed (wrapped values join up again). */
  text: string;
}

export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join("");
    pages.push({ width: x1 - x0, height: y1 - y0, text: text.replace(/\s+/g, "") });
  }
  await doc.destroy();
  return pages;
}

/** Points per millimetre, for page sizes given in mm. */
export const PT_PER_MM = 72 / 25.4;

export const squash = (s: string) => s.replace(/\s+/g, "");
