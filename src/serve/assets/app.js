// vanban serve: the page. Every text from the server or the clerk is put
// into the page with textContent or as an input's value, never as HTML.
"use strict";

const TOKEN = document.querySelector('meta[name="vanban-token"]').content;
const LANG = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "vi";

const T = {
  vi: {
    "title": "vanban — soạn văn bản", "documents": "Văn bản", "register": "Sổ đăng ký",
    "col-file": "Tệp", "col-kind": "Loại", "col-number": "Số, ký hiệu", "col-date": "Ngày",
    "col-summary": "Trích yếu", "col-state": "Tình trạng", "col-body": "Cơ quan",
    "new-doc": "Văn bản mới", "new-kind": "Loại", "new-name": "Tên tệp", "create": "Tạo từ mẫu",
    "back": "← Danh sách", "save": "Lưu", "pdf": "Tải PDF", "docx": "Tải DOCX",
    "assign": "lấy số tiếp theo nếu là dự thảo", "archive": "Lưu trữ",
    "tab-form": "Biểu mẫu", "tab-raw": "Tệp gốc", "tab-data": "Số liệu",
    "data-help": "Tải lên tệp số liệu thực hiện (Excel hoặc CSV), chọn danh mục chỉ tiêu, rồi gắn vào văn bản.",
    "upload": "Tệp số liệu", "catalogue": "Danh mục chỉ tiêu", "figures": "Số liệu thực hiện",
    "sheet": "Trang tính", "period": "Kỳ", "year": "Năm", "attach": "Gắn vào văn bản",
    "problems": "Kiểm tra", "type": "Loại (mã)", "the-thuc": "Thể thức", "filter": "Lọc",
    "verify": "Kiểm tra toàn vẹn",
    "draft": "Dự thảo", "numbered": "Đã có số", "broken": "Có lỗi",
    "saved": "Đã lưu.", "unsaved": "chưa lưu", "clean": "đã lưu",
    "save-first": "Hãy lưu văn bản trước.", "uploaded": "Đã tải lên: ",
    "archived": "Đã lưu trữ: ", "archived-same": "Đã có trong sổ, không đổi: ",
    "verify-ok": "Sổ đăng ký toàn vẹn: ", "entries": " văn bản, ", "files": " tệp",
    "no-problems": "Không có lỗi hay cảnh báo.", "line": "dòng", "error": "Lỗi",
    "header": "Phần đầu", "signature": "Chữ ký", "body": "Nội dung",
    "addressees": "Kính gửi", "recipients": "Nơi nhận",
    "up": "Chuyển lên", "down": "Chuyển xuống", "in": "Làm mục con của mục trên", "out": "Lùi ra một cấp",
    "delete": "Xóa", "add-after": "Thêm mục cùng cấp phía sau", "add-child": "Thêm mục con",
    "add-paragraph": "Thêm đoạn", "add-section": "+ Mục", "add-para-after": "Thêm đoạn phía sau",
    "new-section": "Mục mới", "new-paragraph": "Đoạn mới.", "add": "Thêm", "new-recipient": "Nơi nhận mới",
    "new-addressee": "Kính gửi thêm",
    "in-group": "trong nhóm:", "up-in-group": "Chuyển lên trong nhóm", "down-in-group": "Chuyển xuống trong nhóm",
    "legend": "Trong đoạn văn: **đậm**  *nghiêng*  ***đậm nghiêng***  __gạch chân__  chữ^[chú thích cuối trang]; \\* in dấu * (tương tự \\_ \\^ \\[ \\]).",
    "summary": (s) => `${s.dat_va_vuot}/${s.da_danh_gia} chỉ tiêu đạt và vượt; ${s.chua_dat} chưa đạt; ${s.chua_danh_gia} chưa đánh giá`,
    "timing": (t) => `đọc và kiểm tra ${t.resolve} ms · dàn trang ${t.typeset} ms · vẽ ${t.drawn} trang ${t.png} ms`,
    "other-lang": "English",
  },
  en: {
    "title": "vanban — documents", "documents": "Documents", "register": "Register",
    "col-file": "File", "col-kind": "Kind", "col-number": "Number", "col-date": "Date",
    "col-summary": "Summary", "col-state": "State", "col-body": "Body",
    "new-doc": "New document", "new-kind": "Kind", "new-name": "File name", "create": "Create from skeleton",
    "back": "← List", "save": "Save", "pdf": "Download PDF", "docx": "Download DOCX",
    "assign": "take the next number if a draft", "archive": "Archive",
    "tab-form": "Form", "tab-raw": "File", "tab-data": "Figures",
    "data-help": "Upload the period's figures (Excel or CSV), choose the catalogue, and attach them to the document.",
    "upload": "Figures file", "catalogue": "Catalogue of targets", "figures": "Figures",
    "sheet": "Sheet", "period": "Period", "year": "Year", "attach": "Attach to the document",
    "problems": "Check", "type": "Type code", "the-thuc": "Thể thức", "filter": "Filter",
    "verify": "Verify",
    "draft": "Draft", "numbered": "Numbered", "broken": "Has errors",
    "saved": "Saved.", "unsaved": "not saved", "clean": "saved",
    "save-first": "Save the document first.", "uploaded": "Uploaded: ",
    "archived": "Archived: ", "archived-same": "Already registered, unchanged: ",
    "verify-ok": "The register is intact: ", "entries": " entries, ", "files": " files",
    "no-problems": "No errors or warnings.", "line": "line", "error": "Error",
    "header": "Header", "signature": "Signature", "body": "Body",
    "addressees": "To (Kính gửi)", "recipients": "Recipients (Nơi nhận)",
    "up": "Move up", "down": "Move down", "in": "Make it a sub-section of the one above", "out": "Move out a level",
    "delete": "Delete", "add-after": "Add a section after it", "add-child": "Add a sub-section",
    "add-paragraph": "Add a paragraph", "add-section": "+ Section", "add-para-after": "Add a paragraph after it",
    "new-section": "New section", "new-paragraph": "New paragraph.", "add": "Add", "new-recipient": "New recipient",
    "new-addressee": "Another addressee",
    "in-group": "in the group:", "up-in-group": "Move up in the group", "down-in-group": "Move down in the group",
    "legend": "In a paragraph: **bold**  *italic*  ***bold italic***  __underlined__  word^[footnote]; \\* prints * (likewise \\_ \\^ \\[ \\]).",
    "summary": (s) => `${s.dat_va_vuot}/${s.da_danh_gia} targets met or exceeded; ${s.chua_dat} not met; ${s.chua_danh_gia} not judged`,
    "timing": (t) => `read and check ${t.resolve} ms · layout ${t.typeset} ms · drew ${t.drawn} page(s) ${t.png} ms`,
    "other-lang": "Tiếng Việt",
  },
};
const t = (key) => T[LANG][key];
const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function url(path, params) {
  const q = new URLSearchParams(params || {});
  q.set("lang", LANG);
  return `${path}?${q}`;
}

async function api(method, path, params, body, raw) {
  const headers = { "X-Vanban-Token": TOKEN };
  if (body !== undefined && !raw) headers["Content-Type"] = "application/json";
  const r = await fetch(url(path, params), {
    method, headers, body: raw ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({ error: { message: `HTTP ${r.status}` } }));
  if (!r.ok) throw data.error || { message: `HTTP ${r.status}` };
  return data;
}

function say(text, kind) {
  const m = $("message");
  m.textContent = text || "";
  m.className = kind || "";
}

// ---- views

function show(view) {
  for (const v of ["docs", "edit", "register"]) $(`view-${v}`).hidden = v !== view;
  if (view === "docs") loadDocuments();
  if (view === "register") loadRegister();
}

// ---- the documents of the folder

async function loadDocuments() {
  const body = document.querySelector("#doc-table tbody");
  const docs = await api("GET", "/api/documents");
  body.replaceChildren();
  for (const d of docs) {
    const tr = el("tr", null, "doc");
    tr.dataset.path = d.path;
    tr.append(el("td", d.path), el("td", d.kind), el("td", d.number), el("td", d.date), el("td", d.summary));
    const state = d.error ? el("td", `${t("broken")}: ${d.error}`, "broken")
      : el("td", d.draft ? t("draft") : t("numbered"), d.draft ? "draft" : "");
    tr.append(state);
    tr.addEventListener("click", () => openDocument(d.path));
    body.append(tr);
  }
}

async function loadKinds() {
  const select = $("new-kind");
  for (const k of await api("GET", "/api/kinds")) {
    const o = el("option", `${k.kind} (${k.the_thuc})`);
    o.value = `${k.kind}|${k.the_thuc}`;
    select.append(o);
  }
}

async function createDocument(ev) {
  ev.preventDefault();
  const [kind, the_thuc] = $("new-kind").value.split("|");
  try {
    const d = await api("POST", "/api/new", {}, { kind, the_thuc, name: $("new-name").value.trim() });
    await openDocument(d.path, d);
  } catch (e) {
    show("edit"); say(e.message, "error");
  }
}

// ---- the editor

const doc = { path: "", text: "", hash: "", saved: "", seq: 0, shown: 0, fields: "" };
let edits = Promise.resolve();

function setText(text) {
  doc.text = text;
  if ($("raw").value !== text) $("raw").value = text;
  const dirty = doc.text !== doc.saved;
  $("edit-state").textContent = dirty ? `● ${t("unsaved")}` : t("clean");
  $("edit-state").className = dirty ? "draft" : "";
}

async function openDocument(path, opened) {
  try {
    const d = opened || await api("GET", "/api/open", { path });
    Object.assign(doc, { path: d.path, hash: d.hash, saved: d.text, fields: "" });
    $("edit-path").textContent = d.path;
    $("pages").replaceChildren();
    $("pane-form").replaceChildren();
    $("download-pdf").href = url("/api/pdf", { path: d.path, t: TOKEN });
    show("edit");
    say("");
    setText(d.text);
    await Promise.all([preview(), loadDataFiles()]);
  } catch (e) {
    show("edit"); say(e.message, "error");
  }
}

let timer = null;
function schedulePreview() {
  clearTimeout(timer);
  timer = setTimeout(preview, 120);
}

async function preview() {
  const seq = ++doc.seq;
  $("pages").classList.add("stale");
  try {
    const p = await api("POST", "/api/preview", {}, { path: doc.path, text: doc.text });
    if (seq >= doc.shown) { doc.shown = seq; showPreview(p); }
  } catch (e) {
    say(e.message, "error");
  }
}

function showPreview(p) {
  const pages = $("pages");
  if (p.pages.length) {
    const imgs = pages.querySelectorAll("img");
    p.pages.forEach((src, i) => {
      let img = imgs[i];
      if (!img) { img = el("img"); pages.append(img); }
      if (img.getAttribute("src") !== src) img.setAttribute("src", src);
      img.alt = p.page_texts[i] || `${i + 1}`;
    });
    for (let i = p.pages.length; i < imgs.length; i++) imgs[i].remove();
    pages.classList.remove("stale");
    pages.dataset.version = String(doc.shown);
  }
  $("timing").textContent = T[LANG].timing(p.timing);
  showForm(p.form, p.addressed);
  showProblems(p.error ? [Object.assign({ error: true }, p.error)] : [], p.lints);
  showIndicators(p.indicators);
}

function showForm(fields, addressed) {
  const pane = $("pane-form");
  // The numbers are part of the shape: a move renumbers, and the tree is drawn again.
  const shape = fields.map((f) => `${f.field}|${f.section_number}`).join("\n") + `|${addressed}`;
  if (shape === doc.fields) {
    // Same fields: only update values the clerk is not typing in.
    for (const f of fields) {
      const input = pane.querySelector(`[data-field="${CSS.escape(f.field)}"]`);
      if (input && input !== document.activeElement && input.value !== f.value) input.value = f.value;
    }
    return;
  }
  const scroll = pane.scrollTop;
  doc.fields = shape;
  pane.replaceChildren();
  let group = "";
  const groups = { dau: "header", gui: "addressees", ky: "signature", than: "body", nhan: "recipients" };
  const ends = { than: () => bodyEnd(pane), nhan: () => adder(pane, "noi_nhan.danh_sach", "new-recipient"),
    gui: () => adder(pane, "kinh_gui", "new-addressee") };
  const open = (g) => {
    if (ends[group]) ends[group]();
    group = g;
    pane.append(el("div", t(groups[g]), "group"));
    if (g === "than") pane.append(el("p", t("legend"), "legend"));
  };
  for (const f of fields) {
    // Kính gửi has no line yet: its list starts after the header, when the kind prints it.
    if (f.group !== "dau" && group === "dau" && addressed && !fields.some((x) => x.group === "gui")) open("gui");
    if (f.group !== group) open(f.group);
    const box = el("div", null, f.role === "section" ? "field section" : "field");
    box.style.marginLeft = `${f.depth * 14}px`;
    if (f.item) box.dataset.item = f.item;
    // A group's names hang together under one bar, its first name carrying the group's tools.
    if (f.member) box.classList.add("in-group");
    const id = `f-${f.field.replace(/[^a-z0-9_]/gi, "-")}`;
    const label = el("label");
    label.htmlFor = id;
    if (f.role === "section") {
      const number = el("span", f.section_number || "–", "number");
      number.dataset.numberOf = f.item;
      label.append(number, document.createTextNode(" " + (LANG === "en" ? f.label_en : f.label)));
    } else {
      label.textContent = LANG === "en" ? f.label_en : f.label;
    }
    const input = el(f.long ? "textarea" : "input");
    input.id = id;
    input.dataset.field = f.field;
    input.value = f.value;
    if (f.number) input.inputMode = "numeric";
    input.addEventListener("input", () => scheduleEdit(f.field, input));
    box.append(label, input);
    if (f.role) box.append(tools(f));
    if (f.member) box.append(memberTools(f));
    pane.append(box);
  }
  if (group === "dau" && addressed) open("gui");
  if (ends[group]) ends[group]();
  group = "";
  // A body or a Nơi nhận not begun yet can be started from here.
  if (!fields.some((f) => f.group === "than")) { open("than"); bodyEnd(pane); group = ""; }
  if (!fields.some((f) => f.group === "nhan")) { open("nhan"); ends.nhan(); group = ""; }
  pane.scrollTop = scroll;
}

// The buttons of a list item: each names the item (or its list) and what to do.
function tools(f) {
  const bar = el("div", null, "tools");
  const button = (text, title, target, op, value, cls) => {
    const b = el("button", text, cls);
    b.type = "button";
    b.title = t(title);
    b.dataset.op = op;
    b.dataset.target = target;
    b.addEventListener("click", () => outline(target, op, value && t(value)));
    bar.append(b);
  };
  button("↑", "up", f.item, "up");
  button("↓", "down", f.item, "down");
  if (f.role === "section") {
    button("→", "in", f.item, "in");
    button("←", "out", f.item, "out");
    button("+ ¶", "add-paragraph", `${f.item}.doan`, "add", "new-paragraph");
    button("+ ↳", "add-child", `${f.item}.muc`, "add", "new-section");
    button("+", "add-after", f.item, "add", "new-section");
  } else if (f.role === "paragraph") {
    button("+", "add-para-after", f.item, "add", "new-paragraph");
  }
  button("✕", "delete", f.item, "delete", undefined, "danger");
  return bar;
}

// A name of a recipient group moves among the group's names only.
function memberTools(f) {
  const bar = el("div", null, "tools member");
  bar.append(el("span", t("in-group")));
  for (const [text, op] of [["↑", "up"], ["↓", "down"]]) {
    const b = el("button", text);
    b.type = "button";
    b.title = t(`${op}-in-group`);
    b.dataset.op = op;
    b.dataset.target = f.member;
    b.addEventListener("click", () => outline(f.member, op));
    bar.append(b);
  }
  return bar;
}

function bodyEnd(pane) {
  const b = el("button", t("add-section"));
  b.type = "button";
  b.id = "add-section";
  b.addEventListener("click", () => outline("noi_dung", "add", t("new-section")));
  pane.append(b);
}

// An input and a button that add a line at the end of a list (recipients, addressees).
function adder(pane, list, placeholder) {
  const row = el("div", null, "adder");
  const input = el("input");
  input.placeholder = t(placeholder);
  input.dataset.addTo = list;
  const b = el("button", t("add"));
  b.type = "button";
  b.dataset.addTo = list;
  b.addEventListener("click", () => { if (input.value.trim()) outline(list, "add", input.value); });
  input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") b.click(); });
  row.append(input, b);
  pane.append(row);
}

// Typed edits not yet sent go first: a move applies to the text as typed.
function flushEdits() {
  for (const [field, pending] of Object.entries(pendingEdits)) {
    clearTimeout(editTimers[field]);
    edits = edits.then(() => edit(field, pending.value));
  }
  for (const k of Object.keys(pendingEdits)) delete pendingEdits[k];
}

function outline(target, op, value) {
  flushEdits();
  edits = edits.then(async () => {
    const seq = ++doc.seq;
    try {
      const r = await api("POST", "/api/outline", {}, { path: doc.path, text: doc.text, target, op, value: value || "" });
      setText(r.text);
      say("");
      if (seq >= doc.shown) { doc.shown = seq; showPreview(r.preview); }
    } catch (e) {
      say(e.message, "error");
    }
  });
  return edits;
}

const editTimers = {};
const pendingEdits = {};
function scheduleEdit(field, input) {
  clearTimeout(editTimers[field]);
  pendingEdits[field] = input;
  editTimers[field] = setTimeout(() => {
    delete pendingEdits[field];
    // One edit at a time, each on the text the last one produced.
    edits = edits.then(() => edit(field, input.value));
  }, 150);
}

async function edit(field, value) {
  const seq = ++doc.seq;
  try {
    const r = await api("POST", "/api/edit", {}, { path: doc.path, text: doc.text, field, value });
    setText(r.text);
    if (seq >= doc.shown) { doc.shown = seq; showPreview(r.preview); }
  } catch (e) {
    showProblems([Object.assign({ error: true }, e)], []);
  }
}

function showProblems(errors, lints) {
  const list = $("problems");
  list.replaceChildren();
  for (const n of $("pane-form").querySelectorAll(".field-problem")) n.remove();
  for (const n of $("pane-form").querySelectorAll(".has-error")) n.classList.remove("has-error");
  const all = errors.concat(lints || []);
  if (!all.length) list.append(el("li", t("no-problems")));
  for (const p of all) {
    const where = p.line ? ` (${t("line")} ${p.line})` : "";
    const li = el("li", `${p.error ? t("error") + ": " : ""}${p.message}${where}`, p.error ? "error" : "lint");
    if (p.line) {
      li.dataset.line = String(p.line);
      li.addEventListener("click", () => goToLine(p.line));
    }
    list.append(li);
    // Next to the field it concerns: the field itself, or the first field under it.
    if (p.field) {
      const inputs = [...$("pane-form").querySelectorAll("[data-field]")];
      const input = inputs.find((i) => i.dataset.field === p.field)
        || inputs.find((i) => i.dataset.field.startsWith(p.field + ".") || i.dataset.field.startsWith(p.field + "["))
        || inputs.find((i) => p.field.startsWith(i.dataset.field + ".") || p.field.startsWith(i.dataset.field + "["));
      if (input) {
        const note = el("div", p.message, p.error ? "field-problem error" : "field-problem");
        input.parentElement.append(note);
        if (p.error) input.parentElement.classList.add("has-error");
      }
    }
  }
}

function goToLine(line) {
  tab("raw");
  const raw = $("raw");
  const lines = raw.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  raw.focus();
  raw.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

function tab(name) {
  for (const n of ["form", "raw", "data"]) {
    $(`pane-${n}`).hidden = n !== name;
    $(`tab-${n}`).classList.toggle("active", n === name);
  }
}

async function save() {
  try {
    const r = await api("POST", "/api/save", {}, { path: doc.path, text: doc.text, hash: doc.hash });
    doc.hash = r.hash;
    doc.saved = doc.text;
    setText(doc.text);
    say(t("saved"), "ok");
  } catch (e) {
    say(e.message + (e.line ? ` (${t("line")} ${e.line})` : ""), "error");
  }
}

function mustBeSaved(ev) {
  if (doc.text !== doc.saved) {
    if (ev) ev.preventDefault();
    say(t("save-first"), "error");
    return false;
  }
  return true;
}

async function downloadDocx() {
  if (!mustBeSaved()) return;
  const r = await fetch(url("/api/docx", { path: doc.path }), { headers: { "X-Vanban-Token": TOKEN } });
  if (!r.ok) {
    const e = await r.json().catch(() => ({ error: { message: `HTTP ${r.status}` } }));
    say(e.error.message, "error");
    return;
  }
  const a = el("a");
  a.href = URL.createObjectURL(await r.blob());
  a.download = doc.path.split("/").pop().replace(/\.[^.]*$/, ".docx");
  a.click();
}

async function archive() {
  if (!mustBeSaved()) return;
  try {
    const r = await api("POST", "/api/archive", {}, { path: doc.path, assign_number: $("assign-number").checked });
    const e = r.entry;
    say(`${r.unchanged ? t("archived-same") : t("archived")}${e.number_symbol} · ${e.issue_date} · ${e.file}`, "ok");
  } catch (e) {
    say(e.message, "error");
  }
}

// ---- figures

async function loadDataFiles(selectFigures) {
  const d = await api("GET", "/api/data-files");
  const fill = (select, items, chosen) => {
    const keep = chosen || select.value;
    select.replaceChildren();
    for (const i of items) { const o = el("option", i); o.value = i; select.append(o); }
    if (keep && items.includes(keep)) select.value = keep;
  };
  fill($("data-catalogue"), d.catalogues);
  fill($("data-figures"), d.figures, selectFigures);
}

async function upload() {
  const file = $("data-upload").files[0];
  if (!file) return;
  const folder = doc.path.includes("/") ? doc.path.replace(/\/[^/]*$/, "/") : "";
  try {
    const r = await api("POST", "/api/upload", { path: folder + file.name, replace: "true" }, file, true);
    say(t("uploaded") + r.path, "ok");
    await loadDataFiles(r.path);
  } catch (e) {
    say(e.message, "error");
  }
}

async function attach() {
  const seq = ++doc.seq;
  try {
    const r = await api("POST", "/api/attach", {}, {
      path: doc.path, text: doc.text,
      chi_tieu: $("data-catalogue").value, thuc_hien: $("data-figures").value,
      trang_tinh: $("data-sheet").value, ky: $("data-period").value, nam: $("data-year").value,
    });
    setText(r.text);
    if (seq >= doc.shown) { doc.shown = seq; showPreview(r.preview); }
  } catch (e) {
    say(e.message, "error");
  }
}

function showIndicators(ind) {
  const table = $("indicators");
  const head = table.querySelector("thead");
  const body = table.querySelector("tbody");
  head.replaceChildren();
  body.replaceChildren();
  $("indicator-summary").textContent = ind ? T[LANG].summary(ind.summary) : "";
  if (!ind) return;
  const tr = el("tr");
  for (const c of ind.columns) tr.append(el("th", c));
  head.append(tr);
  for (const row of ind.rows) {
    const r = el("tr", null, row.kind);
    for (const c of row.cells) r.append(el("td", c));
    body.append(r);
  }
}

// ---- the register

async function loadRegister(ev) {
  if (ev) ev.preventDefault();
  const params = {};
  if ($("reg-year").value) params.year = $("reg-year").value;
  if ($("reg-type").value) params.type = $("reg-type").value;
  if ($("reg-the-thuc").value) params.the_thuc = $("reg-the-thuc").value;
  const body = document.querySelector("#register-table tbody");
  try {
    const entries = await api("GET", "/api/register", params);
    body.replaceChildren();
    for (const e of entries) {
      const tr = el("tr");
      tr.append(el("td", e.id), el("td", e.number_symbol), el("td", e.issue_date), el("td", e.summary),
        el("td", e.issuing_body), el("td", e.file));
      body.append(tr);
    }
  } catch (e) {
    $("verify-result").textContent = e.message;
  }
}

async function verify() {
  const out = $("verify-result");
  try {
    const r = await api("POST", "/api/verify");
    out.replaceChildren();
    if (!r.problems.length) out.append(el("p", `${t("verify-ok")}${r.entries}${t("entries")}${r.files}${t("files")}`, "ok"));
    for (const p of r.problems) out.append(el("p", p, "broken"));
    for (const n of r.notes) out.append(el("p", n));
  } catch (e) {
    out.textContent = e.message;
  }
}

// ---- start

function translatePage() {
  document.documentElement.lang = LANG;
  for (const n of document.querySelectorAll("[data-t]")) {
    const s = t(n.dataset.t);
    if (typeof s === "string") n.textContent = s;
  }
  const toggle = $("lang-toggle");
  toggle.textContent = t("other-lang");
  toggle.href = LANG === "en" ? "?" : "?lang=en";
}

function start() {
  translatePage();
  $("nav-docs").addEventListener("click", () => show("docs"));
  $("nav-register").addEventListener("click", () => show("register"));
  $("back").addEventListener("click", () => show("docs"));
  $("new-form").addEventListener("submit", createDocument);
  $("raw").addEventListener("input", () => { setText($("raw").value); schedulePreview(); });
  $("save").addEventListener("click", () => { flushEdits(); edits.then(save); });
  $("download-pdf").addEventListener("click", mustBeSaved);
  $("download-docx").addEventListener("click", downloadDocx);
  $("archive").addEventListener("click", archive);
  for (const n of ["form", "raw", "data"]) $(`tab-${n}`).addEventListener("click", () => tab(n));
  $("data-upload").addEventListener("change", upload);
  $("data-attach").addEventListener("click", attach);
  $("register-form").addEventListener("submit", loadRegister);
  $("verify").addEventListener("click", verify);
  loadKinds();
  show("docs");
}

start();
