-- Buying-process roadmap: Tallyhouse, client-management software for accounting
-- firms, as bought by managing partners of firms with 10 to 50 staff.
--
-- Written from customer interviews after the 2026 tax season. Check it with:
--   roadmapc check examples/crm-for-accounting-firms.lua
--
-- The Lua form of crm-for-accounting-firms.yaml: the same roadmap, the same findings.

roadmap {
  product = "Tallyhouse Practice CRM",
  segment = "Managing partners of accounting firms with 10-50 staff",
  category = "considered",
  critical_characteristic = "Every client request is tracked to done, even in tax season",
  timeline = "week",
}

stage "need" {
  name = "Feel the pain after tax season",
  when = { 0, 2 },
  expects = { "information" },
  prefers = { "peer", "web" },
  concern "Are we just badly organised, or is it the tools?",
  concern "Will this eat partner hours we bill for?" {
    id = "partner-time",
  },
  action "Counts missed client emails from the last filing deadline",
  action "Asks other partners at the state CPA society what they use",
  question "What do dropped client requests cost a firm our size?" {
    id = "cost-of-chaos",
    answer = "Firms of 10-50 staff lose about 6% of billable hours to chasing requests",
    content = { "tax-season-report" },
    priority = "high",
  },
}
stage "research" {
  name = "Look for client-management tools",
  when = { 2, 5 },
  expects = { "information", "proof" },
  prefers = { "web", "review-site", "peer" },
  action "Searches \"CRM for accounting firms\"",
  action "Reads reviews of practice-management tools",
  question "Does it work with the tax and ledger software we already use?" {
    id = "fits-our-stack",
    answer = "Two-way sync with the five tax packages most firms use, listed by version",
    content = { "integrations-page" },
    priority = "high",
  },
  question "Which firms like ours use it?" {
    id = "who-else",
    answer = "Named firms of 10-50 staff, with their size and region",
    content = { "customer-stories" },
    concern = "partner-time",
  },
}
stage "evaluate" {
  name = "Try it on real client work",
  when = { 5, 8 },
  expects = { "demonstration", "trial" },
  prefers = { "video-call", "in-product" },
  action "Books a demo for two partners and the office manager",
  action "Runs a trial with one client team during a quiet month",
  question "Will every request from a client be tracked until someone closes it?" {
    id = "track-to-done",
    answer = "A live demo of the request inbox with the firm's own email",
    content = { "guided-demo" },
    critical = true,
    priority = "high",
  },
  question "How long does it take to move our client list over?" {
    id = "migration",
    answer = "One afternoon for 500 clients with the import wizard",
    content = { "import-guide" },
  },
}
stage "decide" {
  name = "Agree on price and sign",
  phase = "purchase",
  when = { 8, 10 },
  expects = { "pricing", "proposal" },
  prefers = { "web", "email" },
  question "What will it cost per year for 25 staff, all in?" {
    id = "total-cost",
    answer = "Per-seat price with onboarding included, no setup fee",
    content = { "pricing-page" },
    priority = "high",
  },
}
stage "onboard" {
  name = "Set up before the next deadline",
  when = { 10, 14 },
  expects = { "onboarding", "training" },
  prefers = { "video-call", "in-product" },
  question "How do we get the seasonal staff to use it?" {
    id = "staff-adoption",
    answer = "A one-hour training for seasonal staff and in-app checklists",
  },
}

seller "seo-content" {
  name = "Search and review-site content",
  owner = "marketing",
  when = { 0, 5 },
  supports = { "need", "research" },
  delivers = { "information" },
  uses = {
    "tax-season-report",
    "integrations-page",
    "customer-stories",
  },
  channel = "web",
}
seller "demo-call" {
  name = "Discovery call and live demo",
  owner = "sales",
  when = { 4, 8 },
  supports = { "evaluate" },
  delivers = { "demonstration", "trial" },
  uses = { "guided-demo" },
  channel = "video-call",
}
seller "quote" {
  name = "Quote and order form",
  owner = "sales",
  when = { 8, 10 },
  supports = { "decide" },
  delivers = { "pricing", "proposal" },
  uses = { "pricing-page" },
  channel = "email",
}

content "tax-season-report" {
  title = "The Cost of Tax Season Chaos (2026 survey of 400 firms)",
  type = "report",
  owner = "marketing",
  reviewed = "2026-04-20",
}
content "integrations-page" {
  title = "Integrations with tax and ledger software",
  type = "web-page",
  owner = "product-marketing",
  reviewed = "2025-06-01",
}
content "customer-stories" {
  title = "Three firms that stopped losing client requests",
  type = "case-study",
  status = "draft",
  owner = "product-marketing",
}
content "guided-demo" {
  title = "Guided demo with your own inbox",
  type = "demo",
  owner = "sales-engineering",
}
content "import-guide" {
  title = "Importing your client list",
  type = "onboarding-guide",
  owner = "customer-success",
}
content "pricing-page" {
  title = "Pricing",
  type = "pricing-page",
  owner = "marketing",
  url = "https://tallyhouse.example/pricing",
}
content "partner-webinar" {
  title = "How a 30-person firm runs tax season in one inbox",
  type = "webinar",
}
