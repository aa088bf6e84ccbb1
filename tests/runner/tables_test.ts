import assert from "node:assert/strict";
import { formatTables, isNumericText } from "../../src/runner/tables.ts";

Deno.test("isNumericText() reads numbers as a table prints them", async (t) => {
  await t.step("integers, decimals, exponents, signs, percentages, thousands", () => {
    for (const text of ["3", "-0.02", "+1.5", "1.9e-10", "4.1E+7", "95.3%", "1,234", ".5", "−2"]) {
      assert.ok(isNumericText(text), text);
    }
  });
  await t.step("a mean ± a spread, and spaces around", () => {
    assert.ok(isNumericText("0.197 ± 0.180"));
    assert.ok(isNumericText(" 48.3 % "));
    assert.ok(isNumericText("0.1&nbsp;±&nbsp;0.2"));
  });
  await t.step("words, ranges and mixed text are not numbers", () => {
    for (const text of ["ReLU", "3 of 4", "", "1-2", "e5", "0.1 s", "α = 0.01", "NaN"]) {
      assert.ok(!isNumericText(text), text);
    }
  });
});

Deno.test("formatTables() wraps tables to scroll and marks numeric columns", async (t) => {
  const table = "<table><thead><tr><th>name</th><th>loss</th></tr></thead><tbody>" +
    "<tr><td>ReLU</td><td>0.20</td></tr><tr><td>Leaky</td><td>—</td></tr>" +
    "<tr><td>ELU</td><td>NaN</td></tr></tbody></table>";
  await t.step(
    "numeric column: header and cells get class num; missing values do not spoil it",
    () => {
      assert.equal(
        formatTables(`<p>x</p>${table}`),
        '<p>x</p><div class="table-scroll"><table><thead><tr><th>name</th><th class="num">loss</th>' +
          '</tr></thead><tbody><tr><td>ReLU</td><td class="num">0.20</td></tr><tr><td>Leaky</td>' +
          '<td class="num">—</td></tr><tr><td>ELU</td><td class="num">NaN</td></tr></tbody></table>' +
          "</div>",
      );
    },
  );
  await t.step("a cell reads as the browser shows it: character references decoded", () => {
    const html = "<table><tr><th>a</th></tr><tr><td>&#8722;3.5&nbsp;&#177;&#160;0.1</td></tr>" +
      "<tr><td>&minus;3</td></tr></table>";
    assert.equal(
      formatTables(html.replace("<tr><td>&minus;3</td></tr>", "")),
      '<div class="table-scroll"><table><tr><th class="num">a</th></tr>' +
        '<tr><td class="num">&#8722;3.5&nbsp;&#177;&#160;0.1</td></tr></table></div>',
    );
    // A reference the page's text decoder does not know stays text: not a number.
    assert.equal(formatTables(html), `<div class="table-scroll">${html}</div>`);
  });
  await t.step("a column of only missing values is not numeric", () => {
    const html = "<table><tr><th>a</th></tr><tr><td>—</td></tr></table>";
    assert.equal(formatTables(html), `<div class="table-scroll">${html}</div>`);
  });
  await t.step("cells with their own class, style or align stay as they are", () => {
    const html = '<table><tr><td align="left">1</td><td class="x">2</td><td>3</td></tr></table>';
    assert.equal(
      formatTables(html),
      '<div class="table-scroll"><table><tr><td align="left">1</td><td class="x">2</td>' +
        '<td class="num">3</td></tr></table></div>',
    );
  });
  await t.step("tables, rows and cells with other attributes, and numbers in markup, count", () => {
    const html = '<table class="t"><tr class="odd"><th scope="col">n</th><th>x</th></tr>' +
      '<tr class="even"><td title="count"><strong>12</strong></td>' +
      '<td><span class="katex">0.5</span></td></tr></table>';
    assert.equal(
      formatTables(html),
      '<div class="table-scroll"><table class="t"><tr class="odd"><th scope="col" class="num">n' +
        '</th><th class="num">x</th></tr><tr class="even"><td title="count" class="num"><strong>12' +
        '</strong></td><td class="num"><span class="katex">0.5</span></td></tr></table></div>',
    );
  });
  await t.step("tables with merged cells are wrapped but not marked", () => {
    const html = '<table><tr><td colspan="2">1</td></tr><tr><td>2</td><td>3</td></tr></table>';
    assert.equal(formatTables(html), `<div class="table-scroll">${html}</div>`);
  });
  await t.step("html without a table is returned unchanged", () => {
    const html = "<div><p>1</p><p>2</p></div>";
    assert.equal(formatTables(html), html);
  });
  await t.step(
    "html with a script is returned unchanged, tables and scripts' strings alike",
    () => {
      const html = '<table><tr><td>1</td></tr></table><script type="module">' +
        "el.innerHTML = '<table><tr><td>2</td></tr></table>';</script>";
      assert.equal(formatTables(html), html);
    },
  );
});
