--[[
quarto_compat.lua: the Quarto features the built-in engine supports, for pandoc's
HTML and Typst writers. Used by complaints_report.rendering.builtin;
docs/quarto-features.md lists exactly what is covered. The shortcodes ({{< include >}},
{{< meta >}}) are expanded before pandoc reads the document (rendering/shortcodes.py), as
Quarto expands them in the raw text.

Passes, in order (each walks the whole document):
  1. conditional content: .content-visible / .content-hidden divs, spans and code
     blocks with when-/unless-format and when-/unless-profile (Quarto's rules: all
     conditions must hold; "html" matches any HTML writer, "typst" the Typst writer);
  2. numbering: figures with an id fig-* and tables with an id tbl-*, in document order;
  3. captions ("Figure N: ...", "Table N: ...") and references (@fig-x, @tbl-x,
     [-@fig-x], @Fig-x) turned into links; alt text from fig-alt;
  4. writer-specific output: accessible callouts, HTML table markup, Typst figures and
     images with alt text.

Metadata read (set by the engine, not by authors):
  quarto-profiles       list of active profile names
Image paths are relative to the folder report.qmd is rendered in, which is Typst's root
and the folder the .typ file is written to.
Warnings go to stderr prefixed "[quarto-compat] "; the engine turns them into Python
warnings.
]]

local stringify = pandoc.utils.stringify

local IS_HTML = FORMAT:match("^html") ~= nil
local IS_TYPST = FORMAT == "typst"

local CALLOUT_LABELS = {
  note = "Note", warning = "Warning", important = "Important", tip = "Tip", caution = "Caution",
}
local XREF_LABELS = { fig = "Figure", tbl = "Table" }
local NBSP = "\u{00A0}"   -- "Figure 1" never breaks across lines
local CONDITIONS = { "when-format", "unless-format", "when-profile", "unless-profile" }

local profiles = pandoc.List({})
local xrefs = {}              -- id -> { kind = "fig" | "tbl", number = n }
local counters = { fig = 0, tbl = 0 }
local callout_count = 0
local table_count = 0

local function warn(message)
  io.stderr:write("[quarto-compat] " .. message .. "\n")
end

-- Metadata ------------------------------------------------------------------------------

local function read_meta(meta)
  local active = meta["quarto-profiles"]
  if active ~= nil then
    if type(active) == "table" and active.t ~= "MetaInlines" and active.t ~= "MetaString" then
      for _, item in ipairs(active) do profiles:insert(stringify(item)) end
    elseif stringify(active) ~= "" then
      profiles:insert(stringify(active))
    end
  end
  meta["quarto-profiles"] = nil
  return meta
end

-- 1. Conditional content ----------------------------------------------------------------

local function format_matches(name)
  if name == FORMAT then return true end
  if name == "html" or name == "html4" or name == "html5" then return IS_HTML end
  return false
end

local function condition_holds(key, value)
  if key:match("format$") then return format_matches(value) end
  return profiles:includes(value)
end

-- Quarto's propertiesMatch: every condition present must hold (unless- inverts).
local function conditions_match(attributes)
  local match = true
  for key, value in pairs(attributes) do
    for _, condition in ipairs(CONDITIONS) do
      if key == condition then
        local holds = condition_holds(key, value)
        if key:match("^unless") then holds = not holds end
        match = match and holds
      end
    end
  end
  return match
end

local function strip_conditions(el)
  for _, condition in ipairs(CONDITIONS) do el.attributes[condition] = nil end
  el.classes = el.classes:filter(function(c)
    return c ~= "content-visible" and c ~= "content-hidden"
  end)
end

local function visibility(el)
  if el.classes:includes("content-visible") then
    return conditions_match(el.attributes)
  elseif el.classes:includes("content-hidden") then
    return not conditions_match(el.attributes)
  end
  return nil
end

local conditional = {
  Div = function(div)
    local visible = visibility(div)
    if visible == nil then return nil end
    return visible and div.content or {}
  end,
  Span = function(span)
    local visible = visibility(span)
    if visible == nil then return nil end
    if not visible then return {} end
    strip_conditions(span)
    return span
  end,
  CodeBlock = function(block)
    local visible = visibility(block)
    if visible == nil then return nil end
    if not visible then return {} end
    strip_conditions(block)
    return block
  end,
}

-- 2. Numbering --------------------------------------------------------------------------

local function xref_kind(id)
  local prefix = id:match("^(%a+)%-")
  if prefix and XREF_LABELS[prefix:lower()] then return prefix:lower() end
  return nil
end

local function register(id, kind)
  if id == "" or xref_kind(id) ~= kind then return end
  if xrefs[id] then
    warn("the label #" .. id .. " is used twice; cross-references will point to the first")
    return
  end
  counters[kind] = counters[kind] + 1
  xrefs[id] = { kind = kind, number = counters[kind] }
end

local function number_floats(doc)
  doc:walk({
    traverse = "topdown",
    Figure = function(fig) register(fig.identifier, "fig") end,
    Table = function(tbl) register(tbl.identifier, "tbl") end,
  })
  return nil
end

-- 3. Captions, alt text and references --------------------------------------------------

local function prefix_caption(caption, id, kind)
  local entry = xrefs[id]
  if not entry then return caption end
  local label = XREF_LABELS[kind] .. NBSP .. entry.number
  local blocks = caption.long
  if #blocks == 0 then
    warn("#" .. id .. " has no caption; write one so readers know what it shows")
    caption.long = { pandoc.Plain({ pandoc.Str(label) }) }
    return caption
  end
  local first = blocks[1]
  local content = pandoc.Inlines({ pandoc.Str(label .. ":"), pandoc.Space() })
  content:extend(first.content)
  first.content = content
  return caption
end

local function apply_fig_alt(img)
  local alt = img.attributes["fig-alt"]
  if alt ~= nil then
    img.caption = pandoc.Inlines({ pandoc.Str(alt) })
    img.attributes["fig-alt"] = nil
  end
  return img
end

local function reference_text(citation, entry, kind)
  if citation.mode == "SuppressAuthor" then return tostring(entry.number) end
  return XREF_LABELS[kind] .. NBSP .. entry.number
end

local references = {
  Image = apply_fig_alt,
  Figure = function(fig)
    if xref_kind(fig.identifier) == "fig" then
      fig.caption = prefix_caption(fig.caption, fig.identifier, "fig")
    end
    return fig
  end,
  Table = function(tbl)
    if xref_kind(tbl.identifier) == "tbl" then
      tbl.caption = prefix_caption(tbl.caption, tbl.identifier, "tbl")
    end
    return tbl
  end,
  Cite = function(cite)
    for _, citation in ipairs(cite.citations) do
      if not xref_kind(citation.id) then return nil end  -- a bibliography citation: leave it
    end
    local out = pandoc.Inlines({})
    for i, citation in ipairs(cite.citations) do
      if i > 1 then out:extend({ pandoc.Str(","), pandoc.Space() }) end
      if #citation.prefix > 0 then
        out:extend(citation.prefix)
        out:insert(pandoc.Space())
      end
      local id = citation.id
      local kind = xref_kind(id)
      local key = kind .. id:sub(#kind + 1)          -- @Fig-x refers to #fig-x
      local entry = xrefs[key]
      if entry then
        local text = reference_text(citation, entry, kind)
        out:insert(pandoc.Link(pandoc.Inlines({ pandoc.Str(text) }), "#" .. key, "",
          pandoc.Attr("", { "quarto-xref" })))
      else
        warn("the cross-reference @" .. id .. " points to no figure or table with that label")
        out:insert(pandoc.Strong({ pandoc.Str("?@" .. id) }))
      end
      if #citation.suffix > 0 then out:extend(citation.suffix) end
    end
    return out
  end,
}

-- 4a. Callouts ---------------------------------------------------------------------------

local function callout_kind(div)
  for _, class in ipairs(div.classes) do
    local kind = class:match("^callout%-(%a+)$")
    if kind and CALLOUT_LABELS[kind] then return kind end
  end
  return nil
end

local function parse_inlines(text)
  local doc = pandoc.read(text, "markdown")
  if #doc.blocks == 0 then return pandoc.Inlines({}) end
  return pandoc.utils.blocks_to_inlines(doc.blocks)
end

-- The callout's own title: title="..." or a heading as its first block (as Quarto).
local function take_title(div)
  if div.attributes.title then return parse_inlines(div.attributes.title) end
  local first = div.content[1]
  if first and first.t == "Header" then
    div.content:remove(1)
    return first.content
  end
  return nil
end

local function title_inlines(kind, title)
  local inlines = pandoc.Inlines({ pandoc.Span({ pandoc.Str(CALLOUT_LABELS[kind]) },
    pandoc.Attr("", { "callout-label" })) })
  if title and #title > 0 then
    inlines:insert(pandoc.Str(":"))
    inlines:insert(pandoc.Space())
    inlines:extend(title)
  end
  return inlines
end

local function typst_inline_markup(inlines)
  local text = pandoc.write(pandoc.Pandoc({ pandoc.Plain(inlines) }), "typst")
  return (text:gsub("%s+$", ""))
end

local function html_callout(div, kind, title)
  callout_count = callout_count + 1
  local title_id = "callout-" .. callout_count .. "-title"
  local heading = pandoc.Div({ pandoc.Plain(title_inlines(kind, title)) },
    pandoc.Attr(title_id, { "callout-title" }))
  local body = pandoc.Div(div.content, pandoc.Attr("", { "callout-body" }))
  return pandoc.Div({ heading, body }, pandoc.Attr(div.identifier, { "callout", "callout-" .. kind },
    { { "role", "note" }, { "aria-labelledby", title_id } }))  -- a list keeps the order fixed
end

local function typst_callout(div, kind, title)
  local label = CALLOUT_LABELS[kind]
  local title_arg = "none"
  if title and #title > 0 then title_arg = "[" .. typst_inline_markup(title) .. "]" end
  local blocks = pandoc.Blocks({ pandoc.RawBlock("typst",
    '#callout(kind: "' .. kind .. '", label: "' .. label .. '", title: ' .. title_arg .. ")[") })
  blocks:extend(div.content)
  blocks:insert(pandoc.RawBlock("typst", "]"))
  return blocks
end

local callouts = {
  Div = function(div)
    local kind = callout_kind(div)
    if not kind then return nil end
    local title = take_title(div)
    if IS_HTML then return html_callout(div, kind, title) end
    if IS_TYPST then return typst_callout(div, kind, title) end
    return nil
  end,
}

-- 4b. HTML tables: column headers with scope (and a name, even if only for screen
-- readers); every body cell labelled with its column's name (data-label), so that on a
-- narrow screen a table of class "reflow" can show each row as a block of labelled cells
-- (report.css). A reflowed table keeps its table semantics: CSS display changes can drop
-- them in some browsers, so its parts carry their ARIA roles explicitly. Every table sits
-- in a focusable region that scrolls if it is still too wide. -------------------------------

-- A table is reflowed on a narrow screen when it has REFLOW_COLUMNS or more columns, or when
-- its columns cannot fit a phone's text column even with every cell wrapped at its spaces:
-- the longest word of each column (about CHAR_PX pixels a character at the table's 16 px,
-- bold in the header) plus each column's padding, against PHONE_PX.
local REFLOW_COLUMNS = 4
local CHAR_PX = 9.5
local PADDING_PX = 12
local PHONE_PX = 330

local function longest_word(text)
  local longest = 0
  for word in text:gmatch("%S+") do
    longest = math.max(longest, utf8.len(word) or #word)
  end
  return longest
end

local function column_words(tbl)
  local widths = {}
  local function measure(rows)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        widths[i] = math.max(widths[i] or 0, longest_word(stringify(cell.contents)))
      end
    end
  end
  measure(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do measure(body.body) end
  return widths
end

local function needs_reflow(tbl)
  local count = #tbl.colspecs
  if count >= REFLOW_COLUMNS then return true end
  local total = 0
  for _, chars in pairs(column_words(tbl)) do total = total + chars * CHAR_PX + PADDING_PX end
  return total > PHONE_PX
end

local html_tables = {
  Table = function(tbl)
    table_count = table_count + 1
    local headers = {}
    for _, row in ipairs(tbl.head.rows) do
      for i, cell in ipairs(row.cells) do
        cell.attributes.scope = "col"
        if stringify(cell.contents) == "" then  -- e.g. a DataFrame's index column
          cell.contents = { pandoc.Plain({ pandoc.Span({ pandoc.Str("Row") },
            pandoc.Attr("", { "visually-hidden" })) }) }
        end
        headers[i] = stringify(cell.contents)
      end
    end
    local reflow = needs_reflow(tbl)
    for _, body in ipairs(tbl.bodies) do
      for _, row in ipairs(body.body) do
        for i, cell in ipairs(row.cells) do
          if headers[i] and headers[i] ~= "" then cell.attributes["data-label"] = headers[i] end
        end
      end
    end
    if reflow then
      tbl.attr.classes:insert("reflow")
      tbl.attr.attributes.role = "table"
      tbl.head.attr.attributes.role = "rowgroup"
      for _, row in ipairs(tbl.head.rows) do
        row.attr.attributes.role = "row"
        for _, cell in ipairs(row.cells) do cell.attributes.role = "columnheader" end
      end
      for _, body in ipairs(tbl.bodies) do
        body.attr.attributes.role = "rowgroup"
        for _, row in ipairs(body.body) do
          row.attr.attributes.role = "row"
          for _, cell in ipairs(row.cells) do cell.attributes.role = "cell" end
        end
      end
    end
    local name = stringify(tbl.caption.long)
    if name == "" then
      name = "Table " .. table_count
      warn("a table has no caption; add one (': Caption {#tbl-name}') so readers know what it holds")
    end
    return pandoc.Div({ tbl }, pandoc.Attr("", { "table-wrap" },
      { { "role", "region" }, { "aria-label", name }, { "tabindex", "0" } }))
  end,
}

-- 4c. Typst figures and images, always with alt text -------------------------------------

local function typst_string(text)
  return '"' .. text:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", " ") .. '"'
end

-- Typst reads files under its root, the folder report.qmd is rendered in: image paths
-- stay relative to it (an absolute path would be read under the root too, and fail, as
-- under Quarto: quarto-cli issue 7354).
local function typst_path(src)
  return (src:gsub("\\", "/"))
end

local function typst_length(value)
  if not value then return nil end
  local number, unit = value:match("^([%d%.]+)(%a*%%?)$")
  if not number then return nil end
  if unit == "px" or unit == "" then return tostring(tonumber(number) * 0.75) .. "pt" end
  return number .. unit
end

-- "path", alt: "..." for image(); a missing alt text is reported (PDF/UA refuses it).
local function image_arguments(img)
  local alt = stringify(img.caption)
  local args = typst_string(typst_path(img.src))
  if alt == "" then
    warn("the image " .. img.src .. " has no alt text; add fig-alt=\"...\" (PDF/UA needs it)")
  else
    args = args .. ", alt: " .. typst_string(alt)
  end
  return args
end

local function typst_image(img)
  local args = image_arguments(img)
  local width = typst_length(img.attributes.width)
  if width then args = args .. ", width: " .. width end
  local height = typst_length(img.attributes.height)
  if height then args = args .. ", height: " .. height end
  return "image(" .. args .. ")"
end

-- Without an explicit size, a figure's image uses the template's fitted-image: its natural
-- size, shrunk to the text width when wider.
local function typst_figure_image(img)
  if img.attributes.width or img.attributes.height then return typst_image(img) end
  return "fitted-image(" .. image_arguments(img) .. ")"
end

local function only_image(fig)
  local images = {}
  fig:walk({ Image = function(img) table.insert(images, img) end })
  if #images == 1 then return images[1] end
  return nil
end

local typst_figures = {
  Figure = function(fig)
    local img = only_image(fig)
    if not img then return nil end
    local caption = pandoc.utils.blocks_to_inlines(fig.caption.long)
    local code = "#figure(\n  " .. typst_figure_image(img) .. ",\n  caption: ["
      .. typst_inline_markup(caption) .. "],\n)"
    if fig.identifier ~= "" then code = code .. " <" .. fig.identifier .. ">" end
    return pandoc.RawBlock("typst", code)
  end,
}

-- Tables are left-aligned under their caption, their columns sized from their content.
-- Pandoc's widths for a pipe table are shares of the widest cells in characters: a column of
-- long names beside a column of long lists ended narrower than its longest word, which then
-- ran into the next column ("Safeguarding6"). Instead, each column is given at least its
-- longest word (a header's words in bold) and, when the table is wider than the page, the
-- rest of the text width is shared in proportion to how much more each column's longest cell
-- would need. A table that fits is left to Typst (auto columns, as wide as their content).
-- When even the longest words do not fit side by side, the table is set compact (smaller
-- type, less padding; see compact-table in template.typ) and sized again; words that still
-- cannot fit are hyphenated (template.typ), never run into their neighbour.
local TEXT_WIDTH_PT = 453     -- A4 less the 2.5 cm margins of template.typ
local METRICS = {
  normal = { char = 5.6, padding = 12 },   -- DejaVu Sans at 9.5 pt: a generous average character
  compact = { char = 5.0, padding = 8 },   -- at 8.5 pt
}
local BOLD = 1.2                -- a header's characters, in bold and often capitals, are wider

-- A cell this short is kept on one line ("51 (81%)", "1 of 1"): wrapped, its parts would read
-- as two values.
local SHORT_UNBROKEN = 10

local function words_of(text)
  local length = utf8.len(text) or #text
  if length <= SHORT_UNBROKEN then return length end
  local longest = 0
  for word in text:gmatch("%S+") do longest = math.max(longest, utf8.len(word) or #word) end
  return longest
end

local function chars_of(text)
  return utf8.len(text) or #text
end

-- Calls fn(rows, factor) on each group of a table's rows: the header and each body's head in bold
-- (factor BOLD), each body's rows and the foot as they are (factor 1).
local function each_row_group(tbl, fn)
  fn(tbl.head.rows, BOLD)
  for _, body in ipairs(tbl.bodies) do
    fn(body.head, BOLD)
    fn(body.body, 1)
  end
  fn(tbl.foot.rows, 1)
end

-- For each column: its longest word and its longest cell, in characters (header ones bold).
local function column_sizes(tbl)
  local word, cell = {}, {}
  local function measure(rows, factor)
    for _, row in ipairs(rows) do
      for i, c in ipairs(row.cells) do
        local text = stringify(c.contents)
        word[i] = math.max(word[i] or 0, words_of(text) * factor)
        cell[i] = math.max(cell[i] or 0, chars_of(text) * factor)
      end
    end
  end
  each_row_group(tbl, measure)
  return word, cell
end

-- Widths in points for each column, or nil when the table fits at its natural size.
local function allocate(count, word, cell, metrics)
  local least, wanted, total_least, total_wanted = {}, {}, 0, 0
  for i = 1, count do
    least[i] = (word[i] or 0) * metrics.char + metrics.padding
    wanted[i] = math.max(least[i], (cell[i] or 0) * metrics.char + metrics.padding)
    total_least = total_least + least[i]
    total_wanted = total_wanted + wanted[i]
  end
  if total_wanted <= TEXT_WIDTH_PT then return nil, true end
  local widths = {}
  if total_least > TEXT_WIDTH_PT then
    for i = 1, count do widths[i] = least[i] * TEXT_WIDTH_PT / total_least end
    return widths, false
  end
  local spare, extra = TEXT_WIDTH_PT - total_least, total_wanted - total_least
  for i = 1, count do widths[i] = least[i] + spare * (wanted[i] - least[i]) / extra end
  return widths, true
end

-- The columns spec, whether the table is set compact, and each column's width in points as set
-- (a column left to Typst is as wide as its longest cell).
local function typst_columns(tbl)
  local count = #tbl.colspecs
  local word, cell = column_sizes(tbl)
  local metrics = METRICS.normal
  local widths, fits = allocate(count, word, cell, metrics)
  local compact = false
  if not fits then
    compact = true
    metrics = METRICS.compact
    widths = allocate(count, word, cell, metrics)
  end
  local specs, set = {}, {}
  for i = 1, count do
    specs[i] = widths and string.format("%.1fpt", widths[i]) or "auto"
    set[i] = widths and widths[i] or ((cell[i] or 0) * metrics.char + metrics.padding)
  end
  return "columns: (" .. table.concat(specs, ", ") .. "),", compact, set, metrics
end

-- A short table is kept on one page with its caption; a taller one may run on to the next page,
-- its header row repeated, so that it never moves whole to the next page and leaves the rest of
-- a page blank (a table of four long actions left half of ASC page 13 empty). "Taller" is more than
-- BREAKABLE_HEIGHT_PT, about a third of the page's text height (A4 less the margins of
-- template.typ: 700 pt), estimated from its rows: each row as many lines as its fullest cell needs
-- at its column's width, LINE_PT a line and ROW_PADDING_PT a row at table size (template.typ).
local BREAKABLE_HEIGHT_PT = 700 / 3
local LINE_PT = 14
local ROW_PADDING_PT = 10

local function cell_lines(text, width_pt, metrics)
  local per_line = math.max(1, math.floor((width_pt - metrics.padding) / metrics.char))
  local lines, used = 1, 0
  for word in text:gmatch("%S+") do
    local length = utf8.len(word) or #word
    if used > 0 and used + 1 + length > per_line then
      lines, used = lines + 1, 0
    end
    used = (used > 0 and used + 1 or 0) + length
    while used > per_line do  -- a word longer than the column breaks (hyphenated)
      lines, used = lines + 1, used - per_line
    end
  end
  return lines
end

local function estimated_height(tbl, widths, metrics)
  local height = 0
  local function add(rows, factor)
    for _, row in ipairs(rows) do
      local lines = 1
      for i, c in ipairs(row.cells) do
        lines = math.max(lines, cell_lines(stringify(c.contents), (widths[i] or TEXT_WIDTH_PT) / factor, metrics))
      end
      height = height + lines * LINE_PT + ROW_PADDING_PT
    end
  end
  each_row_group(tbl, add)
  return height
end

-- A row is kept on one page (template.typ), but a row taller than a page would lose what does
-- not fit: a table with a cell this long (a 5,000-character name from an export) lets its rows
-- break across pages, and is never held on one page whole.
local LONGEST_UNBROKEN = 1000   -- characters: at table size, a narrow column's page holds fewer

local function has_huge_cell(tbl)
  local _, cell = column_sizes(tbl)
  for _, length in pairs(cell) do
    if length > LONGEST_UNBROKEN then return true end
  end
  return false
end

local typst_tables = {
  Table = function(tbl)
    local huge = has_huge_cell(tbl)
    local columns, compact, widths, metrics = typst_columns(tbl)
    local tall = estimated_height(tbl, widths, metrics) > BREAKABLE_HEIGHT_PT
    for i, spec in ipairs(tbl.colspecs) do
      tbl.colspecs[i] = { spec[1], nil }   -- no widths: pandoc writes `columns: N,`
    end
    local code = pandoc.write(pandoc.Pandoc({ tbl }), "typst")
    code = code:gsub("align%(center%)%[#table%(", "[#table(", 1)
    code = code:gsub("columns: %d+,", function() return columns end, 1)
    code = code:gsub("%s+$", "")
    if compact then code = "#compact-table[\n" .. code .. "\n]" end
    if huge then
      code = "#[\n#set table.cell(breakable: true)\n" .. code .. "\n]"
    elseif not tall then
      code = "#unbroken[\n" .. code .. "\n]"
    end
    return pandoc.RawBlock("typst", code)
  end,
}

-- A figure's note (a span of class figure-note in its caption: what the chart counts) on a
-- line of its own, in regular weight under the bold title.
local typst_notes = {
  Span = function(span)
    if not span.classes:includes("figure-note") then return nil end
    local out = pandoc.Inlines({ pandoc.RawInline("typst", '#linebreak()#text(weight: "regular")[') })
    out:extend(span.content)
    out:insert(pandoc.RawInline("typst", "]"))
    return out
  end,
}

-- A paragraph that introduces what follows ("... for these reasons:", "About the North Complex
-- Team:") is kept on the same page as the list or quote after it (keep-with-next in template.typ),
-- and a short list is never split (unbroken): a list of at most SHORT_LIST characters, about
-- eight lines of the page, moves to the next page whole rather than leave a bullet behind.
local INTRODUCED = { BulletList = true, OrderedList = true, BlockQuote = true, DefinitionList = true }
local LISTS = { BulletList = true, OrderedList = true }
local SHORT_LIST = 700

local function is_short_list(block)
  if not LISTS[block.t] then return false end
  local text = stringify(block)
  return (utf8.len(text) or #text) <= SHORT_LIST
end

local function ends_with_colon(block)
  if block.t ~= "Para" and block.t ~= "Plain" then return false end
  return stringify(block):match(":%s*$") ~= nil
end

local typst_keep = {
  Blocks = function(blocks)
    local out = pandoc.Blocks({})
    for i, block in ipairs(blocks) do
      local following = blocks[i + 1]
      if following and INTRODUCED[following.t] and ends_with_colon(block) then
        out:insert(pandoc.RawBlock("typst", "#keep-with-next["))
        out:insert(block)
        out:insert(pandoc.RawBlock("typst", "]"))
      elseif is_short_list(block) then
        out:insert(pandoc.RawBlock("typst", "#unbroken["))
        out:insert(block)
        out:insert(pandoc.RawBlock("typst", "]"))
      else
        out:insert(block)
      end
    end
    return out
  end,
}

local typst_images = {
  Image = function(img)
    return pandoc.RawInline("typst", "#box(" .. typst_image(img) .. ")")
  end,
}

-- Assembly ------------------------------------------------------------------------------

local filters = {
  { Meta = read_meta },
  conditional,
  { Pandoc = number_floats },
  references,
}
if IS_HTML then
  table.insert(filters, html_tables)
end
if IS_TYPST then
  table.insert(filters, typst_notes)
  table.insert(filters, typst_keep)
  table.insert(filters, typst_figures)
  table.insert(filters, typst_images)
  table.insert(filters, typst_tables)
end
table.insert(filters, callouts)

return filters
