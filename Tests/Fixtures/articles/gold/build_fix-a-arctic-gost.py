#!/usr/bin/env python3
"""Builds gold/fix-a-arctic-gost.gold.json from fix-a-arctic-gost.txt.  Stdlib only.

    python3 gold/build_fix-a-arctic-gost.py        # from Tests/Fixtures/articles

Article A of the fixtures: an invented English translation of a Russian journal article
(Vestnik of Far Eastern Studies 15(4), 84-101, 2023) on Yamal LNG and the Northern Sea Route,
written for corpus-api before any rule was tuned against it.  Style: a Russian front matter
(UDC, DOI, received/accepted/published line, "For citation" line), numeric citations in square
brackets with page locators ("[1, p. 17]", "[3, pp. 45-46]", "[4, p. 116; 5]"), and a numbered
GOST-style reference list ("Petrov K.N. Title // Journal. 2019. Vol. 63, No. 3. P. 40-52.",
"Moscow: Ves' mir, 2013. 704 p.", a Cyrillic newspaper entry with "дата обращения", a federal
law, an uncited entry).

Shapes it tests: Russian numeric dates (29.04.2016, 28.12.2017), a Roman century (XVIII), a
decade (the 1930s), a year range (1733-1743), a day range (20-22 March 2023), decimal commas
("16,5 mln t", "1,5 trillion roubles"), EUR/CNY/USD/RUB amounts, counts of things and people
(15 carriers, 14 vessels, 2,300 specialists), a distance in km, a Markdown table (each cell an
indicator quoted by its row), and a running header with a page number inside a sentence
("are to / 88 Vestnik of Far Eastern Studies. 2023. Vol. 15, No. 4 / be delivered by 2027") and
inside reference 9.

TRAPS (not in the gold; an API that returns them is charged with a false positive):
  * front matter: "Received 12.09.2023; accepted 20.11.2023; published online 25.12.2023", the
    journal line "2023. Vol. 15, No. 4. P. 84-101", UDC 327(470+510), the "For citation" line;
  * self-reference: "This article traces Sino-Russian cooperation ... from 2013 to 2023", the
    conclusion's "Over the decade from 2013 to 2023";
  * hypothetical and negated clauses: "Had Western sanctions not been tightened in 2023, the first
    train could have shipped regular cargoes in the same year", "No Chinese company signed a
    long-term offtake contract for Arctic LNG 2 in 2023", "No Chinese shipping company made a
    transit voyage in 2022", "If a Chinese line were to commit to regular transit voyages in 2025";
  * numbers that are not figures: "Federal Law No. 525-FZ", "Article 5", "Arctic Express No. 1",
    "Project 22220", "Arc7", "Section 3", "Table 1", page numbers 88 and 101, volume/issue/page
    numbers and years inside the reference list and the citation brackets.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import COMMON_NOTES, Gold  # noqa: E402

DOC = "fix-a-arctic-gost"


def P(family, given=None):
    return {"family": family, "given": given}


g = Gold(DOC, {
    "title": "China in the Russian Arctic: Liquefied Natural Gas, the Northern Sea Route and the Limits of Partnership",
    "authors": [P("Sorokin", "P. A."), P("Li", "Mei")],
    "year": 2023,
    "container": "Vestnik of Far Eastern Studies",
    "volume": "15", "issue": "4", "pages": "84-101",
    "doi": "10.5555/vfes.2023.15.4.84",
    "note": "Invented translation of a Russian journal article; GOST-style numbered references.",
})

# ============================================================================ events
ev = g.ev
ev("ev-a-1733-great-northern-expedition", "1733", "year",
   "Great Northern Expedition maps the Siberian coastline", "other",
   ["In the XVIII century the Great Northern Expedition of 1733–1743 mapped most of the Siberian coastline"],
   end_date="1743", display_date="1733–1743")
ev("ev-a-1930s-nsr-opened-to-navigation", "193", "decade",
   "Soviet government opens the Northern Sea Route to regular navigation", "infrastructure",
   ["the Soviet government opened the route to regular navigation in the 1930s"])
ev("ev-a-2013-05-15-arctic-council-observer", "2013-05-15", "day",
   "China admitted to the Arctic Council as an observer state", "diplomacy",
   ["On 15 May 2013 China was admitted to the Arctic Council as an observer state"])
ev("ev-a-2018-01-arctic-white-paper", "2018-01", "month",
   "China's State Council publishes an Arctic policy white paper calling China a near-Arctic state", "diplomacy",
   ["in January 2018 the State Council published a white paper that described China as a \"near-Arctic state\""])
ev("ev-a-2013-09-cnpc-stake-yamal", "2013-09", "month",
   "CNPC acquires a 20% stake in Yamal LNG from Novatek", "energy",
   ["In September 2013 the China National Petroleum Corporation (CNPC) acquired a 20% stake in the project from Novatek"])
ev("ev-a-2016-03-silk-road-fund-stake", "2016-03", "month",
   "Silk Road Fund completes the purchase of a 9.9% stake in Yamal LNG", "energy",
   ["in March 2016 the Silk Road Fund completed the purchase of a further 9.9% stake"])
ev("ev-a-2014-western-sanctions", "2014", "year",
   "Western sanctions imposed, cutting Yamal LNG off from dollar financing", "economy",
   ["After Western sanctions were imposed in 2014, dollar financing became unavailable."])
ev("ev-a-2016-04-29-chinese-loans", "2016-04-29", "day",
   "Chinese state banks sign loan agreements with Yamal LNG", "economy",
   ["On 29.04.2016 the Export-Import Bank of China and the China Development Bank signed loan agreements with Yamal LNG for EUR 9.3 billion and 9.8 billion yuan"],
   display_date="29.04.2016")
ev("ev-a-2017-12-08-first-train", "2017-12-08", "day",
   "First production train of Yamal LNG launched", "energy",
   ["The first production train of Yamal LNG was launched on 8 December 2017"])
ev("ev-a-2018-11-third-train", "2018-11", "month",
   "Third Yamal LNG train reaches full capacity", "energy",
   ["the third reached full capacity in November 2018"])
ev("ev-a-2019-04-arctic-lng2-stakes", "2019-04", "month",
   "CNPC and CNOOC agree to buy 10% stakes in Arctic LNG 2", "energy",
   ["In April 2019 CNPC and CNOOC each agreed to buy a 10% stake."])
ev("ev-a-2023-arctic-lng2-sanctions", "2023", "year",
   "Western sanctions on Arctic LNG 2 tightened", "economy",
   ["Had Western sanctions not been tightened in 2023, the first train could have shipped regular cargoes in the same year"],
   optional=True,
   note="Only presupposed by a counterfactual clause; the counterfactual shipment itself is a trap.")
ev("ev-a-2017-12-28-federal-law-525", "2017-12-28", "day",
   "Russian federal law reserves hydrocarbon shipping on the Northern Sea Route to Russian-flagged vessels",
   "infrastructure",
   ["Federal Law No. 525-FZ of 28.12.2017 reserved the carriage of Russian hydrocarbons along the route for vessels under the Russian flag"],
   display_date="28.12.2017")
ev("ev-a-2018-05-presidential-decree", "2018-05", "month",
   "Presidential decree sets a goal of 80 million tonnes of cargo on the Northern Sea Route by 2024",
   "infrastructure",
   ["In May 2018 a presidential decree set the goal of bringing cargo traffic on the NSR to 80 million tonnes by 2024."])
ev("ev-a-2021-cosco-transits", "2021", "year",
   "Chinese transit voyages on the Northern Sea Route peak as COSCO sends 14 vessels", "economy",
   ["Transit voyages by Chinese shipping lines peaked in 2021, when COSCO sent 14 vessels through the route."],
   optional=True, note="A yearly total rather than a single happening.")
ev("ev-a-2021-08-02-arctic-express", "2021-08-02", "day",
   "Arctic Express No. 1 container train-and-ship service launched", "infrastructure",
   ["The Arctic Express No. 1 container train-and-ship service, launched on 2 August 2021"])
ev("ev-a-2023-03-20-xi-state-visit", "2023-03-20", "day",
   "Xi Jinping's state visit to Moscow; agreement to set up a joint working body on the Northern Sea Route",
   "diplomacy",
   ["During Xi Jinping's state visit to Moscow on 20–22 March 2023 the two leaders agreed to set up a joint working body on the development of the NSR."],
   end_date="2023-03-22")
ev("ev-a-2024-year-round-navigation", "2024", "year",
   "Year-round navigation in the eastern sector of the Northern Sea Route scheduled to begin", "infrastructure",
   ["year-round navigation in the eastern sector is scheduled to begin in 2024"],
   status="planned")
ev("ev-a-2027-icebreakers", "2027", "year",
   "Four new nuclear icebreakers to be delivered", "infrastructure",
   ["Four new nuclear icebreakers of Project 22220 are to 88 Vestnik of Far Eastern Studies. 2023. Vol. 15, No. 4 be delivered by 2027."],
   status="planned", note="The sentence runs across a running header and page number.")
ev("ev-a-2022-08-nsr-development-plan", "2022-08", "month",
   "Russian government adopts the Northern Sea Route development plan", "infrastructure",
   ["The federal budget allocated 1,5 trillion roubles to the NSR development plan adopted in August 2022"])
ev("ev-a-2030-nsr-cargo-forecast", "2030", "year",
   "Rosatom expects Northern Sea Route cargo to reach 150 million tonnes", "infrastructure",
   ["Rosatom expects cargo traffic to reach 150 million tonnes by 2030"],
   status="planned", status_detail="expected", optional=True,
   note="A forecast figure (ind-a-nsr-cargo-2030-expected); optional as an event.")
ev("ev-a-2024-nsr-cargo-goal", "2024", "year",
   "Goal of 80 million tonnes of cargo on the Northern Sea Route", "infrastructure",
   ["In May 2018 a presidential decree set the goal of bringing cargo traffic on the NSR to 80 million tonnes by 2024."],
   status="planned", optional=True, note="A target figure (ind-a-nsr-cargo-2024-target); optional as an event.")

# ============================================================================ indicators
ind = g.ind
YOY = "year-over-year"
MT = "million tonnes"
ind("ind-a-nsr-distance-saving", "nsr-distance-saving-shanghai-rotterdam",
    "Distance saved on the Shanghai–Rotterdam voyage by the Northern Sea Route", 5600, "km", None, "about", "other",
    ["The passage from Shanghai to Rotterdam along the NSR is about 5,600 km shorter than the route through the Suez Canal"])
ind("ind-a-nsr-days-saved", "nsr-days-saved", "Days at sea saved by the Northern Sea Route", 10, "days", None,
    "about", "other", ["which saves some ten to fifteen days at sea"],
    optional=True, value_max=15, note="A range in words.")
ind("ind-a-yamal-capacity", "yamal-lng-design-capacity", "Design output of Yamal LNG", 16.5,
    "million tonnes per year", None, "target", "energy",
    ["was designed for an output of 16,5 mln t of liquefied gas a year"],
    note="Decimal comma and Russian abbreviation ('16,5 mln t').")
ind("ind-a-cnpc-stake", "cnpc-stake-in-yamal-lng", "CNPC's stake in Yamal LNG", 20, "percent", "2013-09",
    "exact", "investment",
    ["In September 2013 the China National Petroleum Corporation (CNPC) acquired a 20% stake in the project from Novatek"])
ind("ind-a-silk-road-fund-stake", "silk-road-fund-stake-in-yamal-lng", "Silk Road Fund's stake in Yamal LNG", 9.9,
    "percent", "2016-03", "exact", "investment",
    ["in March 2016 the Silk Road Fund completed the purchase of a further 9.9% stake"])
ind("ind-a-loan-eur", "chinese-bank-loans-to-yamal-lng", "Chinese bank loans to Yamal LNG (euro tranche)", 9.3,
    "EUR billion", "2016-04-29", "exact", "finance",
    ["signed loan agreements with Yamal LNG for EUR 9.3 billion and 9.8 billion yuan"])
ind("ind-a-loan-cny", "chinese-bank-loans-to-yamal-lng", "Chinese bank loans to Yamal LNG (yuan tranche)", 9.8,
    "CNY billion", "2016-04-29", "exact", "finance",
    ["signed loan agreements with Yamal LNG for EUR 9.3 billion and 9.8 billion yuan"])
ind("ind-a-yamal-cost", "yamal-lng-total-cost", "Total cost of Yamal LNG", 27, "USD billion", None, "about",
    "investment", ["The total cost of the project was estimated at about USD 27 billion."])
ind("ind-a-chinese-modules-share", "share-of-yamal-modules-built-in-china",
    "Share of Yamal LNG process modules fabricated in Chinese yards", 80, "percent", None, "more-than", "other",
    ["Chinese yards in Qingdao and Zhuhai fabricated more than 80% of the plant's process modules"])
ind("ind-a-chinese-specialists", "chinese-specialists-at-sabetta", "Chinese specialists at Sabetta at the peak of construction",
    2300, "people", None, "about", "other",
    ["at the peak of construction about 2,300 Chinese specialists worked at Sabetta"])
ind("ind-a-arc7-fleet", "yamal-lng-ice-class-carrier-fleet", "Arc7 ice-class carriers serving Yamal LNG", 15,
    "vessels", None, "exact", "energy",
    ["The project is served by a fleet of 15 Arc7 ice-class carriers."],
    note="'Arc7' is a class name, not a figure.")
ind("ind-a-yamal-to-china-2019", "yamal-lng-cargoes-to-china", "Yamal LNG cargoes delivered to China", 2.9, MT,
    "2019", "exact", "energy", ["In 2019 only 2.9 million tonnes of Yamal cargoes went to China."])
ind("ind-a-lng-to-china-2022", "russia-lng-supplies-to-china", "Russian LNG supplies to China", 6.5, MT, "2022",
    "exact", "energy",
    ["Russia supplied 6.5 million tonnes of LNG to China in 2022, an increase of 44% over the previous year"],
    change={"value": 44, "unit": "percent", "basis": YOY})
ind("ind-a-arctic-lng2-stakes", "chinese-stakes-in-arctic-lng-2", "Stake in Arctic LNG 2 bought by each of CNPC and CNOOC",
    10, "percent", "2019-04", "exact", "investment",
    ["In April 2019 CNPC and CNOOC each agreed to buy a 10% stake."])
ind("ind-a-nsr-cargo-2024-target", "nsr-cargo-traffic", "Goal for cargo traffic on the Northern Sea Route", 80, MT,
    "2024", "target", "trade",
    ["a presidential decree set the goal of bringing cargo traffic on the NSR to 80 million tonnes by 2024"])
for year, total, transit in [("2019", 31.5, 0.70), ("2020", 33.0, 1.28), ("2021", 34.9, 2.05), ("2022", 34.1, 0.04)]:
    row = "| %s | %s | %s |" % (year, "%.1f" % total, "%.2f" % transit)
    ind("ind-a-nsr-cargo-%s" % year, "nsr-cargo-traffic", "Cargo carried on the Northern Sea Route", total, MT, year,
        "exact", "trade", [row], note="Table 1 cell; the quote is the table row.")
    ind("ind-a-nsr-transit-%s" % year, "nsr-transit-cargo", "Transit cargo on the Northern Sea Route", transit, MT,
        year, "exact", "trade", [row], note="Table 1 cell; the quote is the table row.")
ind("ind-a-cosco-transits-2021", "chinese-transit-voyages-on-nsr", "COSCO vessels sent through the Northern Sea Route",
    14, "vessels", "2021", "exact", "trade",
    ["Transit voyages by Chinese shipping lines peaked in 2021, when COSCO sent 14 vessels through the route."])
ind("ind-a-nsr-cargo-2030-expected", "nsr-cargo-traffic", "Expected cargo traffic on the Northern Sea Route", 150, MT,
    "2030", "expected", "trade", ["Rosatom expects cargo traffic to reach 150 million tonnes by 2030"],
    reporter="Rosatom")
ind("ind-a-icebreakers-2027", "nuclear-icebreakers-to-be-delivered", "New nuclear icebreakers to be delivered by 2027",
    4, "icebreakers", "2027", "target", "other",
    ["Four new nuclear icebreakers of Project 22220 are to"],
    optional=True, note="A count in words before a model number; the sentence runs across a page header.")
ind("ind-a-nsr-plan-budget", "nsr-development-plan-budget", "Federal budget allocation to the NSR development plan",
    1.5, "RUB trillion", "2022-08", "exact", "finance",
    ["The federal budget allocated 1,5 trillion roubles to the NSR development plan adopted in August 2022"],
    note="Decimal comma ('1,5').")

# ============================================================================ references (GOST)
ref = g.ref
ref("ref-a-01-lukin-2013", "Lukin A.V. Russia and China: Four Centuries of Interaction. Moscow: Ves' mir, 2013. 704 p.",
    2013, "Russia and China: Four Centuries of Interaction", ["lukin", "lukin a v"],
    authors=[P("Lukin", "A. V.")], publisher="Ves' mir", place="Moscow", number=1, type="book", style="gost")
ref("ref-a-02-scio-2018",
    "State Council Information Office of the PRC. China's Arctic Policy. Beijing, 2018. URL: https://english.scio.example/arctic-policy (accessed: 14.02.2023).",
    2018, "China's Arctic Policy", ["state council information office of the prc", "state council information office"],
    organization="State Council Information Office of the PRC", place="Beijing",
    url="https://english.scio.example/arctic-policy", accessed="2023-02-14", accept_years=[2023],
    number=2, type="report", style="gost")
ref("ref-a-03-petrov-2019",
    "Petrov K.N. The Northern Sea Route and China // World Economy and International Relations. 2019. Vol. 63, No. 3. P. 40–52. DOI: 10.5555/meimo.2019.63.3.40",
    2019, "The Northern Sea Route and China", ["petrov", "petrov k n"],
    authors=[P("Petrov", "K. N.")], container="World Economy and International Relations", pages="40–52",
    volume="63", issue="3", doi="10.5555/meimo.2019.63.3.40", number=3, type="article", style="gost")
ref("ref-a-04-ivanova-zhao-2020",
    "Ivanova M.S., Zhao L. Yamal LNG and Chinese Finance // Vestnik MGIMO-University. 2020. Vol. 13, No. 2. P. 112–131.",
    2020, "Yamal LNG and Chinese Finance", ["ivanova", "ivanova m s", "zhao"],
    authors=[P("Ivanova", "M. S."), P("Zhao", "L.")], container="Vestnik MGIMO-University", pages="112–131",
    volume="13", issue="2", number=4, type="article", style="gost")
ref("ref-a-05-kommersant-2016",
    "Китайские банки и «Ямал СПГ» // Коммерсантъ. 2016. 30 апреля. URL: https://kommersant.example/doc/2016-yamal (дата обращения: 10.03.2023).",
    2016, "Китайские банки и «Ямал СПГ»", ["китайские банки и ямал спг", "коммерсантъ"],
    container="Коммерсантъ", url="https://kommersant.example/doc/2016-yamal", issued="2016-04-30",
    accessed="2023-03-10", accept_years=[2023], number=5, type="news", style="gost",
    note="Untranslated Russian newspaper item, title first, no author.")
ref("ref-a-06-novatek-2019", "Novatek. Yamal LNG: Project Review. Moscow, 2019. 48 p.",
    2019, "Yamal LNG: Project Review", ["novatek"], organization="Novatek", place="Moscow",
    number=6, type="report", style="gost")
ref("ref-a-07-wang-2023",
    "Wang Y. Russian LNG in China's Energy Security // Asian Energy Review. 2023. Vol. 11, No. 1. P. 7–29.",
    2023, "Russian LNG in China's Energy Security", ["wang", "wang y"], authors=[P("Wang", "Y.")],
    container="Asian Energy Review", pages="7–29", volume="11", issue="1", number=7, type="article", style="gost")
ref("ref-a-08-sorokin-2023",
    "Sorokin P.A. Sanctions and Arctic LNG 2 // Russia in Global Affairs. 2023. No. 3. P. 88–104. DOI: 10.5555/rga.2023.3.88",
    2023, "Sanctions and Arctic LNG 2", ["sorokin", "sorokin p a"], authors=[P("Sorokin", "P. A.")],
    container="Russia in Global Affairs", pages="88–104", issue="3", doi="10.5555/rga.2023.3.88",
    number=8, type="article", style="gost")
ref("ref-a-09-federal-law-525",
    "Federal Law of 28.12.2017 No. 525-FZ \"On Amendments to the Merchant Shipping Code of the Russian Federation\" // Collected Legislation of the Russian Sorokin P.A., Li Mei. China in the Russian Arctic · 101 Federation. 2018. No. 1. Art. 4.",
    2018, "On Amendments to the Merchant Shipping Code of the Russian Federation",
    ["federal law of 28 12 2017 no 525 fz", "federal law", "on amendments to the merchant shipping code of the russian federation"],
    container="Collected Legislation of the Russian Federation", issue="1", accept_years=[2017],
    number=9, type="legislation", style="gost",
    note="The entry runs across a running header and page number ('Sorokin P.A., Li Mei. China in the Russian Arctic · 101'), which is not part of it.")
ref("ref-a-10-rosatom-2023", "Rosatom. Annual Report 2022. Moscow, 2023. 212 p.",
    2023, "Annual Report 2022", ["rosatom"], organization="Rosatom", place="Moscow", accept_years=[2022],
    number=10, type="report", style="gost")
ref("ref-a-11-gavrilov-chen-2022",
    "Gavrilov D.I., Chen Hao. Financing Arctic Infrastructure: State Programmes and Foreign Capital // Arctic and North. 2022. No. 49. P. 5–24. DOI: 10.5555/an.2022.49.5",
    2022, "Financing Arctic Infrastructure: State Programmes and Foreign Capital", ["gavrilov", "gavrilov d i", "chen"],
    authors=[P("Gavrilov", "D. I."), P("Chen", "Hao")], container="Arctic and North", pages="5–24", issue="49",
    doi="10.5555/an.2022.49.5", number=11, type="article", style="gost")
ref("ref-a-12-zhang-2021",
    "Zhang Xia. The Polar Silk Road and Sino-Russian Relations // Journal of Eurasian Studies. 2021. Vol. 12, No. 2. P. 150–162.",
    2021, "The Polar Silk Road and Sino-Russian Relations", ["zhang", "zhang xia"], authors=[P("Zhang", "Xia")],
    container="Journal of Eurasian Studies", pages="150–162", volume="12", issue="2", number=12, type="article",
    style="gost", note="Not cited in the body.")

# ============================================================================ in-text citations (numeric)
cite = g.cite
cite("[1, p. 17]", "1", None, "ref-a-01-lukin-2013",
     "the Soviet government opened the route to regular navigation in the 1930s [1, p. 17].",
     kind="numeric", locator="17")
cite("[2]", "2", None, "ref-a-02-scio-2018",
     "in January 2018 the State Council published a white paper that described China as a \"near-Arctic state\" [2].",
     kind="numeric")
cite("[3, pp. 45–46]", "3", None, "ref-a-03-petrov-2019",
     "which saves some ten to fifteen days at sea [3, pp. 45–46].", kind="numeric", locator="45–46")
cite("[4, p. 114]", "4", None, "ref-a-04-ivanova-zhao-2020",
     "in March 2016 the Silk Road Fund completed the purchase of a further 9.9% stake [4, p. 114].",
     kind="numeric", locator="114")
cite("[4, p. 116; 5]", "4; 5", None, "ref-a-04-ivanova-zhao-2020",
     "signed loan agreements with Yamal LNG for EUR 9.3 billion and 9.8 billion yuan [4, p. 116; 5].",
     kind="numeric", locator="116", reference_ids=["ref-a-04-ivanova-zhao-2020", "ref-a-05-kommersant-2016"])
cite("[6, p. 9]", "6", None, "ref-a-06-novatek-2019",
     "at the peak of construction about 2,300 Chinese specialists worked at Sabetta [6, p. 9].",
     kind="numeric", locator="9")
cite("[7]", "7", None, "ref-a-07-wang-2023",
     "Russia supplied 6.5 million tonnes of LNG to China in 2022, an increase of 44% over the previous year [7].",
     kind="numeric")
cite("[8]", "8", None, "ref-a-08-sorokin-2023",
     "the Chinese partners were reported to have suspended their participation [8].", kind="numeric")
cite("[9]", "9", None, "ref-a-09-federal-law-525",
     "gave the State Atomic Energy Corporation Rosatom the role of infrastructure operator [9].", kind="numeric")
cite("[10]", "10", None, "ref-a-10-rosatom-2023",
     "*Source:* compiled by the authors from Rosatom data [10].", kind="numeric", note="Table 1 source line.")
cite("[11]", "11", None, "ref-a-11-gavrilov-chen-2022",
     "The federal budget allocated 1,5 trillion roubles to the NSR development plan adopted in August 2022 [11].",
     kind="numeric")

g.write(COMMON_NOTES + [
    "Fixture A (fix-a-arctic-gost): an invented English translation of a Russian journal article with GOST-style "
    "numbered references; numeric citations resolved by number (key = the number(s)); reference raws leave out the "
    "leading 'N. ', 'number' keeps it.",
    "Decimal commas are read as decimal points ('16,5 mln t' = 16.5 million tonnes; '1,5 trillion roubles' = 1.5).",
    "Built by gold/build_fix-a-arctic-gost.py; check with check_gold.py --gold gold/fix-a-arctic-gost.gold.json --seeds .",
])
