#!/usr/bin/env python3
"""Builds gold/fix-c-energy-ieee.gold.json from fix-c-energy-ieee.txt.  Stdlib only.

    python3 gold/build_fix-c-energy-ieee.py        # from Tests/Fixtures/articles

Article C of the fixtures: an invented IEEE-style conference paper (EES 2024, Almaty) on oil, gas,
nuclear and electricity trade between Russia and China, written for corpus-api (task evt18) with
its gold BEFORE any output of the service was looked at, and kept as a held-out check: no rule is
tuned to it.  Style: a conference banner line, an "*Abstract*—" and "*Index Terms*—" paragraph, an
IEEE "Manuscript received ...; revised ...; accepted ..." line with a grant number, sections
numbered with Roman numerals ("## II. OIL") and lettered subsections ("### A. Power of Siberia"),
US-style dates ("Jan. 1, 2011", "May 21, 2014", "June 8, 2018"), a "Key Dates" box (Table I) whose
bullets repeat body events (second sources), an IEEE table caption in capitals (TABLE II) over a
pipe table, numeric citations "[3, p. 14]" and an IEEE reference list, one entry a line, no blank
lines between entries.

Shapes it tests: million tonnes, bcm, GW, TWh, \\$ billions, a share of a trade, a change
written "up 24% on 2022", a decline "fell by 31% to 3.1 TWh", an expected figure ("are expected to
reach the full 38 bcm in 2025"), table cells (value + share columns), and a running footer with a
page number between the two halves of a sentence.

TRAPS (not in the gold; an API that returns them is charged with a false positive):
  * the conference dates "17–19 September 2024", received/revised/accepted dates, the grant number
    "23-18-00451", access dates, years found only in the reference list, the report number
    "TR-2018-04", "Energy Insight 14";
  * self-reference: "This paper surveys energy trade ... 2009 to 2024", "Section II reviews the oil
    trade from 2009 to 2023", "We do not expect this asymmetry to change before 2030";
  * vague time: "since the 1990s", "has been discussed since 2020";
  * counterfactual, negated and hypothetical clauses: "Had European buyers not withdrawn after 2022",
    "No binding contract was signed during the visit of May 2024", "if the two sides agreed on a
    price, first gas could flow around 2030";
  * numbers that are not figures: Roman section numbers (II, III, IV, V) and "Table I/II", unit
    numbers ("units 1 and 2", "unit 7"), "VVER-1200" (a reactor model), "Power of Siberia 2",
    durations of contracts ("30-year", "25-year", "over twenty years"), page 213, reference
    volume/issue/page numbers.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import COMMON_NOTES, Gold  # noqa: E402

DOC = "fix-c-energy-ieee"


def P(family, given=None):
    return {"family": family, "given": given}


g = Gold(DOC, {
    "title": "Pipelines, Reactors and Wires: Sino-Russian Energy Interdependence, 2009–2024",
    "authors": [P("Qiao", "Lina"), P("Gorbunov", "Pavel S.")],
    "year": 2024,
    "container": "Proceedings of the 2024 International Conference on Eurasian Energy Systems (EES)",
    "publisher": None,
    "issued": "2024-09",
    "note": "Invented IEEE-style conference paper; numeric IEEE references.",
})

# ============================================================================ events
ev = g.ev
ev("ev-c-2009-02-loans-for-oil", "2009-02", "month",
   "Rosneft and Transneft agree to supply crude in exchange for China Development Bank loans", "energy",
   ["The turning point came in February 2009, when Rosneft and Transneft agreed to supply 300 million tonnes of crude over twenty years in exchange for loans of \\$25 billion from the China Development Bank",
    "Feb. 2009: loans-for-oil agreement"],
   aliases=["loans-for-oil"])
ev("ev-c-2011-01-01-espo-spur-opens", "2011-01-01", "day",
   "Skovorodino–Mohe spur of the ESPO pipeline begins operating", "energy",
   ["The Skovorodino–Mohe spur of the Eastern Siberia–Pacific Ocean (ESPO) pipeline began operating on Jan. 1, 2011",
    "Jan. 1, 2011: ESPO spur to China opens"])
ev("ev-c-2018-espo-spur-doubled", "2018", "year",
   "Capacity of the ESPO spur doubled to 30 million tonnes a year", "energy",
   ["its capacity was doubled to 30 million tonnes per year in 2018"])
ev("ev-c-2013-06-rosneft-cnpc-contract", "2013-06", "month",
   "Rosneft signs a 25-year supply contract with CNPC", "energy",
   ["In June 2013 Rosneft signed a further 25-year contract with CNPC worth about \\$270 billion"])
ev("ev-c-2023-russia-largest-supplier", "2023", "year",
   "Russia becomes China's largest crude supplier", "energy",
   ["Russian crude exports to China reached 107 million tonnes in 2023, up 24% on 2022, which made Russia China's largest supplier ahead of Saudi Arabia"],
   optional=True, note="Mainly a figure; the ranking is a state reached in a year.")
ev("ev-c-2014-05-21-power-of-siberia-contract", "2014-05-21", "day",
   "Gazprom and CNPC sign the 30-year Power of Siberia contract", "energy",
   ["Gazprom and CNPC signed a 30-year contract for 38 bcm a year on May 21, 2014, during Vladimir Putin's visit to Shanghai",
    "May 21, 2014: Power of Siberia contract signed"])
ev("ev-c-2014-09-power-of-siberia-construction", "2014-09", "month",
   "Construction of the Power of Siberia pipeline begins", "infrastructure",
   ["Construction began in September 2014"])
ev("ev-c-2019-12-02-first-gas", "2019-12-02", "day",
   "First gas flows through the Power of Siberia pipeline", "energy",
   ["the first gas flowed on Dec. 2, 2019", "Dec. 2, 2019: first gas through Power of Siberia"])
ev("ev-c-2025-full-volume-expected", "2025", "year",
   "Power of Siberia deliveries expected to reach the full 38 bcm", "energy",
   ["are expected to reach the full 38 bcm in 2025"],
   status="planned", status_detail="expected", optional=True,
   note="A forecast figure (ind-c-power-of-siberia-2025); optional as an event.")
ev("ev-c-2007-tianwan-1-2-operation", "2007", "year",
   "Tianwan units 1 and 2, built by Rosatom, enter commercial operation", "energy",
   ["Rosatom built units 1 and 2 of the Tianwan nuclear power plant, which entered commercial operation in 2007"])
ev("ev-c-2018-tianwan-3-4-completed", "2018", "year",
   "Tianwan units 3 and 4 completed", "energy",
   ["units 3 and 4, completed in 2018"])
ev("ev-c-2018-06-08-four-reactors-agreement", "2018-06-08", "day",
   "Russia and China agree on four more VVER-1200 reactors at Tianwan and Xudapu", "energy",
   ["On June 8, 2018 the two governments agreed on four more VVER-1200 reactors at Tianwan and Xudapu"])
ev("ev-c-2021-05-tianwan-7-construction", "2021-05", "month",
   "Construction of Tianwan unit 7 starts", "energy",
   ["Construction of Tianwan unit 7 started in May 2021", "May 2021: construction of Tianwan unit 7 starts"])
ev("ev-c-2026-tianwan-7-grid", "2026", "year",
   "Tianwan unit 7 scheduled to be connected to the grid", "energy",
   ["the unit is scheduled to be connected to the grid in 2026"], status="planned")
ev("ev-c-2012-amur-heihe-line", "2012", "year",
   "500 kV line from Amurskaya to Heihe carries power to Heilongjiang", "energy",
   ["Since 2012 a 500 kV line from Amurskaya to Heihe has carried power to Heilongjiang"],
   optional=True, note="A state of affairs since a year.")

# ============================================================================ indicators
ind = g.ind
MT = "million tonnes"
ind("ind-c-crude-exports-2023", "russia-crude-exports-to-china", "Russian crude oil exports to China", 107, MT, "2023",
    "exact", "energy",
    ["Russia supplied 107 million tonnes of crude oil to China in 2023",
     "Russian crude exports to China reached 107 million tonnes in 2023, up 24% on 2022"],
    change={"value": 24, "unit": "percent", "basis": "year-over-year"}, note="First source: the abstract.")
ind("ind-c-gas-exports-2023", "power-of-siberia-gas-deliveries", "Gas deliveries through Power of Siberia", 22.7, "bcm",
    "2023", "exact", "energy",
    ["Gas exports through the Power of Siberia pipeline reached 22.7 bcm in the same year",
     "Deliveries rose to 22.7 bcm in 2023"], note="First source: the abstract ('in the same year' = 2023).")
ind("ind-c-loans-for-oil-volume", "loans-for-oil-crude-volume", "Crude oil to be supplied under the 2009 loans-for-oil deal",
    300, MT, "2009", "exact", "energy",
    ["agreed to supply 300 million tonnes of crude over twenty years"])
ind("ind-c-loans-for-oil-loans", "loans-for-oil-loans", "China Development Bank loans under the 2009 deal",
    25, "USD billion", "2009", "exact", "finance",
    ["in exchange for loans of \\$25 billion from the China Development Bank"])
ind("ind-c-espo-spur-capacity-2018", "espo-spur-capacity", "Capacity of the ESPO spur to China", 30,
    "million tonnes per year", "2018", "exact", "energy",
    ["its capacity was doubled to 30 million tonnes per year in 2018"])
ind("ind-c-rosneft-cnpc-contract-value", "rosneft-cnpc-contract-value", "Value of the 2013 Rosneft–CNPC contract", 270,
    "USD billion", "2013", "about", "energy",
    ["In June 2013 Rosneft signed a further 25-year contract with CNPC worth about \\$270 billion"])
ind("ind-c-settlement-share-2023", "oil-trade-settled-in-national-currencies",
    "Share of the oil trade settled in roubles and yuan", 95, "percent", "2023", "about", "finance",
    ["by the end of 2023 about 95% of the trade was settled in roubles and yuan"])
ind("ind-c-power-of-siberia-contract-volume", "power-of-siberia-contract-volume", "Annual volume of the Power of Siberia contract",
    38, "bcm per year", "2014", "exact", "energy",
    ["Gazprom and CNPC signed a 30-year contract for 38 bcm a year on May 21, 2014"])
ind("ind-c-power-of-siberia-contract-value", "power-of-siberia-contract-value", "Value of the Power of Siberia contract",
    400, "USD billion", "2014", "exact", "energy", ["The contract was valued at \\$400 billion."])
ind("ind-c-power-of-siberia-2025", "power-of-siberia-gas-deliveries", "Expected gas deliveries through Power of Siberia",
    38, "bcm", "2025", "expected", "energy", ["are expected to reach the full 38 bcm in 2025"])
ind("ind-c-new-reactors-capacity", "tianwan-xudapu-new-reactors-capacity", "Combined capacity of the four new reactors",
    4.8, "GW", None, "target", "energy", ["The four new reactors will have a combined capacity of 4.8 GW"])
ind("ind-c-new-reactors-count", "new-vver-reactors-agreed", "VVER-1200 reactors agreed in 2018", 4, "reactors", "2018",
    "exact", "energy", ["On June 8, 2018 the two governments agreed on four more VVER-1200 reactors at Tianwan and Xudapu"],
    optional=True, note="A count in words; VVER-1200 is a model name.")
ind("ind-c-amur-line-voltage", "amur-heihe-line-voltage", "Voltage of the Amurskaya–Heihe line", 500, "kV", None, "exact",
    "energy", ["Since 2012 a 500 kV line from Amurskaya to Heihe has carried power to Heilongjiang"],
    optional=True, note="A technical rating rather than a figure of the relationship.")
for year, twh, share in [("2019", 3.1, 16), ("2020", 3.3, 18), ("2021", 4.6, 23), ("2022", 3.1, 17)]:
    row = "| %s | %s | %d |" % (year, twh, share)
    quotes = [row]
    change = None
    if year == "2021":
        quotes = ["exports peaked at 4.6 TWh in 2021", row]
    if year == "2022":
        quotes = ["fell by 31% to 3.1 TWh in 2022", row]
        change = {"value": -31, "unit": "percent", "basis": "year-over-year"}
    ind("ind-c-electricity-exports-%s" % year, "russia-electricity-exports-to-china", "Russian electricity exports to China",
        twh, "TWh", year, "exact", "energy", quotes, change=change,
        note="Table II cell; the quote is the table row (2021 and 2022 are also in the prose).")
    ind("ind-c-electricity-share-%s" % year, "china-share-of-russian-electricity-exports",
        "China's share of Russian electricity exports", share, "percent", year, "exact", "energy", [row],
        note="Table II cell, share column.")
ind("ind-c-china-share-of-russian-crude-2023", "china-share-of-russian-crude-exports",
    "China's share of Russia's crude oil exports", 47, "percent", "2023", "exact", "energy",
    ["In 2023 China took 47% of Russia's crude oil exports"])
ind("ind-c-russia-share-of-chinese-crude-2023", "russia-share-of-chinese-crude-imports",
    "Russia's share of China's crude imports", 19, "percent", "2023", "exact", "energy",
    ["Russia supplied only 19% of China's crude imports"])

# ============================================================================ references (IEEE)
ref = g.ref
ref("ref-c-01-gabuev-2012",
    "A. Gabuev, \"Crouching tiger, hidden dragon: Russia's oil deals with China,\" *Eurasian Energy J.*, vol. 4, no. 2, pp. 55–71, 2012.",
    2012, "Crouching tiger, hidden dragon: Russia's oil deals with China", ["gabuev"], authors=[P("Gabuev", "A.")],
    container="Eurasian Energy J.", pages="55–71", volume="4", issue="2", number=1, type="article", style="ieee")
ref("ref-c-02-transneft-2018",
    "Transneft, \"ESPO pipeline: capacity expansion,\" Moscow, Russia, Tech. Rep. TR-2018-04, 2018. [Online]. Available: https://transneft.example/espo",
    2018, "ESPO pipeline: capacity expansion", ["transneft"], organization="Transneft", place="Moscow",
    url="https://transneft.example/espo", number=2, type="report", style="ieee")
ref("ref-c-03-downs-2011",
    "E. Downs, *Inside China, Inc.: China Development Bank's Cross-Border Energy Deals*. Washington, DC, USA: Brookings, 2011.",
    2011, "Inside China, Inc.: China Development Bank's Cross-Border Energy Deals", ["downs"], authors=[P("Downs", "E.")],
    publisher="Brookings", place="Washington, DC, USA", number=3, type="book", style="ieee")
ref("ref-c-04-customs-2024",
    "General Administration of Customs of the PRC, \"Imports of crude oil by country, 2023,\" Beijing, China, Jan. 2024. Accessed: Mar. 3, 2024. [Online]. Available: https://customs.example/crude-2023",
    2024, "Imports of crude oil by country, 2023", ["general administration of customs", "general administration of customs of the prc"],
    organization="General Administration of Customs of the PRC", place="Beijing", url="https://customs.example/crude-2023",
    accessed="2024-03-03", accept_years=[2023], number=4, type="dataset", style="ieee")
ref("ref-c-05-lin-orlov-2023",
    "M. Lin and K. Orlov, \"Settlement currencies in the Russia–China oil trade,\" in *Proc. Int. Conf. Energy Finance*, Singapore, 2023, pp. 112–119, doi: 10.5555/icef.2023.112.",
    2023, "Settlement currencies in the Russia–China oil trade", ["lin", "orlov"], authors=[P("Lin", "M."), P("Orlov", "K.")],
    container="Proc. Int. Conf. Energy Finance", pages="112–119", doi="10.5555/icef.2023.112", number=5,
    type="paper-conference", style="ieee")
ref("ref-c-06-henderson-2014",
    "J. Henderson, \"The Power of Siberia contract: Pricing and volumes,\" Oxford Inst. Energy Stud., Oxford, U.K., Energy Insight 14, Jun. 2014.",
    2014, "The Power of Siberia contract: Pricing and volumes", ["henderson"], authors=[P("Henderson", "J.")],
    publisher="Oxford Inst. Energy Stud.", place="Oxford, U.K.", number=6, type="report", style="ieee")
ref("ref-c-07-gazprom-2024", "Gazprom, *Annual Report 2023*. Moscow, Russia: Gazprom, 2024.",
    2024, "Annual Report 2023", ["gazprom"], organization="Gazprom", publisher="Gazprom", place="Moscow, Russia",
    accept_years=[2023], number=7, type="report", style="ieee")
ref("ref-c-08-kuznetsova-hu-2018",
    "T. Kuznetsova and W. Hu, \"Russian reactors in China: From Tianwan to Xudapu,\" *Nucl. Eng. Int.*, vol. 63, no. 9, pp. 20–24, Sep. 2018.",
    2018, "Russian reactors in China: From Tianwan to Xudapu", ["kuznetsova", "hu"],
    authors=[P("Kuznetsova", "T."), P("Hu", "W.")], container="Nucl. Eng. Int.", pages="20–24", volume="63", issue="9",
    number=8, type="article", style="ieee")
ref("ref-c-09-rosatom-2021", "Rosatom, \"Construction starts on Tianwan 7,\" Press release, May 19, 2021.",
    2021, "Construction starts on Tianwan 7", ["rosatom"], organization="Rosatom", number=9, type="press-release",
    style="ieee")
ref("ref-c-10-gorbunov-2023",
    "P. S. Gorbunov, \"Electricity exports from the Russian Far East,\" *Energy Syst. Res.*, vol. 5, no. 1, pp. 3–11, 2023, doi: 10.5555/esr.2023.5.1.3.",
    2023, "Electricity exports from the Russian Far East", ["gorbunov"], authors=[P("Gorbunov", "P. S.")],
    container="Energy Syst. Res.", pages="3–11", volume="5", issue="1", doi="10.5555/esr.2023.5.1.3", number=10,
    type="article", style="ieee")
ref("ref-c-11-qiao-2022",
    "L. Qiao, *Gas and Geopolitics in Northeast Asia*. Cham, Switzerland: Springer, 2022.",
    2022, "Gas and Geopolitics in Northeast Asia", ["qiao"], authors=[P("Qiao", "L.")], publisher="Springer",
    place="Cham, Switzerland", number=11, type="book", style="ieee", note="Not cited in the body.")

# ============================================================================ in-text citations (numeric)
cite = g.cite
for n, rid, quote, loc in [
    (1, "ref-c-01-gabuev-2012", "in exchange for loans of \\$25 billion from the China Development Bank [1].", None),
    (2, "ref-c-02-transneft-2018", "its capacity was doubled to 30 million tonnes per year in 2018 [2].", None),
    (3, "ref-c-03-downs-2011", "In June 2013 Rosneft signed a further 25-year contract with CNPC worth about \\$270 billion [3, p. 14].", "14"),
    (4, "ref-c-04-customs-2024", "which made Russia China's largest supplier ahead of Saudi Arabia [4].", None),
    (5, "ref-c-05-lin-orlov-2023", "by the end of 2023 about 95% of the trade was settled in roubles and yuan [5].", None),
    (6, "ref-c-06-henderson-2014", "during Vladimir Putin's visit to Shanghai [6].", None),
    (7, "ref-c-07-gazprom-2024", "are expected to reach the full 38 bcm in 2025 [7].", None),
    (8, "ref-c-08-kuznetsova-hu-2018", "units 3 and 4, completed in 2018 [8].", None),
    (9, "ref-c-09-rosatom-2021", "only power line across the Amur [9].", None),
    (10, "ref-c-10-gorbunov-2023", "after demand rose in the Russian Far East [10].", None),
]:
    raw = "[%d, p. %s]" % (n, loc) if loc else "[%d]" % n
    cite(raw, str(n), None, rid, quote, kind="numeric", locator=loc)

g.write(COMMON_NOTES + [
    "Fixture C (fix-c-energy-ieee): an invented IEEE-style conference paper with numeric citations '[3, p. 14]' "
    "and an IEEE reference list (one entry a line; raw leaves out the leading '[n] ', number keeps it).",
    "The Key Dates box (Table I) repeats body events; its bullets are second sources of those events.",
    "Built by gold/build_fix-c-energy-ieee.py; check with check_gold.py --gold gold/fix-c-energy-ieee.gold.json --seeds .",
])
