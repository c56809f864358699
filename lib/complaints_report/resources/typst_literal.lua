--[[
typst_literal.lua: text prints as written in the PDF. Run by the built-in engine before
quarto_compat.lua, for the Typst writer only.

Typst reads a few character sequences in ordinary text as shorthands
(https://typst.app/docs/reference/symbols/#shorthands): "-?" is a soft hyphen (so the
characters vanish), "..." an ellipsis, a "-" that starts a word before a digit a minus sign;
pandoc writes a curly apostrophe as a straight one, which Typst's smart quotes may turn the
other way; and "-", "+", "=", "/" or "1." at the start of a line, or of a table cell, begin a
list, a heading or a term (https://typst.app/docs/reference/syntax/#markup). Pandoc's Typst
writer (3.9, escapeTypst in src/Text/Pandoc/Writers/Typst.hs) escapes none of the shorthands,
and the line-start markers only after a line break, not at the start of a table cell, so
"-2+3" in a category became "−2+3", "a -? b" became "a  b" and a team "- item" a bulleted list
in a table.

Each such character is written as raw Typst, escaped ("\-", "\.", "\1") or as itself
("’"); the rest of the text stays a Str for pandoc to escape as usual, so other filters still
read it (quarto_compat.lua measures table cells with stringify).
]]

local APOSTROPHE = "\u{2019}"

-- A word that would begin a list, heading or term at the start of a line or table cell.
local function starts_block(text)
  return text:find("^[%-%+=/]") or text:find("^%d+[%.%)]")
end

local function hazardous(text)
  return starts_block(text) or text:find("%-[%d%?]") or text:find("%.%.%.")
    or text:find(APOSTROPHE, 1, true)
end

local function literal(text)
  local out = pandoc.Inlines({})
  local plain = {}
  local function flush()
    if #plain > 0 then
      out:insert(pandoc.Str(table.concat(plain)))
      plain = {}
    end
  end
  local function raw(code)
    flush()
    out:insert(pandoc.RawInline("typst", code))
  end
  local i = 1
  if starts_block(text) then  -- its first character, escaped
    raw("\\" .. text:sub(1, 1))
    i = 2
  end
  while i <= #text do
    local dots = text:match("^%.%.%.+", i)
    if dots then
      raw((dots:gsub("%.", "\\.")))
      i = i + #dots
    elseif text:match("^%-[%d%?]", i) then
      raw("\\-")
      i = i + 1
    elseif text:sub(i, i + #APOSTROPHE - 1) == APOSTROPHE then
      raw(APOSTROPHE)
      i = i + #APOSTROPHE
    else
      plain[#plain + 1] = text:sub(i, i)
      i = i + 1
    end
  end
  flush()
  return out
end

if FORMAT ~= "typst" then
  return {}
end

return {
  {
    Str = function(el)
      if hazardous(el.text) then
        return literal(el.text)
      end
      return nil
    end,
  },
}
