// Private: lays out a composed figure (the <figure> of composeFigure: title, subtitle, swatch
// legends, charts side by side or in columns, caption) as one standalone SVG, for the front ends
// and files that take SVG but not HTML. It reads the inline styles composeFigure, panel and
// swatches write (font size and weight, colour, margins, flex direction or grid, alignment in a
// row, gap), so the SVG follows the HTML's layout: text is set in <text> lines wrapped to the
// figure's width (widths estimated from the font size), charts and legend keys are nested <svg>
// elements. Panels that wrap in a narrow HTML page stay side by side here. An element it cannot
// place (a table, an image) makes it throw a TypeError: the caller then offers the HTML alone.

import { plotDefaults } from "./defaults.ts";
import { escapeHtml } from "./escape_html.ts";
import { wrapWords } from "../core/_wrap_words.ts";
import type { FigureElement } from "./types.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Average advance of a character, as a fraction of the font size (system sans-serif). */
const CHAR_WIDTH = 0.56;
const BOLD_CHAR_WIDTH = 0.6;

/** A laid-out piece: its size, and its markup placed at (x, y). */
interface Box {
  width: number;
  height: number;
  render(x: number, y: number): string;
}

/** An element with its child elements (linkedom's and browsers' elements both have them). */
type Node = FigureElement & { readonly children: ArrayLike<Node> };

function isNode(element: FigureElement): element is Node {
  return typeof (element as Partial<Node>).children?.length === "number";
}

interface Style {
  fontSize: number;
  bold: boolean;
  color: string;
  center: boolean;
  row: boolean;
  /** In a row: whether its pieces line up at the bottom (`align-items: end`), not the top. */
  end: boolean;
  gap: number;
  marginTop: number;
  marginBottom: number;
}

function styleOf(node: Node, inherited: Pick<Style, "fontSize" | "color">): Style {
  const css = node.getAttribute("style") ?? "";
  const read = (property: string) =>
    css.match(new RegExp(`(?:^|;)\\s*${property}:\\s*([^;]+)`))?.[1]
      .trim();
  const fontSize = parseFloat(read("font-size") ?? "") || inherited.fontSize;
  const px = (value: string | undefined) =>
    value === undefined
      ? 0
      : value.endsWith("em")
      ? parseFloat(value) * fontSize
      : parseFloat(value) || 0;
  const margin = (read("margin") ?? "0").split(/\s+/);
  const display = read("display") ?? "";
  return {
    fontSize,
    bold: /^(600|700|bold)/.test(
      read("font-weight") ?? (/^h[1-3]$/i.test(node.tagName) ? "bold" : ""),
    ),
    color: read("color") ?? inherited.color,
    center: read("text-align") === "center" || read("align-items") === "center",
    row: (display.includes("flex") && read("flex-direction") !== "column") || display === "grid",
    end: /^(flex-)?end$/.test(read("align-items") ?? ""),
    gap: px(read("gap")?.split(/\s+/).at(-1)),
    marginTop: px(read("margin-top") ?? margin[0]),
    marginBottom: px(read("margin-bottom") ?? margin[2] ?? margin[0]),
  };
}

function childrenOf(node: Node): Node[] {
  return Array.from(node.children);
}

function isSvg(node: Node): boolean {
  return node.tagName.toLowerCase() === "svg";
}

function svgSize(node: Node): [number, number] {
  const viewBox = (node.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = Number(node.getAttribute("width") ?? viewBox[2]);
  const height = Number(node.getAttribute("height") ?? viewBox[3]);
  if (!(width > 0 && height > 0)) {
    throw new TypeError(`Cannot lay out a figure as one SVG as an <svg> has no size`);
  }
  return [width, height];
}

/** A nested <svg> placed at (x, y). */
function nestedSvg(node: Node, x: number, y: number): string {
  return node.outerHTML.replace(/^<svg/i, `<svg x="${round(x)}" y="${round(y)}"`);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The width a piece needs: charts their own, text and legends none (they wrap). */
function naturalWidth(node: Node, inherited: Style): number {
  if (isSvg(node)) return svgSize(node)[0];
  const kids = childrenOf(node);
  if (kids.length === 0 || kids.every((kid) => kid.tagName.toLowerCase() === "span")) return 0;
  const style = styleOf(node, inherited);
  const widths = kids.map((kid) => naturalWidth(kid, style));
  return style.row
    ? widths.reduce((sum, w) => sum + w, 0) + style.gap * (kids.length - 1)
    : Math.max(...widths);
}

/** Words wrapped into lines of at most `width` pixels (a long word gets a line of its own). */
function wrap(text: string, width: number, style: Style): string[] {
  const advance = style.fontSize * (style.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
  const perLine = Math.max(1, Math.floor(width / advance));
  return wrapWords(text.split(/\s+/).filter((w) => w !== ""), (line) => line.length <= perLine);
}

function textLine(text: string, x: number, baseline: number, style: Style): string {
  return `<text x="${round(x)}" y="${round(baseline)}" font-size="${style.fontSize}"${
    style.bold ? ` font-weight="600"` : ""
  } fill="${escapeHtml(style.color)}"${style.center ? ` text-anchor="middle"` : ""}>${
    escapeHtml(text)
  }</text>`;
}

function textBox(node: Node, width: number, style: Style): Box {
  const lineHeight = style.fontSize * 1.3;
  const lines = wrap(node.textContent ?? "", width, style);
  return {
    width,
    height: style.marginTop + lines.length * lineHeight + style.marginBottom,
    render: (x, y) =>
      lines.map((line, i) =>
        textLine(
          line,
          style.center ? x + width / 2 : x,
          y + style.marginTop + i * lineHeight + style.fontSize * 1.02,
          style,
        )
      ).join(""),
  };
}

/**
 * A legend: its items (a key and a name each, or a note with no key) flow left to right and wrap.
 * An item too wide for a row of its own (a long note) starts a row and its text wraps, as
 * textBox's does, over as many rows as it needs, beside its key if it has one.
 */
function legendBox(node: Node, width: number, style: Style): Box {
  const rowHeight = Math.max(18, style.fontSize * 1.5);
  const columnGap = 16;
  const placed: { item: Node; lines: string[]; x: number; row: number }[] = [];
  let x = 0, row = 0;
  for (const item of childrenOf(node)) {
    const key = childrenOf(item).find(isSvg);
    const keyWidth = key === undefined ? 0 : svgSize(key)[0] + 6;
    const text = item.textContent ?? "";
    const itemStyle = styleOf(item, style);
    const advance = itemStyle.fontSize * (itemStyle.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
    const itemWidth = keyWidth + text.length * advance;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row++;
    }
    const wrapped = itemWidth > width ? wrap(text, width - keyWidth, itemStyle) : [];
    const lines = wrapped.length > 0 ? wrapped : [text];
    placed.push({ item, lines, x, row });
    if (lines.length > 1) {
      // A wrapped item fills its rows: the next starts on the row after its last line.
      x = 0;
      row += lines.length;
    } else x += itemWidth + columnGap;
  }
  const rows = Math.max(0, ...placed.map((p) => p.row + p.lines.length));
  return {
    width,
    height: style.marginTop + rows * rowHeight + style.marginBottom,
    render: (left, top) =>
      placed.map(({ item, lines, x, row }) => {
        const y = top + style.marginTop + row * rowHeight;
        const key = childrenOf(item).find(isSvg);
        const [keyWidth, keyHeight] = key === undefined ? [0, 0] : svgSize(key);
        const itemStyle = styleOf(item, style);
        return (key === undefined
          ? ""
          : nestedSvg(key, left + x, y + (rowHeight - keyHeight) / 2)) +
          lines.map((line, i) =>
            textLine(
              line,
              left + x + (key === undefined ? 0 : keyWidth + 6),
              y + i * rowHeight + rowHeight / 2 + style.fontSize * 0.35,
              { ...itemStyle, center: false },
            )
          ).join("");
      }).join(""),
  };
}

/** The elements composeFigure, panel and swatches build, besides the charts' <svg>. */
const LAID_OUT_TAGS = ["figure", "div", "span", "h2", "h3", "figcaption"];

function layout(node: Node, width: number, inherited: Style): Box {
  if (isSvg(node)) {
    const [w, h] = svgSize(node);
    return { width: w, height: h, render: (x, y) => nestedSvg(node, x, y) };
  }
  const tag = node.tagName.toLowerCase();
  if (!LAID_OUT_TAGS.includes(tag)) {
    throw new TypeError(`Cannot lay out a figure as one SVG as it holds a <${tag}> element`);
  }
  const style = styleOf(node, inherited);
  const kids = childrenOf(node);
  if (kids.length === 0) return textBox(node, width, style);
  if (kids.every((kid) => kid.tagName.toLowerCase() === "span")) {
    return legendBox(node, width, style);
  }
  if (style.row) {
    const boxes = kids.map((kid) => layout(kid, naturalWidth(kid, style) || width, style));
    const height = Math.max(...boxes.map((box) => box.height));
    const total = boxes.reduce((sum, box) => sum + box.width, 0) + style.gap * (boxes.length - 1);
    return {
      width: total,
      height: style.marginTop + height + style.marginBottom,
      render: (x, y) => {
        let left = x;
        return boxes.map((box) => {
          const below = style.end ? height - box.height : 0;
          const markup = box.render(left, y + style.marginTop + below);
          left += box.width + style.gap;
          return markup;
        }).join("");
      },
    };
  }
  const inner = Math.max(width, naturalWidth(node, inherited));
  const boxes = kids.map((kid) => layout(kid, inner, style));
  return {
    width: inner,
    height: style.marginTop + boxes.reduce((sum, box) => sum + box.height, 0) +
      style.marginBottom,
    render: (x, y) => {
      let top = y + style.marginTop;
      return boxes.map((box) => {
        const markup = box.render(style.center ? x + (inner - box.width) / 2 : x, top);
        top += box.height;
        return markup;
      }).join("");
    },
  };
}

/**
 * The figure as one standalone SVG document on a white background, or a TypeError when it
 * holds something other than text, legends and charts.
 */
export function figureSvg(figure: FigureElement): string {
  const root: Style = {
    fontSize: 16,
    bold: false,
    color: "#222",
    center: false,
    row: false,
    end: false,
    gap: 0,
    marginTop: 0,
    marginBottom: 0,
  };
  if (!isNode(figure)) {
    throw new TypeError("Cannot lay out a figure as one SVG as its element lists no children");
  }
  const node = figure;
  const width = naturalWidth(node, root) || 640;
  const box = layout(node, width, root);
  const style = styleOf(node, root);
  // The figure's own bottom margin separates it from what follows a page; not needed here.
  const height = Math.ceil(box.height - style.marginBottom);
  const w = Math.ceil(box.width);
  return `<svg xmlns="${SVG_NS}" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" ` +
    `font-family="${escapeHtml(plotDefaults.fontFamily)}">` +
    `<rect width="100%" height="100%" fill="white"/>${box.render(0, 0)}</svg>`;
}
