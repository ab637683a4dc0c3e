-- The marketing team's rules: what we check on every roadmap, on top of the
-- built-in checks. Run them with
--   roadmapc check --rules examples/rules/marketing-team.lua ROADMAP...
-- Each rule is configured like a built-in check: `-W no-cold-outreach=error`
-- on the command line, `checks:` in a roadmap, `ignore:` on an item.

-- Channels on which a seller starts the conversation.
local outreach = { phone = true, email = true, ["in-person"] = true, ["video-call"] = true }

-- A stage where the buyer still researches on their own: they expect
-- information and nothing more.
local function researching(stage)
  for _, value in ipairs(stage.expects) do
    if value ~= "information" then
      return false
    end
  end
  return #stage.expects > 0
end

rule "no-cold-outreach" {
  severity = "warning",
  summary = "a seller action reaches out while the buyer still researches on their own",
  description = "Buyers research on their own until they are ready to talk; a call or an email "
    .. "before then is spam to them. At a stage where the buyer expects only information, no "
    .. "seller action may reach out by phone, email, video call or in person: publish what "
    .. "they look for instead.",
  check = function(roadmap, report)
    for _, stage in ipairs(roadmap.stages) do
      if researching(stage) then
        for _, action in ipairs(stage.sellers) do
          if outreach[action.channel] then
            report(action, stage, ("'%s' reaches out by %s at stage '%s', while the buyer "
              .. "still researches on their own"):format(action.name, action.channel, stage.name))
          end
        end
      end
    end
  end,
}

-- Content that delivers proof at a stage: referenced by its questions or
-- used by a seller action that supports it.
local function proof_at(stage)
  for _, question in ipairs(stage.questions) do
    for _, item in ipairs(question.content) do
      if item.delivers.proof then return true end
    end
  end
  for _, action in ipairs(stage.sellers) do
    for _, item in ipairs(action.uses) do
      if item.delivers.proof then return true end
    end
  end
  return false
end

local function shortlists(stage)
  local words = (stage.id .. " " .. stage.name):lower()
  return words:find("shortlist", 1, true) or words:find("short-list", 1, true)
      or words:find("compar", 1, true) ~= nil
end

rule "proof-after-shortlist" {
  severity = "warning",
  summary = "a stage between the shortlist and the purchase has no proof content",
  description = "Once buyers have a shortlist, they stop learning and start checking: every "
    .. "stage from the shortlist to the purchase needs content that delivers proof (a case "
    .. "study, a reference, a review), referenced by a question or used by a seller action. "
    .. "A shortlisting stage is one whose id or name says shortlist or compare.",
  check = function(roadmap, report)
    local checking = false
    for _, stage in ipairs(roadmap.stages) do
      if stage.phase ~= "pre-purchase" then
        checking = false                  -- the purchase ends it; the next segment starts again
      elseif checking or shortlists(stage) then
        checking = true
        if not proof_at(stage) then
          report(stage, ("stage '%s' comes after the shortlist, but no content there delivers "
            .. "proof"):format(stage.name))
        end
      end
    end
  end,
}

rule "high-priority-answers-published" {
  severity = "error",
  summary = "a high-priority question whose answer relies on content that is not published",
  description = "A question marked priority = high is one buyers cannot decide without; its "
    .. "answer must be out there, so all the content it references must be published.",
  check = function(roadmap, report)
    for _, question in ipairs(roadmap.questions) do
      if question.priority == "high" then
        for _, item in ipairs(question.content) do
          if not item.published then
            report(question, item, ("high-priority question '%s' relies on '%s', which is %s")
              :format(question.ask, item.title, item.status))
          end
        end
      end
    end
  end,
}

-- Days since 1970-01-01 of a "YYYY-MM-DD" date (the civil calendar).
local function days(date)
  local y, m, d = date:match("^(%d+)-(%d+)-(%d+)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

rule "fresh-proof" {
  severity = "info",
  summary = "proof content not reviewed in the last 180 days",
  description = "Proof ages faster than other content: a customer story from two years ago "
    .. "names people who have moved on. Content that delivers proof needs a review date "
    .. "(reviewed) no more than 180 days before today.",
  check = function(roadmap, report)
    for _, item in ipairs(roadmap.content) do
      if item.delivers.proof and item.published then
        if not item.reviewed then
          report(item, ("'%s' delivers proof but has never been reviewed"):format(item.title))
        elseif days(roadmap.today) - days(item.reviewed) > 180 then
          report(item, ("'%s' delivers proof but was last reviewed on %s"):format(item.title,
            item.reviewed))
        end
      end
    end
  end,
}
