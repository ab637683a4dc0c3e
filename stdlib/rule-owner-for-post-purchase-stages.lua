-- rule-owner-for-post-purchase-stages.lua - a rule module of roadmapc's stdlib.
--
-- A roadmap runs it with `rules: [owner-for-post-purchase-stages]`.
--
-- After the sale, the customer decides whether to stay, expand and
-- recommend, and a stage nobody owns is where they drift away. Every
-- post-purchase stage needs a seller action that supports it and names its
-- owner. A stage where the buyer expects only to be left alone is the
-- exception: it wants no one.

local function owned(stage)
  for _, action in ipairs(stage.sellers) do
    if action.owner then
      return true
    end
  end
  return false
end

rule "owner-for-post-purchase-stages" {
  severity = "warning",
  summary = "a post-purchase stage with no seller action that names its owner",
  description = "After the sale, customers decide whether to stay, expand and recommend; a "
    .. "stage nobody owns is where they drift away. Every post-purchase stage needs a seller "
    .. "action that supports it and has an owner, the team or person responsible. A stage "
    .. "that expects only left-alone wants no one and is not reported.",
  check = function(roadmap, report)
    for _, stage in ipairs(roadmap.stages) do
      if stage.phase == "post-purchase" and not stage.left_alone and not owned(stage) then
        if #stage.sellers == 0 then
          report(stage, ("no seller action supports post-purchase stage '%s', so no one "
            .. "owns it"):format(stage.name))
        else
          report(stage, ("none of the seller actions at post-purchase stage '%s' names "
            .. "an owner"):format(stage.name))
        end
      end
    end
  end,
}
