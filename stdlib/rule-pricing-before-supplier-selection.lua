-- rule-pricing-before-supplier-selection.lua - a rule module of roadmapc's stdlib.
--
-- A roadmap runs it with `rules: [pricing-before-supplier-selection]`.
--
-- Buyers short-list on price. When they select suppliers without having seen
-- a price, the seller who hides it is the first one they drop. The first stage
-- where the buyer selects (its id or name says select, shortlist, compare,
-- supplier or vendor) must be reached with pricing delivered: at that stage
-- or at one before it, by a seller action or the content of a question.

local signs = { "select", "shortlist", "short-list", "compar", "supplier", "vendor" }

local function selects(stage)
  local words = (stage.id .. " " .. stage.name):lower()
  for _, sign in ipairs(signs) do
    if words:find(sign, 1, true) then
      return true
    end
  end
  return false
end

rule "pricing-before-supplier-selection" {
  severity = "warning",
  summary = "no stage up to the one where the buyer selects suppliers delivers pricing",
  description = "Buyers short-list on price: publish pricing before they select suppliers. "
    .. "The first stage whose id or name says the buyer selects, shortlists or compares "
    .. "suppliers or vendors must be reached with pricing delivered, at that stage or an "
    .. "earlier one, by a seller action that supports it or by the content of one of its "
    .. "questions (a pricing page, a pricing calculator, a proposal).",
  check = function(roadmap, report)
    for _, stage in ipairs(roadmap.stages) do
      if stage.delivered.pricing then
        return
      end
      if selects(stage) then
        report(stage, ("the buyer selects suppliers at stage '%s', but no stage up to it "
          .. "delivers pricing"):format(stage.name))
        return
      end
    end
  end,
}
