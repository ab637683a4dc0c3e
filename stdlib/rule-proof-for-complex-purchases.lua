-- rule-proof-for-complex-purchases.lua - a rule module of roadmapc's stdlib.
--
-- A roadmap runs it with `rules: [proof-for-complex-purchases]`.
--
-- The more complex the purchase, the more skeptical the buyer, and the more
-- they want proof over persuasion: customer stories with measured results,
-- references, reviews, certifications. That skepticism peaks while they
-- validate (compare suppliers, check claims, build consensus), so in a
-- `category: complex` roadmap every stage before the purchase where the
-- buyer validates needs content that delivers proof.
--
-- A stage validates when it expects proof, or when its id or name says so:
-- validate, evaluate, compare, select, shortlist, consensus, decide.

local signs = { "validat", "evaluat", "compar", "select", "shortlist", "short-list",
                "consensus", "decid", "decision" }

local function validates(stage)
  if stage.expects.proof then
    return true
  end
  local words = (stage.id .. " " .. stage.name):lower()
  for _, sign in ipairs(signs) do
    if words:find(sign, 1, true) then
      return true
    end
  end
  return false
end

-- Content that delivers proof at the stage: referenced by its questions, or
-- used by a seller action that supports it.
local function has_proof(stage)
  for _, question in ipairs(stage.questions) do
    for _, item in ipairs(question.content) do
      if item.delivers.proof then
        return true
      end
    end
  end
  for _, action in ipairs(stage.sellers) do
    for _, item in ipairs(action.uses) do
      if item.delivers.proof then
        return true
      end
    end
  end
  return false
end

rule "proof-for-complex-purchases" {
  severity = "warning",
  summary = "in a complex purchase, a stage where the buyer validates has no content that delivers proof",
  description = "In a complex purchase the buyer wants proof, not persuasion, and most of all while "
    .. "they validate: comparing suppliers, checking claims, building consensus. A stage before "
    .. "the purchase that expects proof, or whose id or name says the buyer validates, evaluates, "
    .. "compares, selects, shortlists, builds consensus or decides, needs content that delivers "
    .. "proof (a case study, a reference call, a review-site profile), referenced by its "
    .. "questions or used by its seller actions. The rule runs on roadmaps with category: complex.",
  check = function(roadmap, report)
    if roadmap.category ~= "complex" then
      return
    end
    for _, stage in ipairs(roadmap.stages) do
      if stage.phase == "pre-purchase" and validates(stage) and not has_proof(stage) then
        report(stage, ("the buyer validates a complex purchase at stage '%s', but no content "
          .. "there delivers proof"):format(stage.name))
      end
    end
  end,
}
