-- Buying-process roadmap: Brightlane, self-serve sales analytics for owners of
-- small online stores (Shopify and WooCommerce, under $2M a year in sales).
--
-- A first draft, written before the team's review (no question is marked
-- critical yet): it still has a gap of every kind roadmapc finds, which makes
-- it a good tour of the checks:
--   roadmapc check --today 2026-11-23 examples/analytics-for-online-stores.lua
--
-- The Lua form of analytics-for-online-stores.yaml: the same roadmap, the same findings.

roadmap {
  product = "Brightlane Store Analytics",
  segment = "Owners of online stores under $2M a year in sales",
  category = "considered",
  critical_characteristic = "Shows which products make money after ads and returns",
  timeline = "day",
}

stage "notice" {
  name = "Notice that ad spend grows faster than profit",
  when = { 0, 7 },
  expects = { "information" },
  prefers = { "social", "peer" },
  concern "Is my store too small for analytics to matter?",
  question "Which of my products still make money after ad costs?" {
    id = "margin-after-ads",
    answer = "A sample profit report on a store like mine, product by product",
    content = { "sample-report" },
  },
}
stage "explore" {
  name = "Look at analytics apps in the app store",
  when = { 7, 14 },
  expects = { "information", "proof" },
  prefers = { "review-site", "web" },
  concern "Will the app see my customers' personal data?" {
    id = "data-access",
  },
  question "How long does it take to connect my store?" {
    id = "setup-time",
    answer = "Five minutes, with read-only access to orders and ad accounts",
  },
  question "What data does the app read, and who can see it?" {
    id = "privacy",
    concern = "data-access",
  },
}
stage "try" {
  name = "Try it on my own store",
  when = { 14, 28 },
  expects = { "trial" },
  prefers = { "in-product" },
  question "Will it show real profit for my store within the trial?" {
    id = "see-my-numbers",
    answer = "The first report is ready an hour after connecting",
    content = { "trial-signup" },
  },
}
stage "mull-it-over" {
  name = "Think it over without being chased",
  when = { 28, 35 },
  expects = { "left-alone" },
}
stage "choose-plan" {
  name = "Pick a plan",
  phase = "purchase",
  when = { 35, 40 },
  expects = { "pricing" },
  prefers = { "web" },
}

stage "ask-around" {
  name = "Ask other store owners",
  phase = "pre-purchase",
  expects = { "left-alone" },
  question "Do store owners like me keep using it after the trial?" {
    id = "peers-use-it",
    answer = "Owners in the store-owner forums who have used it for a year",
    content = { "sample-report" },
  },
}

seller "social-ads" {
  name = "Social ads with profit tips",
  owner = "growth-marketing",
  when = { 3, 10 },
  supports = { "notice" },
  delivers = { "information" },
  uses = { "sample-report" },
  channel = "social",
}
seller "review-profile" {
  name = "App-store and review-site profile",
  when = { 7, 14 },
  supports = { "explore" },
  delivers = { "information" },
  uses = { "store-listing" },
  channel = "review-site",
}
seller "trial-nurture" {
  name = "Trial nurture emails",
  owner = "lifecycle-marketing",
  when = { 20, 26 },
  supports = { "try", "mull-it-over" },
  delivers = { "trial" },
  channel = "email",
}
seller "founder-calls" {
  name = "Founder calls to large stores",
  owner = "founders",
  when = { 60, 70 },
  supports = { "try" },
  delivers = { "demonstration" },
  channel = "phone",
  ignore = { ["missing-owner"] = "the founders own this step by name" },
}
seller "partner-webinars" {
  name = "Webinars with agency partners",
  owner = "partnerships",
  delivers = { "information" },
  channel = "event",
}

content "sample-report" {
  title = "Sample profit report for a $500k store",
  type = "report",
  owner = "product-marketing",
  reviewed = "2025-09-01",
}
content "store-listing" {
  title = "Brightlane on the app store",
  type = "review-site-profile",
  owner = "product-marketing",
  status = "draft",
}
content "trial-signup" {
  title = "Fourteen-day trial",
  type = "trial",
  owner = "growth-marketing",
}
content "launch-video" {
  title = "Brightlane launch video",
  type = "video",
}
