-- Buying-process roadmap: Tallyhouse Practice CRM, for three kinds of accounting firm.
--
-- Sole practitioners, firms of 10 to 50 staff and regional firms of 50 to 250
-- buy the same way (feel the pain after tax season, shortlist, try it, buy,
-- get started), but at different speeds, through different channels, and
-- asking for different proof. In YAML that is three files or one very long
-- one; here one helper writes the process for a segment, and a loop runs it
-- for all three. Check it with the team's rules:
--   roadmapc check --rules examples/rules/marketing-team.lua examples/crm-three-segments.lua

roadmap {
  product = "Tallyhouse Practice CRM",
  segment = "Accounting firms: sole practitioners, firms of 10-50 staff, regional firms of 50-250",
  category = "considered",
  critical_characteristic = "Every client request is tracked to done, even in tax season",
  rules = { "owner-for-post-purchase-stages" },
  -- The segments' processes follow one another in the one list of stages,
  -- so a segment's first stages come after the last one's post-purchase
  -- stages on purpose: the order of phases across the list means nothing here.
  checks = { ["phase-out-of-order"] = "off" },
}

-- What differs between the segments. 'pace' stretches the weeks each stage
-- takes; 'reach' is how they like to hear from a seller; 'proof' is the
-- content that convinces them; 'pricing' is the content that tells them the
-- price, and 'early' whether they see it while they shortlist (the regional
-- firms get a proposal, late); 'success' owns them after the sale (nobody
-- yet, for the sole practitioners).
local segments = {
  { id = "solo", name = "sole practitioners", pace = 1, reach = "web", proof = "review-profile",
    pricing = "pricing-page", early = true, success = nil },
  { id = "small", name = "firms of 10-50 staff", pace = 2, reach = "email", proof = "customer-stories",
    pricing = "pricing-page", early = true, success = "customer-success" },
  { id = "regional", name = "regional firms of 50-250", pace = 3, reach = "video-call",
    proof = "reference-calls", pricing = "proposal", early = false, success = "account-management" },
}

-- The content every segment meets.
content "tax-season-report" { title = "What tax season costs a firm", type = "report",
  owner = "product-marketing", reviewed = "2026-06-15" }
content "pricing-page" { title = "Plans and prices", type = "pricing-page", owner = "marketing" }
content "proposal" { title = "Regional firm proposal", type = "proposal", owner = "sales" }
content "review-profile" { title = "Tallyhouse on review sites", type = "review-site-profile",
  owner = "marketing" }
content "customer-stories" { title = "Firms like yours", type = "case-study", owner = "product-marketing" }
content "reference-calls" { title = "Talk to a regional firm", type = "reference-call", owner = "sales",
  status = "planned" }
content "trial" { title = "30-day trial", type = "trial", owner = "product" }
content "onboarding-guide" { title = "Your first month", type = "onboarding-guide", owner = "customer-success" }

-- One buying process for segment 's': its stages on the segment's clock, and
-- the seller actions that serve them. Every stage says its phase: the phases
-- are not inferred from a purchase stage, because the segments' processes
-- follow one another in one list of stages.
local function buying_process(s)
  local week = 0
  local function weeks(n)                 -- the next n weeks at the segment's pace
    local from = week
    week = week + n * s.pace
    return { from, week }
  end
  local id = function(name) return s.id .. "-" .. name end

  stage (id "need") {
    phase = "pre-purchase", name = "Feel the pain after tax season (" .. s.name .. ")",
    when = weeks(1), expects = "information", prefers = { s.reach, "peer" },
    question ("What do dropped client requests cost " .. s.name .. "?") {
      answer = "About 6% of billable hours, from our survey of 400 firms",
      content = "tax-season-report",
    },
  }
  stage (id "shortlist") {
    phase = "pre-purchase", name = "Shortlist suppliers (" .. s.name .. ")",
    when = weeks(1), expects = { "information", "pricing", "proof" }, prefers = s.reach,
    question ("Which " .. s.name .. " use it?") {
      answer = "Named firms of their size, with what changed for them",
      content = s.proof,
    },
  }
  stage (id "trial") {
    phase = "pre-purchase", name = "Try it on real client work (" .. s.name .. ")",
    when = weeks(2), expects = "trial",
    question "Will every client request be tracked until someone closes it?" {
      answer = "Run a tax-season week through the trial and see", content = "trial", critical = true,
    },
  }
  stage (id "buy") {
    name = "Sign up (" .. s.name .. ")", phase = "purchase",
    when = weeks(1), expects = "pricing",
    question "What will it cost us?" { answer = "The price for our size", content = s.pricing },
  }
  stage (id "onboard") {
    phase = "post-purchase", name = "Get the team started (" .. s.name .. ")",
    when = weeks(2), expects = "onboarding",
    question "How long until the whole firm uses it?" {
      answer = "Four weeks, with a guide for each role", content = "onboarding-guide",
    },
  }

  seller (id "outreach") {
    name = "Reach " .. s.name, owner = "marketing", when = { 0, 2 * s.pace },
    supports = { id "need", id "shortlist" },
    uses = { "tax-season-report", s.proof, s.early and s.pricing or nil },
    channel = s.reach,
  }
  seller (id "sell") {
    name = "Trial and close with " .. s.name, owner = "sales", when = { 2 * s.pace, 5 * s.pace },
    supports = { id "trial", id "buy" }, uses = { "trial", s.pricing }, channel = "video-call",
  }
  seller (id "onboard") {
    name = "Onboard " .. s.name, owner = s.success, when = { 5 * s.pace, 7 * s.pace },
    supports = id "onboard", uses = "onboarding-guide", channel = "in-product",
  }
end

for _, s in ipairs(segments) do
  buying_process(s)
end

-- A rule that knows the segments: the stdlib's pricing-before-supplier-selection
-- looks at the stages in file order, where the segments' processes follow one
-- another; this one follows each segment's own stages.
rule "price-before-shortlist-in-every-segment" {
  severity = "warning",
  description = "Each segment sees a price before it shortlists suppliers: buyers drop the "
    .. "seller who hides it. The stages of a segment are those whose id starts with its id.",
  check = function(roadmap, report)
    for _, s in ipairs(segments) do
      local priced = false
      for _, stage in ipairs(roadmap.stages) do
        if stage.id:sub(1, #s.id + 1) == s.id .. "-" then
          priced = priced or stage.delivered.pricing
          if stage.id == s.id .. "-shortlist" and not priced then
            report(stage, ("%s shortlist suppliers before any stage shows them a price")
              :format(s.name:gsub("^%l", string.upper)))
          end
        end
      end
    end
  end,
}
