#!/usr/bin/env python3
"""Builds gold/fix-b-corridors-harvard.gold.json from fix-b-corridors-harvard.txt.  Stdlib only.

    python3 gold/build_fix-b-corridors-harvard.py        # from Tests/Fixtures/articles

Article B of the fixtures: an invented think-tank report (Tallinn Centre for Eurasian Connectivity,
Research Report No. 7/2024, June 2024) on the rail corridors between China and Europe through
Kazakhstan and Russia, written for corpus-api before any rule was tuned against it.  Style:
Harvard author-date citations without a comma before the year ("(Kassenova 2017, p. 22)",
"(Lukin 2018; Gabuev 2016)", "(Zhou 2022, p. 140; Lukin 2018)", "Nazarova (2021) argues",
"KTZ Express (2024a)" and "(KTZ Express 2024b)"), a Harvard reference list ("Author, A. (Year)
*Title*. Place: Publisher.", "'Article', *Journal*, 24(1), pp. 20-27. doi:...",
"Available at: ... (Accessed: 20 April 2024)."), a key-findings list that repeats body figures,
a Markdown table with a change column and a U+2212 minus sign.

Shapes it tests: TEU and thousand TEU, km, tonnes, tenge (KZT), EUR (EUR sign), CNY, RUB and
"\\$" amounts, counts of trains, locomotives and vessels, "percentage points", "y/y", "H1 2024",
"Q3 2023", "2023/24", "the late 1990s", a running header with a page number inside a sentence
("rather than transit / 12 · Tallinn Centre ... / containers."), a "---" rule and footnote
between the two halves of a sentence ("but no such / --- / ¹ ... / investment has yet been
agreed."), and a running footer inside a reference entry (KTZ Express 2024a).

TRAPS (not in the gold; an API that returns them is charged with a false positive):
  * "Research Report No. 7/2024", "© 2024", "Manuscript completed on 10 June 2024", access dates,
    years that appear only in citations and in the reference list;
  * self-reference: "This report examines how the land corridors ... have changed since 2013";
  * vague and discourse time: "caravans crossed the region for centuries", "the mid-2000s idea",
    "since 1992";
  * negated and hypothetical clauses: "The government did not approve a third crossing at Bakhty
    in 2019", "If the Caspian ports were to double their capacity by 2027, the corridor could take
    up to a third of China-Europe rail transit";
  * numbers that are not figures: TE33A (a locomotive model), "40-foot" (a container size), page
    numbers 12 and 19, "Section"/"Table 1", volume/issue/page numbers of the references.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import COMMON_NOTES, Gold  # noqa: E402

DOC = "fix-b-corridors-harvard"


def P(family, given=None):
    return {"family": family, "given": given}


g = Gold(DOC, {
    "title": "Rails Across the Steppe: Russia, China and the Central Asian Freight Corridors",
    "authors": [P("Sadykova", "Aigerim"), P("Veerpalu", "Jonas")],
    "year": 2024,
    "container": None,
    "publisher": "Tallinn Centre for Eurasian Connectivity",
    "report_number": "7/2024",
    "issued": "2024-06",
    "note": "Invented think-tank report; Harvard author-date references.",
})

# ============================================================================ events
ev = g.ev
ev("ev-b-1990s-first-container-trains", "199", "decade",
   "First regular container trains run from Lianyungang to Almaty", "infrastructure",
   ["in the late 1990s the first regular container trains ran from Lianyungang to Almaty"],
   display_date="the late 1990s")
ev("ev-b-2013-09-07-silk-road-economic-belt", "2013-09-07", "day",
   "Xi Jinping announces the Silk Road Economic Belt in Astana", "diplomacy",
   ["On 7 September 2013 Xi Jinping announced the Silk Road Economic Belt at Nazarbayev University in Astana"])
ev("ev-b-2015-01-01-eaeu-in-force", "2015-01-01", "day",
   "The Eurasian Economic Union enters into force", "economy",
   ["The Eurasian Economic Union (EAEU) entered into force on 1 January 2015"])
ev("ev-b-2015-05-08-eaeu-bri-joint-statement", "2015-05-08", "day",
   "Russia and China sign a joint statement on linking the EAEU with the Belt and Road Initiative", "diplomacy",
   ["on 8 May 2015 Moscow and Beijing signed a joint statement on linking the EAEU with the Belt and Road Initiative"])
ev("ev-b-2015-khorgos-dry-port", "2015", "year",
   "Khorgos dry port opens", "infrastructure",
   ["at Khorgos, where the dry port opened in 2015"])
ev("ev-b-2022-02-invasion-of-ukraine", "2022-02", "month",
   "Russia invades Ukraine; European forwarders suspend bookings through Russia", "military",
   ["The fall in 2022 followed the Russian invasion of Ukraine in February 2022, when several European forwarders suspended bookings through Russia"])
ev("ev-b-2022-11-tongjiang-bridge-first-train", "2022-11", "month",
   "Nizhneleninskoye–Tongjiang rail bridge carries its first train", "infrastructure",
   ["the Nizhneleninskoye–Tongjiang bridge across the Amur, which carried its first train in November 2022"])
ev("ev-b-2023-dostyk-moyinty-second-track", "2023", "year",
   "Second track between Dostyk and Moyinty completed", "infrastructure",
   ["a second track between Dostyk and Moyinty that was completed in 2023"])
ev("ev-b-2022-bakhty-crossing-revived", "2022", "year",
   "Project of a third crossing at Bakhty revived", "infrastructure",
   ["the project was only revived in 2022"],
   optional=True, note="The 2019 non-approval in the same sentence is a negated trap.")
ev("ev-b-2018-cdb-locomotive-loan", "2018", "year",
   "China Development Bank lends CNY 3.5 billion for locomotives", "economy",
   ["the China Development Bank provided a loan of CNY 3.5 billion for locomotives in 2018"])
ev("ev-b-2024-h1-locomotives-delivered", "2024", "year",
   "50 new locomotives delivered to Kazakhstan", "infrastructure",
   ["the 50 new TE33A locomotives delivered in H1 2024 were assembled in Astana under a Wabtec licence"],
   optional=True, display_date="H1 2024", note="Half-year: year precision; mainly a figure.")
ev("ev-b-2024-10-eaeu-china-ministerial", "2024-10", "month",
   "EAEU–China ministerial meeting scheduled in Bishkek", "diplomacy",
   ["A ministerial meeting of the EAEU and China is scheduled for October 2024 in Bishkek"],
   status="planned")
ev("ev-b-2024-06-06-cku-railway-agreement", "2024-06-06", "day",
   "China, Kyrgyzstan and Uzbekistan sign an agreement on the China–Kyrgyzstan–Uzbekistan railway", "infrastructure",
   ["the governments of China, Kyrgyzstan and Uzbekistan signed an intergovernmental agreement on the China–Kyrgyzstan–Uzbekistan railway on 6 June 2024"])
ev("ev-b-2025-cku-railway-construction", "2025", "year",
   "Construction of the China–Kyrgyzstan–Uzbekistan railway expected to start", "infrastructure",
   ["Construction is expected to start in 2025."],
   status="planned", status_detail="expected")
ev("ev-b-2030-kazakh-rail-programme", "2030", "year",
   "Kazakhstan plans new lines and border terminals by 2030", "infrastructure",
   ["Kazakhstan plans to spend KZT 1.2 trillion (about €2.5 billion) on new lines and border terminals by 2030"],
   status="planned", optional=True, note="A spending target (ind-b-kazakh-rail-plan-kzt); optional as an event.")

# ============================================================================ indicators
ind = g.ind
YOY = "year-over-year"
MT = "million tonnes"
ind("ind-b-transit-teu-2023", "china-europe-rail-container-traffic",
    "Container traffic on China–Europe rail routes through Kazakhstan and Russia", 1.9, "million TEU", "2023",
    "exact", "trade",
    ["Container traffic on the China–Europe rail routes through Kazakhstan and Russia reached 1.9 million TEU in 2023."])
ind("ind-b-kazakh-rail-plan-kzt", "kazakhstan-rail-investment-plan", "Planned Kazakh spending on new lines and border terminals",
    1.2, "KZT trillion", "2030", "target", "investment",
    ["Kazakhstan plans to spend KZT 1.2 trillion (about €2.5 billion) on new lines and border terminals by 2030",
     "Kazakhstan plans to spend KZT 1.2 trillion on new lines and border terminals by 2030."],
    note="Second source: the key-findings list.")
ind("ind-b-kazakh-rail-plan-eur", "kazakhstan-rail-investment-plan", "Planned Kazakh spending, in euros",
    2.5, "EUR billion", "2030", "about", "investment",
    ["Kazakhstan plans to spend KZT 1.2 trillion (about €2.5 billion) on new lines and border terminals by 2030"],
    note="The same plan converted: 'about €2.5 billion'.")
ind("ind-b-trains-2016", "china-europe-railway-express-trains", "China–Europe Railway Express trains", 1702, "trains",
    "2016", "exact", "trade", ["In 2016 the China–Europe Railway Express ran 1,702 trains"])
ind("ind-b-trains-2023", "china-europe-railway-express-trains", "China–Europe Railway Express trains", 17500, "trains",
    "2023", "about", "trade", ["by 2023 the number had risen to about 17,500 (China State Railway Group 2024)"])
ind("ind-b-chongqing-duisburg-length", "chongqing-duisburg-rail-route-length", "Length of the Chongqing–Duisburg rail route",
    11000, "km", None, "about", "other", ["The route from Chongqing to Duisburg is about 11,000 km long"])
ind("ind-b-chongqing-duisburg-days", "chongqing-duisburg-transit-time", "Transit time Chongqing–Duisburg", 12, "days",
    None, "at-least", "other", ["takes 12 to 16 days"], optional=True, value_max=16, note="A range.")
for year, teu, change, sign in [("2020", 546, 54, "+"), ("2021", 605, 11, "+"), ("2022", 512, -15, "−"), ("2023", 604, 18, "+")]:
    row = "| %s | %d | %s%d |" % (year, teu, sign, abs(change))
    ind("ind-b-kz-transit-%s" % year, "kazakhstan-rail-container-transit", "China–Europe container transit through Kazakhstan",
        teu, "thousand TEU", year, "exact", "trade", [row],
        change={"value": change, "unit": "percent", "basis": YOY},
        note="Table 1 cell with its change column; the quote is the table row.")
ind("ind-b-russia-share-of-transit-2023", "share-of-transit-via-russia", "Share of China–Europe rail shipments routed through Russia",
    63, "percent", "2023", "exact", "trade",
    ["the share of shipments routed through Russia declined by 12 percentage points, to 63%"],
    change={"value": -12, "unit": "percent", "basis": "percentage-points"},
    note="The change is in percentage points (the schema's change unit is 'percent').")
ind("ind-b-middle-corridor-2023", "middle-corridor-cargo", "Cargo on the Middle Corridor", 2.8, MT, "2023", "exact",
    "trade", ["Cargo on the Middle Corridor reached 2.8 million tonnes in 2023, up 65% y/y."],
    change={"value": 65, "unit": "percent", "basis": YOY})
ind("ind-b-zabaikalsk-2022", "zabaikalsk-manzhouli-rail-freight", "Freight through the Zabaikalsk–Manzhouli rail crossing",
    19.2, MT, "2022", "exact", "trade",
    ["The Zabaikalsk–Manzhouli rail crossing handled 19.2 million tonnes in 2022"])
ind("ind-b-tongjiang-capacity", "tongjiang-bridge-design-capacity", "Design capacity of the Nizhneleninskoye–Tongjiang bridge",
    5.2, "million tonnes per year", None, "target", "trade",
    ["has a design capacity of 5.2 million tonnes a year"])
ind("ind-b-cdb-loan-2018", "china-development-bank-locomotive-loan", "China Development Bank loan for locomotives", 3.5,
    "CNY billion", "2018", "exact", "finance",
    ["the China Development Bank provided a loan of CNY 3.5 billion for locomotives in 2018"])
ind("ind-b-locomotives-h1-2024", "locomotives-delivered-kazakhstan", "New locomotives delivered", 50, "locomotives",
    "2024-01/2024-06", "exact", "other",
    ["the 50 new TE33A locomotives delivered in H1 2024 were assembled in Astana"],
    note="TE33A is a model name, not a figure.")
ind("ind-b-russian-rail-modernisation-2023-24", "russian-eastern-rail-modernisation-allocation",
    "Russian allocation to the modernisation of the Trans-Siberian and Baikal–Amur lines", 450, "RUB billion",
    "2023/2024", "exact", "investment",
    ["Russia, for its part, allocated RUB 450 billion in 2023/24 to the modernisation of the Trans-Siberian and Baikal–Amur lines"],
    note="'2023/24' = period 2023/2024.")
ind("ind-b-container-rate-q3-2023", "xian-duisburg-rail-container-rate", "Rail freight rate for a 40-foot container, Xi'an–Duisburg",
    7800, "USD per container", "2023-07/2023-09", "about", "trade",
    ["In Q3 2023 a 40-foot container from Xi'an to Duisburg cost about \\$7,800"],
    note="'40-foot' is a container size, not a figure.")
ind("ind-b-caspian-ferries-2023", "caspian-ferry-fleet", "Ferries on the Caspian", 26, "vessels", "2023", "exact", "trade",
    ["The ferry fleet on the Caspian counted 26 vessels in 2023"])

# ============================================================================ references (Harvard)
ref = g.ref
ref("ref-b-adb-2023",
    "Asian Development Bank (2023) *Middle Corridor: Policy Development and Trade Potential*. Manila: ADB. Available at: https://adb.example/middle-corridor (Accessed: 20 April 2024).",
    2023, "Middle Corridor: Policy Development and Trade Potential", ["asian development bank", "adb"],
    organization="Asian Development Bank", publisher="ADB", place="Manila", url="https://adb.example/middle-corridor",
    accessed="2024-04-20", accept_years=[2024], type="report", style="harvard")
ref("ref-b-china-railway-2024",
    "China State Railway Group (2024) *Statistical Bulletin on China–Europe Railway Express 2023*. Beijing: China Railway.",
    2024, "Statistical Bulletin on China–Europe Railway Express 2023", ["china state railway group"],
    organization="China State Railway Group", publisher="China Railway", place="Beijing", accept_years=[2023],
    type="report", style="harvard")
ref("ref-b-gabuev-2016",
    "Gabuev, A. (2016) *Friends with Benefits? Russian–Chinese Relations after the Ukraine Crisis*. Moscow: Carnegie Moscow Center.",
    2016, "Friends with Benefits? Russian–Chinese Relations after the Ukraine Crisis", ["gabuev"],
    authors=[P("Gabuev", "A.")], publisher="Carnegie Moscow Center", place="Moscow", type="report", style="harvard")
ref("ref-b-kassenova-2017",
    "Kassenova, N. (2017) 'China's Silk Road and Kazakhstan's Bright Path: Linking Dreams of Prosperity', *Asia Policy*, 24(1), pp. 20–27. doi:10.5555/asp.2017.0024.",
    2017, "China's Silk Road and Kazakhstan's Bright Path: Linking Dreams of Prosperity", ["kassenova"],
    authors=[P("Kassenova", "N.")], container="Asia Policy", pages="20–27", volume="24", issue="1",
    doi="10.5555/asp.2017.0024", type="article", style="harvard")
ref("ref-b-ktz-2024a",
    "KTZ Express (2024a) *Transit Container Traffic, 2019–2023*. Astana: KTZ Express. Available at: https://ktze.example/transit Tallinn Centre for Eurasian Connectivity · Research Report No. 7/2024 · 19 (Accessed: 15 March 2024).",
    2024, "Transit Container Traffic, 2019–2023", ["ktz express", "ktz"], organization="KTZ Express",
    publisher="KTZ Express", place="Astana", url="https://ktze.example/transit", accessed="2024-03-15",
    type="dataset", style="harvard", year_suffix="a",
    note="The entry runs across a running footer and page number, which are not part of it.")
ref("ref-b-ktz-2024b", "KTZ Express (2024b) *Annual Report 2023*. Astana: KTZ Express.",
    2024, "Annual Report 2023", ["ktz express", "ktz"], organization="KTZ Express", publisher="KTZ Express",
    place="Astana", accept_years=[2023], type="report", style="harvard", year_suffix="b")
ref("ref-b-lukin-2018", "Lukin, A. (2018) *China and Russia: The New Rapprochement*. Cambridge: Polity.",
    2018, "China and Russia: The New Rapprochement", ["lukin"], authors=[P("Lukin", "A.")], publisher="Polity",
    place="Cambridge", type="book", style="harvard")
ref("ref-b-nazarova-2021",
    "Nazarova, D. (2021) 'Conjunction without Convergence: The EAEU and the Belt and Road', *Central Asian Survey*, 40(3), pp. 301–319.",
    2021, "Conjunction without Convergence: The EAEU and the Belt and Road", ["nazarova"],
    authors=[P("Nazarova", "D.")], container="Central Asian Survey", pages="301–319", volume="40", issue="3",
    type="article", style="harvard")
ref("ref-b-sadykova-2024",
    "Sadykova, A. (2024) 'Freight Rates on the Eurasian Land Bridge', *Eurasian Transport Review*, 6(1), pp. 11–28. doi:10.5555/etr.2024.6.1.11.",
    2024, "Freight Rates on the Eurasian Land Bridge", ["sadykova"], authors=[P("Sadykova", "A.")],
    container="Eurasian Transport Review", pages="11–28", volume="6", issue="1", doi="10.5555/etr.2024.6.1.11",
    type="article", style="harvard")
ref("ref-b-veerpalu-2023",
    "Veerpalu, J. (2023) *Sanctions and the Silk Road: European Forwarders after 2022*. Tallinn: TCEC Working Paper 3.",
    2023, "Sanctions and the Silk Road: European Forwarders after 2022", ["veerpalu"], authors=[P("Veerpalu", "J.")],
    publisher="TCEC", place="Tallinn", collection="TCEC Working Paper 3", type="report", style="harvard")
ref("ref-b-zhou-2022", "Zhou, L. (2022) *The Iron Silk Road*. Singapore: Palgrave Macmillan.",
    2022, "The Iron Silk Road", ["zhou"], authors=[P("Zhou", "L.")], publisher="Palgrave Macmillan",
    place="Singapore", type="book", style="harvard")

# ============================================================================ in-text citations (Harvard)
cite = g.cite
cite("(Kassenova 2017, p. 22)", "Kassenova", 2017, "ref-b-kassenova-2017",
     "On 7 September 2013 Xi Jinping announced the Silk Road Economic Belt at Nazarbayev University in Astana (Kassenova 2017, p. 22).",
     locator="22")
cite("(Lukin 2018; Gabuev 2016)", "Lukin", 2018, "ref-b-lukin-2018",
     "on 8 May 2015 Moscow and Beijing signed a joint statement on linking the EAEU with the Belt and Road Initiative (Lukin 2018; Gabuev 2016).",
     reference_ids=["ref-b-lukin-2018", "ref-b-gabuev-2016"],
     parts=[{"key": "Lukin", "year": 2018, "reference_id": "ref-b-lukin-2018"},
            {"key": "Gabuev", "year": 2016, "reference_id": "ref-b-gabuev-2016"}])
cite("Nazarova (2021)", "Nazarova", 2021, "ref-b-nazarova-2021",
     "Nazarova (2021) argues that the two projects were never designed to fit together.", kind="narrative")
cite("(China State Railway Group 2024)", "China State Railway Group", 2024, "ref-b-china-railway-2024",
     "by 2023 the number had risen to about 17,500 (China State Railway Group 2024).")
cite("KTZ Express (2024a)", "KTZ Express", 2024, "ref-b-ktz-2024a",
     "*Source:* KTZ Express (2024a), authors' calculations.", kind="narrative", note="Table 1 source line.")
cite("(Veerpalu 2023, pp. 31–33)", "Veerpalu", 2023, "ref-b-veerpalu-2023",
     "several European forwarders suspended bookings through Russia (Veerpalu 2023, pp. 31–33).", locator="31–33")
cite("(KTZ Express 2024b)", "KTZ Express", 2024, "ref-b-ktz-2024b",
     "the so-called Middle Corridor (KTZ Express 2024b).")
cite("(Zhou 2022, p. 140; Lukin 2018)", "Zhou", 2022, "ref-b-zhou-2022",
     "has a design capacity of 5.2 million tonnes a year (Zhou 2022, p. 140; Lukin 2018).",
     locator="140", reference_ids=["ref-b-zhou-2022", "ref-b-lukin-2018"],
     parts=[{"key": "Zhou", "year": 2022, "locator": "140", "reference_id": "ref-b-zhou-2022"},
            {"key": "Lukin", "year": 2018, "reference_id": "ref-b-lukin-2018"}])
cite("(Sadykova 2024)", "Sadykova", 2024, "ref-b-sadykova-2024",
     "roughly twice the price of sea freight (Sadykova 2024).")
cite("(Asian Development Bank 2023, p. 7)", "Asian Development Bank", 2023, "ref-b-adb-2023",
     "The ferry fleet on the Caspian counted 26 vessels in 2023 (Asian Development Bank 2023, p. 7).", locator="7")

g.write(COMMON_NOTES + [
    "Fixture B (fix-b-corridors-harvard): an invented think-tank report with Harvard author-date citations "
    "('(Kassenova 2017, p. 22)', no comma before the year) and a Harvard reference list.",
    "A change in percentage points is stored with basis 'percentage-points' (the schema's change unit is 'percent').",
    "Built by gold/build_fix-b-corridors-harvard.py; check with check_gold.py --gold gold/fix-b-corridors-harvard.gold.json --seeds .",
])
