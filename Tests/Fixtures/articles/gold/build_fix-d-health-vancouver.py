#!/usr/bin/env python3
"""Builds gold/fix-d-health-vancouver.gold.json from fix-d-health-vancouver.txt.  Stdlib only.

    python3 gold/build_fix-d-health-vancouver.py        # from Tests/Fixtures/articles

Article D of the fixtures: an invented Vancouver-style medical journal article (Far East Med J,
2024) on Russia–China cross-border health cooperation: plague surveillance, the COVID-19 border
closures, vaccines and medical travel.  Written for corpus-api (task evt18c) with its gold BEFORE
any output of the service was looked at, and kept as a held-out check: no rule is tuned to it.
Style: a journal line in NLM abbreviation ("Far East Med J. 2024;12(3):141–9."), an article-type
banner, Received/Revised/Accepted dates as dd.mm.yyyy, a structured abstract with bold run-in
heads ("**Background:** ... **Methods:** ..."), IMRaD sections, superscript citation numbers after
the full stop ("in April 1911.<sup>1</sup> A century later ..."), two numbers in one mark
("<sup>2,3</sup>"), ISO dates in the methods ("Between 2022-05-16 and 2022-07-29"), a table with a
title line above it and a signed change column ("+6.1", "−81.2" with U+2212), a source line with
a citation, a running header with a page number between the two halves of a sentence, a funding
line with a grant number, and a numbered Vancouver reference list ("1. Gamsa M. Title. Past
Present. 2006;190(1):147–83.") with "[Internet]", "[cited 2023 Aug 2]" and "2019 Nov 13" dates.

Shapes it tests: events in sentences that end in a superscript mark followed by a sentence with a
figure; counts of people, patients, rodents, doses and beds; CNY; "more than 300"; "about 70%";
a planned figure ("planned capacity of 60 million doses a year", "with 120 beds" in 2025, "train
500 Russian nurses ... by 2026"); table rows whose change column carries the year-on-year change.

TRAPS (not in the gold; an API that returns them is charged with a false positive):
  * received/revised/accepted dates, the journal line, "[cited ...]" dates, years only in references
    and titles, the grant number "22-28-01734", page number 145, volume/issue/page numbers;
  * the review's own method: "for the period 1 January 2009 to 31 March 2023", "retrieved 214
    records, of which 38", "Between 2022-05-16 and 2022-07-29 we interviewed 46 clinicians (26 ...,
    20 ...)", "95% confidence intervals", "p < 0.05";
  * self-reference and vague time: "This review asks ...", "We expect medical travel to exceed its
    2019 level in 2024", "has met every year since";
  * negated and counterfactual clauses: "No case was imported into Russia", "None of the
    Chinese-made doses had been approved ... by the end of 2022", "Had the two regulators
    recognised each other's vaccines, the border could have reopened in 2021";
  * numbers that are not figures: "Table 1", "Three features", "within three weeks", "three Chinese
    manufacturers" (optional at most), "Sputnik V", "COVID-19".
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import COMMON_NOTES, Gold  # noqa: E402

DOC = "fix-d-health-vancouver"


def P(family, given=None):
    return {"family": family, "given": given}


g = Gold(DOC, {
    "title": "Cross-border health cooperation between Russia and China, 2009–2023: plague surveillance, COVID-19 and medical travel",
    "authors": [P("Belova", "Anna V."), P("Chen", "Hui"), P("Karpenko", "Dmitry O.")],
    "year": 2024,
    "container": "Far East Medical Journal",
    "publisher": None,
    "issued": "2024",
    "note": "Invented Vancouver-style medical journal article; superscript citation numbers.",
})

# ============================================================================ events
ev = g.ev
ev("ev-d-1910-manchurian-plague", "1910", "year",
   "Manchurian plague epidemic kills some 60,000 people", "other",
   ["The Manchurian plague of 1910–1911 killed some 60,000 people"], end_date="1911",
   optional=True, note="An epidemic over two years rather than a dated happening.")
ev("ev-d-1911-04-plague-conference", "1911-04", "month",
   "First International Plague Conference meets in Mukden", "other",
   ["the first International Plague Conference met in Mukden in April 1911"])
ev("ev-d-2009-10-13-sanitary-agreement", "2009-10-13", "day",
   "Russia and China sign an agreement on the sanitary protection of the border", "diplomacy",
   ["A century later the two governments signed an agreement on the sanitary protection of the border on 13 October 2009"])
ev("ev-d-2011-joint-plague-field-work", "2011", "year",
   "Joint field work on the natural foci of plague begins in the Trans-Baikal region", "other",
   ["joint field work on the natural foci of plague began in the Trans-Baikal region in 2011",
    "Joint epizootic surveys have covered the Trans-Baikal and Inner Mongolian foci every year since 2011"])
ev("ev-d-2019-11-12-plague-cases-beijing", "2019-11-12", "day",
   "Two human cases of pneumonic plague confirmed in Beijing", "other",
   ["Two human cases of pneumonic plague were confirmed in Beijing on 12 November 2019"])
ev("ev-d-2019-11-13-zabaikalsk-controls", "2019-11-13", "day",
   "Rospotrebnadzor tightens sanitary controls at the Zabaikalsk checkpoint", "other",
   ["Rospotrebnadzor, Russia's consumer-protection agency, tightened sanitary controls at the Zabaikalsk checkpoint on 13 November 2019"])
ev("ev-d-2020-01-30-border-closed", "2020-01-30", "day",
   "Russia closes its land border with China to travellers", "diplomacy",
   ["Russia closed its land border with China to travellers on 30 January 2020"])
ev("ev-d-2020-02-flights-suspended", "2020-02", "month",
   "Russia suspends most passenger flights to China", "infrastructure",
   ["suspended most passenger flights in February"],
   note="The year comes from the clause before it (30 January 2020).")
ev("ev-d-2020-04-imported-cases-suifenhe", "2020-04", "month",
   "Chinese citizens returning from Russia through Suifenhe test positive; Harbin opens a temporary hospital", "other",
   ["In April 2020 the flow reversed: more than 300 Chinese citizens returning from Russia through Suifenhe tested positive within three weeks"])
ev("ev-d-2020-04-07-suifenhe-closed", "2020-04-07", "day",
   "Heilongjiang closes the Suifenhe crossing to passengers", "infrastructure",
   ["Heilongjiang closed the Suifenhe crossing to passengers on 7 April 2020"])
ev("ev-d-2020-11-sputnik-v-agreements", "2020-11", "month",
   "Russian Direct Investment Fund signs agreements to produce Sputnik V with Chinese manufacturers", "economy",
   ["The Russian Direct Investment Fund signed agreements in November 2020 to produce the Sputnik V vaccine with three Chinese manufacturers"])
ev("ev-d-2023-01-08-border-reopened", "2023-01-08", "day",
   "The border reopens to passengers", "diplomacy",
   ["The border reopened to passengers on 8 January 2023"])
ev("ev-d-2023-02-06-first-buses-suifenhe", "2023-02-06", "day",
   "First buses cross the border at Suifenhe", "infrastructure",
   ["the first buses crossed at Suifenhe on 6 February 2023"])
ev("ev-d-2025-vladivostok-medical-centre", "2025", "year",
   "Joint Russian–Chinese medical centre planned to open in Vladivostok", "other",
   ["A joint Russian–Chinese medical centre in Vladivostok is planned to open in 2025 with 120 beds"],
   status="planned")
ev("ev-d-2012-06-commission-first-meeting", "2012-06", "month",
   "Joint sanitary-quarantine commission meets for the first time in Blagoveshchensk", "diplomacy",
   ["the joint sanitary-quarantine commission met for the first time in Blagoveshchensk in June 2012"])
ev("ev-d-2021-pandemic-memorandum", "2021", "year",
   "Health ministries sign a memorandum on pandemic response", "diplomacy",
   ["In 2021 the two health ministries signed a memorandum on pandemic response that set up a shared hotline"])
ev("ev-d-2023-05-nurse-training-agreement", "2023-05", "month",
   "Health ministries agree to train Russian nurses in Chinese hospitals", "other",
   ["in May 2023 they agreed to train 500 Russian nurses in Chinese hospitals by 2026"])
ev("ev-d-2026-nurse-training-target", "2026", "year",
   "Target year for training 500 Russian nurses in Chinese hospitals", "other",
   ["in May 2023 they agreed to train 500 Russian nurses in Chinese hospitals by 2026"],
   status="planned", optional=True, note="The deadline of the May 2023 agreement; optional as a second event.")
ev("ev-d-2020-early-crossings-closed", "2020", "year",
   "Both countries close their land crossings", "diplomacy",
   ["Both countries closed their land crossings in early 2020"],
   optional=True, note="Abstract summary of the closures of January and April 2020.")

# ============================================================================ indicators
ind = g.ind
ind("ind-d-plague-deaths-1910", "manchurian-plague-deaths", "Deaths in the Manchurian plague of 1910–1911", 60000,
    "people", "1910/1911", "about", "other",
    ["The Manchurian plague of 1910–1911 killed some 60,000 people"])
ind("ind-d-rodents-examined-2019", "rodents-examined-plague-surveillance", "Rodents examined by the joint plague surveys",
    12600, "rodents", "2019", "exact", "other",
    ["In 2019 the teams examined 12,600 rodents"])
ind("ind-d-plague-positive-sites-2019", "plague-positive-sites", "Sites with plague-positive animals", 17, "sites",
    "2019", "exact", "other", ["found plague-positive animals at 17 sites"], optional=True)
ind("ind-d-plague-cases-2019", "human-plague-cases-beijing", "Human cases of pneumonic plague confirmed in Beijing", 2,
    "cases", "2019", "exact", "other",
    ["Two human cases of pneumonic plague were confirmed in Beijing on 12 November 2019"], optional=True,
    note="A count written as a word.")
ind("ind-d-crossings-2019", "suifenhe-passenger-crossings", "Passenger crossings at Pogranichny–Suifenhe", 2.1,
    "million people", "2019", "exact", "other",
    ["The closure cut passenger crossings at the Pogranichny–Suifenhe checkpoint from 2.1 million in 2019"])
ind("ind-d-crossings-2020", "suifenhe-passenger-crossings", "Passenger crossings at Pogranichny–Suifenhe", 0.3,
    "million people", "2020", "exact", "other",
    ["to 0.3 million in 2020"])
ind("ind-d-imported-cases-2020", "imported-covid-cases-suifenhe", "Returning Chinese citizens who tested positive at Suifenhe",
    300, "people", "2020-04", "more-than", "other",
    ["more than 300 Chinese citizens returning from Russia through Suifenhe tested positive within three weeks"])
ind("ind-d-harbin-hospital-beds", "harbin-temporary-hospital-beds", "Beds of Harbin's temporary hospital", 600, "beds",
    "2020-04", "exact", "other", ["Harbin converted a sports hall into a 600-bed temporary hospital"])
ind("ind-d-sputnik-capacity", "sputnik-v-production-capacity-china", "Planned Sputnik V production capacity in China",
    60, "million doses per year", "2020", "target", "other",
    ["with a planned capacity of 60 million doses a year"])
for year, patients, change, prose in [
    ("2019", 31200, 6.1, "Hospitals in Heilongjiang treated 31,200 patients from Russia in 2019, up 6.1% on 2018"),
    ("2020", 5870, -81.2, None),
    ("2021", 2140, -63.5, "patients from Russia treated in Heilongjiang fell from 31,200 in 2019 to 2,140 in 2021"),
    ("2022", 3960, 85.0, None),
]:
    sign = "+" if change > 0 else "−"
    row = "| %s | %s | %s%.1f |" % (year, format(patients, ","), sign, abs(change))
    quotes = [row]
    if prose:
        quotes = [prose, row] if year == "2019" else [row, prose]
    ind("ind-d-patients-from-russia-%s" % year, "heilongjiang-patients-from-russia",
        "Patients from Russia treated in hospitals of Heilongjiang", patients, "people", year, "exact", "other",
        quotes, change={"value": change, "unit": "percent", "basis": "year-over-year"},
        note="Table 1 row; the change column is the change of the figure.")
ind("ind-d-medical-spending-2019", "russian-medical-travel-spending", "Spending of Russian visitors on treatment in China",
    1.9, "CNY billion", "2019", "about", "trade",
    ["Russian visitors spent an estimated CNY 1.9 billion on treatment and traditional"])
ind("ind-d-patients-recovery-2023", "heilongjiang-patients-recovery", "Patients from Russia as a share of the 2019 level",
    70, "percent", "2023", "about", "other",
    ["By the end of 2023 the number of patients had recovered to about 70% of the 2019 level"])
ind("ind-d-vladivostok-centre-beds", "vladivostok-joint-medical-centre-beds", "Beds of the planned joint medical centre",
    120, "beds", "2025", "target", "other",
    ["A joint Russian–Chinese medical centre in Vladivostok is planned to open in 2025 with 120 beds"])
ind("ind-d-nurses-to-train", "russian-nurses-trained-in-china", "Russian nurses to be trained in Chinese hospitals",
    500, "people", "2026", "target", "education",
    ["they agreed to train 500 Russian nurses in Chinese hospitals by 2026"])
ind("ind-d-border-length", "russia-china-border-length", "Length of the Russia–China land border", 4209, "km", None,
    "exact", "other", ["Russia and China share a land border of 4,209 km"], optional=True,
    note="A geographic constant rather than a figure of the relationship.")
ind("ind-d-clinicians-interviewed", "clinicians-interviewed", "Clinicians interviewed for the study", 46, "people", "2022",
    "exact", "other", ["interviewed 46 clinicians in Primorye and Heilongjiang"], optional=True,
    note="The study's own sample; borderline.")

# ============================================================================ references (Vancouver)
ref = g.ref
R = [
    ("ref-d-01-gamsa-2006", "Gamsa M. The epidemic of pneumonic plague in Manchuria 1910–1911. Past Present. 2006;190(1):147–83.",
     2006, "The epidemic of pneumonic plague in Manchuria 1910–1911", ["gamsa"], dict(authors=[P("Gamsa", "M.")],
     container="Past Present", pages="147–83", volume="190", issue="1", type="article")),
    ("ref-d-02-ivanov-li-2012", "Ivanov SA, Li W. Sanitary protection of the Russian–Chinese border: the 2009 agreement. Epidemiol Vaccin Prev. 2012;11(4):22–7.",
     2012, "Sanitary protection of the Russian–Chinese border: the 2009 agreement", ["ivanov", "li"],
     dict(authors=[P("Ivanov", "S. A."), P("Li", "W.")], container="Epidemiol Vaccin Prev", pages="22–7", volume="11",
          issue="4", type="article")),
    ("ref-d-03-popova-2019", "Popova AY, editor. Natural foci of plague in the Russian Federation and neighbouring states. Moscow: Rospotrebnadzor; 2019.",
     2019, "Natural foci of plague in the Russian Federation and neighbouring states", ["popova"],
     dict(authors=[P("Popova", "A. Y.")], publisher="Rospotrebnadzor", place="Moscow", type="book")),
    ("ref-d-04-karpenko-belova-2022", "Karpenko DO, Belova AV. Reviewing Russian and Chinese health literature: a method. Pac Med J. 2022;(2):9–14. doi:10.5555/pmj.2022.2.9",
     2022, "Reviewing Russian and Chinese health literature: a method", ["karpenko", "belova"],
     dict(authors=[P("Karpenko", "D. O."), P("Belova", "A. V.")], container="Pac Med J", pages="9–14", issue="2",
          doi="10.5555/pmj.2022.2.9", type="article")),
    ("ref-d-05-zhang-2020", "Zhang L, Kosilko SA, Wang Y, et al. Plague surveillance on the China–Russia border, 2011–2019. Chin J Vector Biol Control. 2020;31(5):512–8.",
     2020, "Plague surveillance on the China–Russia border, 2011–2019", ["zhang"],
     dict(authors=[P("Zhang", "L."), P("Kosilko", "S. A."), P("Wang", "Y.")], container="Chin J Vector Biol Control",
          pages="512–8", volume="31", issue="5", type="article")),
    ("ref-d-06-rospotrebnadzor-2019", "Rospotrebnadzor. On tightening sanitary-quarantine control at the Zabaikalsk checkpoint [Internet]. Moscow: Rospotrebnadzor; 2019 Nov 13 [cited 2023 Aug 2]. Available from: https://rospotrebnadzor.example/news/13112019",
     2019, "On tightening sanitary-quarantine control at the Zabaikalsk checkpoint", ["rospotrebnadzor"],
     dict(organization="Rospotrebnadzor", publisher="Rospotrebnadzor", place="Moscow",
          url="https://rospotrebnadzor.example/news/13112019", accessed="2023-08-02", type="webpage")),
    ("ref-d-07-lukin-2021", "Lukin A. Russia–China relations and the COVID-19 pandemic. Asian Aff. 2021;52(3):554–73.",
     2021, "Russia–China relations and the COVID-19 pandemic", ["lukin"],
     dict(authors=[P("Lukin", "A.")], container="Asian Aff", pages="554–73", volume="52", issue="3", type="article")),
    ("ref-d-08-wu-gao-2020", "Wu Q, Gao F. Imported COVID-19 cases through Suifenhe port, April 2020. China CDC Wkly. 2020;2(19):340–3.",
     2020, "Imported COVID-19 cases through Suifenhe port, April 2020", ["wu", "gao"],
     dict(authors=[P("Wu", "Q."), P("Gao", "F.")], container="China CDC Wkly", pages="340–3", volume="2", issue="19",
          type="article")),
    ("ref-d-09-heilongjiang-2020", "Heilongjiang Provincial Health Commission. Epidemic situation report of 7 April 2020 [Internet]. Harbin: The Commission; 2020 [cited 2023 Jul 15]. Available from: https://wsjkw.hlj.example/2020-04-07",
     2020, "Epidemic situation report of 7 April 2020", ["heilongjiang provincial health commission"],
     dict(organization="Heilongjiang Provincial Health Commission", place="Harbin",
          url="https://wsjkw.hlj.example/2020-04-07", accessed="2023-07-15", type="report")),
    ("ref-d-10-kravchenko-2021", "Kravchenko E. Sputnik V production abroad: contracts and capacity. Pharm Econ. 2021;9(1):31–40.",
     2021, "Sputnik V production abroad: contracts and capacity", ["kravchenko"],
     dict(authors=[P("Kravchenko", "E.")], container="Pharm Econ", pages="31–40", volume="9", issue="1", type="article")),
    ("ref-d-11-heilongjiang-2023", "Heilongjiang Health Commission. Statistical yearbook of health in Heilongjiang 2023. Harbin: Heilongjiang People's Press; 2023.",
     2023, "Statistical yearbook of health in Heilongjiang 2023", ["heilongjiang health commission"],
     dict(organization="Heilongjiang Health Commission", publisher="Heilongjiang People's Press", place="Harbin",
          type="book")),
    ("ref-d-12-chen-belova-2023", "Chen H, Belova AV. Reopening the Suifenhe crossing: a field report. Far East Med J. 2023;11(2):88–92.",
     2023, "Reopening the Suifenhe crossing: a field report", ["chen", "belova"],
     dict(authors=[P("Chen", "H."), P("Belova", "A. V.")], container="Far East Med J", pages="88–92", volume="11",
          issue="2", type="article")),
    ("ref-d-13-minzdrav-2023", "Ministry of Health of the Russian Federation. Joint medical centre in Vladivostok [press release]. Moscow: The Ministry; 2023 Sep 5.",
     2023, "Joint medical centre in Vladivostok", ["ministry of health", "ministry of health of the russian federation"],
     dict(organization="Ministry of Health of the Russian Federation", place="Moscow", type="press-release")),
    ("ref-d-14-sergeeva-2024", "Sergeeva NV. Nurse training in Russian–Chinese health cooperation. Int J Nurs Stud Asia. 2024;4(1):1–8.",
     2024, "Nurse training in Russian–Chinese health cooperation", ["sergeeva"],
     dict(authors=[P("Sergeeva", "N. V.")], container="Int J Nurs Stud Asia", pages="1–8", volume="4", issue="1",
          type="article")),
]
for n, (rid, raw, year, title, keys, extra) in enumerate(R, start=1):
    ref(rid, raw, year, title, keys, number=n, style="vancouver", **extra)

# ============================================================================ in-text citations (superscript numbers)
cite = g.cite
RID = {n: r[0] for n, r in enumerate(R, start=1)}
for key, quote in [
    ("1", "the first International Plague Conference met in Mukden in April 1911.<sup>1</sup>"),
    ("2,3", "joint field work on the natural foci of plague began in the Trans-Baikal region in 2011.<sup>2,3</sup>"),
    ("4", "retrieved 214 records, of which 38 met the inclusion criteria.<sup>4</sup>"),
    ("5", "all of them on the Chinese side of the border.<sup>5</sup>"),
    ("6", "tightened sanitary controls at the Zabaikalsk checkpoint on 13 November 2019.<sup>6</sup>"),
    ("7", "suspended most passenger flights in February.<sup>7</sup>"),
    ("8", "Harbin converted a sports hall into a 600-bed temporary hospital.<sup>8</sup>"),
    ("9", "Heilongjiang closed the Suifenhe crossing to passengers on 7 April 2020.<sup>9</sup>"),
    ("10", "with a planned capacity of 60 million doses a year.<sup>10</sup>"),
    ("11", "Source: Heilongjiang Health Commission.<sup>11</sup>"),
    ("11", "Chinese medicine.<sup>11</sup>"),
    ("12", "the first buses crossed at Suifenhe on 6 February 2023.<sup>12</sup>"),
    ("13", "is planned to open in 2025 with 120 beds.<sup>13</sup>"),
    ("3", "met for the first time in Blagoveshchensk in June 2012 and has met every year since.<sup>3</sup>"),
    ("7", "called it \"not conducive\" to cooperation.<sup>7</sup>"),
    ("14", "they agreed to train 500 Russian nurses in Chinese hospitals by 2026.<sup>14</sup>"),
]:
    nums = [int(x) for x in key.split(",")]
    extra = {"reference_ids": [RID[x] for x in nums]} if len(nums) > 1 else {}
    cite("<sup>%s</sup>" % key, key, None, RID[nums[0]], quote, kind="numeric", **extra)

g.write(COMMON_NOTES + [
    "Fixture D (fix-d-health-vancouver): an invented Vancouver-style medical article with superscript citation "
    "numbers ('<sup>2,3</sup>') and a numbered Vancouver reference list (raw leaves out the leading 'n. ', number keeps it).",
    "Table 1 rows are indicators whose change column is the change of the figure; prose that repeats a row is a "
    "second source.",
    "Built by gold/build_fix-d-health-vancouver.py; check with check_gold.py --gold gold/fix-d-health-vancouver.gold.json --seeds .",
])
