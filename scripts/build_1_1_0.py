"""Build dataset 1.1.0 from dataset 1.0.0 and the additions of 1.1.0, the record of how it was made.

Run from the repository root with the package installed:

    python scripts/build_1_1_0.py          # compare with the shipped file, exit 1 if it differs
    python scripts/build_1_1_0.py --write  # write it; refused once SHA256SUMS lists 1.1.0

Dataset 1.1.0 is 1.0.0 with fields added, so it is built from the shipped 1.0.0 records:
every record of 1.0.0 is in 1.1.0 with the same values in the fields they share.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

import taliban_recognition as tr
from release import check_or_write  # scripts/release.py, beside this script
from taliban_recognition import (
    Corroboration,
    Country,
    Dataset,
    EventCodes,
    FuzzyDate,
    PloverType,
    Reference,
)
from taliban_recognition._convert import dumps

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "taliban_recognition" / "data" / "1.1.0.json"

COW_GW: dict[str, tuple[int | None, str | None, int | None, str | None]] = {
    "AD": (232, "AND", None, None),
    "AE": (696, "UAE", 696, "UAE"),
    "AF": (700, "AFG", 700, "AFG"),
    "AG": (58, "AAB", None, None),
    "AL": (339, "ALB", 339, "ALB"),
    "AM": (371, "ARM", 371, "ARM"),
    "AO": (540, "ANG", 540, "ANG"),
    "AR": (160, "ARG", 160, "ARG"),
    "AT": (305, "AUS", 305, "AUS"),
    "AU": (900, "AUL", 900, "AUL"),
    "AZ": (373, "AZE", 373, "AZE"),
    "BA": (346, "BOS", 346, "BOS"),
    "BB": (53, "BAR", 53, "BAR"),
    "BD": (771, "BNG", 771, "BNG"),
    "BE": (211, "BEL", 211, "BEL"),
    "BF": (439, "BFO", 439, "BFO"),
    "BG": (355, "BUL", 355, "BUL"),
    "BH": (692, "BAH", 692, "BAH"),
    "BI": (516, "BUI", 516, "BUI"),
    "BJ": (434, "BEN", 434, "BEN"),
    "BN": (835, "BRU", 835, "BRU"),
    "BO": (145, "BOL", 145, "BOL"),
    "BR": (140, "BRA", 140, "BRA"),
    "BS": (31, "BHM", 31, "BHM"),
    "BT": (760, "BHU", 760, "BHU"),
    "BW": (571, "BOT", 571, "BOT"),
    "BY": (370, "BLR", 370, "BLR"),
    "BZ": (80, "BLZ", 80, "BLZ"),
    "CA": (20, "CAN", 20, "CAN"),
    "CD": (490, "DRC", 490, "DRC"),
    "CF": (482, "CEN", 482, "CEN"),
    "CG": (484, "CON", 484, "CON"),
    "CH": (225, "SWZ", 225, "SWZ"),
    "CI": (437, "CDI", 437, "CDI"),
    "CL": (155, "CHL", 155, "CHL"),
    "CM": (471, "CAO", 471, "CAO"),
    "CN": (710, "CHN", 710, "CHN"),
    "CO": (100, "COL", 100, "COL"),
    "CR": (94, "COS", 94, "COS"),
    "CU": (40, "CUB", 40, "CUB"),
    "CV": (402, "CAP", 402, "CAP"),
    "CY": (352, "CYP", 352, "CYP"),
    "CZ": (316, "CZR", 316, "CZR"),
    "DE": (255, "GMY", 260, "GFR"),
    "DJ": (522, "DJI", 522, "DJI"),
    "DK": (390, "DEN", 390, "DEN"),
    "DM": (54, "DMA", None, None),
    "DO": (42, "DOM", 42, "DOM"),
    "DZ": (615, "ALG", 615, "ALG"),
    "EC": (130, "ECU", 130, "ECU"),
    "EE": (366, "EST", 366, "EST"),
    "EG": (651, "EGY", 651, "EGY"),
    "ER": (531, "ERI", 531, "ERI"),
    "ES": (230, "SPN", 230, "SPN"),
    "ET": (530, "ETH", 530, "ETH"),
    "FI": (375, "FIN", 375, "FIN"),
    "FJ": (950, "FIJ", 950, "FJI"),
    "FM": (987, "FSM", None, None),
    "FR": (220, "FRN", 220, "FRN"),
    "GA": (481, "GAB", 481, "GAB"),
    "GB": (200, "UKG", 200, "UKG"),
    "GD": (55, "GRN", None, None),
    "GE": (372, "GRG", 372, "GRG"),
    "GH": (452, "GHA", 452, "GHA"),
    "GM": (420, "GAM", 420, "GAM"),
    "GN": (438, "GUI", 438, "GUI"),
    "GQ": (411, "EQG", 411, "EQG"),
    "GR": (350, "GRC", 350, "GRC"),
    "GT": (90, "GUA", 90, "GUA"),
    "GW": (404, "GNB", 404, "GNB"),
    "GY": (110, "GUY", 110, "GUY"),
    "HN": (91, "HON", 91, "HON"),
    "HR": (344, "CRO", 344, "CRO"),
    "HT": (41, "HAI", 41, "HAI"),
    "HU": (310, "HUN", 310, "HUN"),
    "ID": (850, "INS", 850, "INS"),
    "IE": (205, "IRE", 205, "IRE"),
    "IL": (666, "ISR", 666, "ISR"),
    "IN": (750, "IND", 750, "IND"),
    "IQ": (645, "IRQ", 645, "IRQ"),
    "IR": (630, "IRN", 630, "IRN"),
    "IS": (395, "ICE", 395, "ICE"),
    "IT": (325, "ITA", 325, "ITA"),
    "JM": (51, "JAM", 51, "JAM"),
    "JO": (663, "JOR", 663, "JOR"),
    "JP": (740, "JPN", 740, "JPN"),
    "KE": (501, "KEN", 501, "KEN"),
    "KG": (703, "KYR", 703, "KYR"),
    "KH": (811, "CAM", 811, "CAM"),
    "KI": (946, "KIR", None, None),
    "KM": (581, "COM", 581, "COM"),
    "KN": (60, "SKN", None, None),
    "KP": (731, "PRK", 731, "PRK"),
    "KR": (732, "ROK", 732, "ROK"),
    "KW": (690, "KUW", 690, "KUW"),
    "KZ": (705, "KZK", 705, "KZK"),
    "LA": (812, "LAO", 812, "LAO"),
    "LB": (660, "LEB", 660, "LEB"),
    "LC": (56, "SLU", None, None),
    "LI": (223, "LIE", None, None),
    "LK": (780, "SRI", 780, "SRI"),
    "LR": (450, "LBR", 450, "LBR"),
    "LS": (570, "LES", 570, "LES"),
    "LT": (368, "LIT", 368, "LIT"),
    "LU": (212, "LUX", 212, "LUX"),
    "LV": (367, "LAT", 367, "LAT"),
    "LY": (620, "LIB", 620, "LIB"),
    "MA": (600, "MOR", 600, "MOR"),
    "MC": (221, "MNC", None, None),
    "MD": (359, "MLD", 359, "MLD"),
    "ME": (341, "MNG", 341, "MNG"),
    "MG": (580, "MAG", 580, "MAG"),
    "MH": (983, "MSI", None, None),
    "MK": (343, "MAC", 343, "MAC"),
    "ML": (432, "MLI", 432, "MLI"),
    "MM": (775, "MYA", 775, "MYA"),
    "MN": (712, "MON", 712, "MON"),
    "MR": (435, "MAA", 435, "MAA"),
    "MT": (338, "MLT", 338, "MLT"),
    "MU": (590, "MAS", 590, "MAS"),
    "MV": (781, "MAD", 781, "MAD"),
    "MW": (553, "MAW", 553, "MAW"),
    "MX": (70, "MEX", 70, "MEX"),
    "MY": (820, "MAL", 820, "MAL"),
    "MZ": (541, "MZM", 541, "MZM"),
    "NA": (565, "NAM", 565, "NAM"),
    "NE": (436, "NIR", 436, "NIR"),
    "NG": (475, "NIG", 475, "NIG"),
    "NI": (93, "NIC", 93, "NIC"),
    "NL": (210, "NTH", 210, "NTH"),
    "NO": (385, "NOR", 385, "NOR"),
    "NP": (790, "NEP", 790, "NEP"),
    "NR": (970, "NAU", None, None),
    "NZ": (920, "NEW", 920, "NEW"),
    "OM": (698, "OMA", 698, "OMA"),
    "PA": (95, "PAN", 95, "PAN"),
    "PE": (135, "PER", 135, "PER"),
    "PG": (910, "PNG", 910, "PNG"),
    "PH": (840, "PHI", 840, "PHI"),
    "PK": (770, "PAK", 770, "PAK"),
    "PL": (290, "POL", 290, "POL"),
    "PS": (None, None, None, None),
    "PT": (235, "POR", 235, "POR"),
    "PW": (986, "PAL", None, None),
    "PY": (150, "PAR", 150, "PAR"),
    "QA": (694, "QAT", 694, "QAT"),
    "RO": (360, "ROM", 360, "RUM"),
    "RS": (None, None, 340, "SER"),
    "RU": (365, "RUS", 365, "RUS"),
    "RW": (517, "RWA", 517, "RWA"),
    "SA": (670, "SAU", 670, "SAU"),
    "SB": (940, "SOL", 940, "SOL"),
    "SC": (591, "SEY", None, None),
    "SD": (625, "SUD", 625, "SUD"),
    "SE": (380, "SWD", 380, "SWD"),
    "SG": (830, "SIN", 830, "SIN"),
    "SI": (349, "SLV", 349, "SLV"),
    "SK": (317, "SLO", 317, "SLO"),
    "SL": (451, "SIE", 451, "SIE"),
    "SM": (331, "SNM", None, None),
    "SN": (433, "SEN", 433, "SEN"),
    "SO": (520, "SOM", 520, "SOM"),
    "SR": (115, "SUR", 115, "SUR"),
    "SS": (626, "SSD", 626, "SSD"),
    "ST": (403, "STP", None, None),
    "SV": (92, "SAL", 92, "SAL"),
    "SY": (652, "SYR", 652, "SYR"),
    "SZ": (572, "SWA", 572, "SWA"),
    "TD": (483, "CHA", 483, "CHA"),
    "TG": (461, "TOG", 461, "TOG"),
    "TH": (800, "THI", 800, "THI"),
    "TJ": (702, "TAJ", 702, "TAJ"),
    "TL": (860, "ETM", 860, "ETM"),
    "TM": (701, "TKM", 701, "TKM"),
    "TN": (616, "TUN", 616, "TUN"),
    "TO": (955, "TON", None, None),
    "TR": (640, "TUR", 640, "TUR"),
    "TT": (52, "TRI", 52, "TRI"),
    "TV": (947, "TUV", None, None),
    "TZ": (510, "TAZ", 510, "TAZ"),
    "UA": (369, "UKR", 369, "UKR"),
    "UG": (500, "UGA", 500, "UGA"),
    "US": (2, "USA", 2, "USA"),
    "UY": (165, "URU", 165, "URU"),
    "UZ": (704, "UZB", 704, "UZB"),
    "VA": (327, "PAP", 327, "PAP"),
    "VC": (57, "SVG", None, None),
    "VE": (101, "VEN", 101, "VEN"),
    "VN": (816, "DRV", 817, "RVN"),
    "VU": (935, "VAN", None, None),
    "WS": (990, "WSM", None, None),
    "YE": (679, "YEM", None, None),
    "ZA": (560, "SAF", 560, "SAF"),
    "ZM": (551, "ZAM", 551, "ZAM"),
    "ZW": (552, "ZIM", 552, "ZIM"),
}
"""(cown, cowc, gwn, gwc) of each state with a status, and of Afghanistan.

From the codelist of the countrycode package, version 0.6.0 (Arel-Bundock, Enevoldsen and Yetman,
https://github.com/vincentarelbundock/pycountrycode), read once and checked against the issue's
reference values; the corrections below are applied on top.
"""

CORRECTIONS: dict[str, tuple[tuple[int | None, str | None, int | None, str | None], str]] = {
    "VN": (
        (816, "DRV", 816, "DRV"),
        (
            "countrycode gives Vietnam the Gleditsch-Ward code of the Republic of Vietnam (817, "
            "RVN), which the list of independent states ends in 1975; today's Vietnam continues "
            "the Democratic Republic of Vietnam, 816 (http://www.ksgleditsch.com/data-4.html)."
        ),
    ),
    "VA": (
        (None, None, None, None),
        (
            "countrycode gives the Holy See the code of the Papal States (327, PAP), a state the "
            "COW and Gleditsch-Ward lists end in 1870; neither list has the Holy See since."
        ),
    ),
}

NOTES = (
    " Country codes (from 1.1.0): each state's Correlates of War and Gleditsch-Ward numbers "
    "and abbreviations are those of the countrycode package's codelist, version 0.6.0 "
    "(https://github.com/vincentarelbundock/pycountrycode), except Vietnam's Gleditsch-Ward "
    "code, corrected from 817 (the Republic of Vietnam, which ended in 1975) to 816, and the "
    "Holy See's, which countrycode gives as the Papal States' 327 and which here has none. "
    "Where countrycode gives no code, there is none: the Gleditsch-Ward list of independent "
    "states leaves out microstates, and neither list has Palestine. Event codes (from 1.1.0): "
    "each event has a CAMEO code and a PLOVER type, chosen by what the source says happened. "
    "Corroborated dates (from 1.1.0): where a published reference pins a date the source "
    "leaves vague, the event carries it beside the source's date, citing the reference; "
    "queries use it only when asked (dates='corroborated')."
)

REFERENCES = (
    Reference(
        id="daily-sabah-russia-recognizes-taliban",
        title="Russia first to recognize Taliban government in Afghanistan",
        publisher="Daily Sabah",
        url="https://www.dailysabah.com/world/asia-pacific/russia-first-to-recognize-taliban-government-in-afghanistan",
        date=None,
        notes="Cited for the day of the recognition and of the ambassador's credentials, "
        "Thursday 3 July 2025. The title is read from the page's address; its publication "
        "date was not checked.",
    ),
    Reference(
        id="asia-plus-taliban-off-terror-list",
        title="Russia removes Afghanistan's Taliban from terror list",
        publisher="Asia-Plus",
        url="https://www.asiaplustj.info/en/news/world/20250418/russia-removes-afghanistans-taliban-from-terror-list",
        date=FuzzyDate.parse("2025-04-18"),
        notes="Cited for the day the Russian Supreme Court suspended the ban on the Taliban, "
        "17 April 2025. The title and publication date are read from the page's address.",
    ),
    Reference(
        id="rferl-supreme-court-bans-15-groups",
        title="Russia's Supreme Court designates 15 groups as terrorist organizations",
        publisher="Radio Free Europe/Radio Liberty",
        url="https://www.rferl.org/a/1102225.html",
        date=None,
        notes="Cited for the day the Russian Supreme Court designated the Taliban among 15 "
        "terrorist organizations, 14 February 2003. The title describes the report; its "
        "headline and publication date were not checked.",
    ),
    Reference(
        id="wikipedia-fall-of-kabul-2021",
        title="Fall of Kabul (2021)",
        publisher="Wikipedia",
        url="https://en.wikipedia.org/wiki/Fall_of_Kabul_(2021)",
        date=None,
        notes="Cited for the day the Taliban took Kabul, 15 August 2021. A wiki article has "
        "no single publication date.",
    ),
    Reference(
        id="wikipedia-crocus-city-hall-attack",
        title="Crocus City Hall attack",
        publisher="Wikipedia",
        url="https://en.wikipedia.org/wiki/Crocus_City_Hall_attack",
        date=None,
        notes="Cited for the day of the fatal ISIS-K attack in Moscow, 22 March 2024. A wiki "
        "article has no single publication date.",
    ),
)

CORROBORATIONS = {
    "russia-designates-taliban-terrorist": (
        "2003-02-14",
        "rferl-supreme-court-bans-15-groups",
        None,
    ),
    "taliban-takes-afghanistan": ("2021-08-15", "wikipedia-fall-of-kabul-2021", None),
    "russia-lifts-taliban-ban": ("2025-04-17", "asia-plus-taliban-off-terror-list", None),
    "russia-accepts-taliban-ambassador": (
        "2025-07-03",
        "daily-sabah-russia-recognizes-taliban",
        None,
    ),
    "russia-recognizes-taliban": ("2025-07-03", "daily-sabah-russia-recognizes-taliban", None),
    "russian-foreign-ministry-announces-recognition": (
        "2025-07-03",
        "daily-sabah-russia-recognizes-taliban",
        None,
    ),
    "isis-k-bombing-in-moscow": (
        "2024-03-22",
        "wikipedia-crocus-city-hall-attack",
        (
            "The source dates the bombing to 'this year', 2025, as of its reference date; the "
            "fatal ISIS-K attack in Moscow it refers to, the Crocus City Hall attack, took "
            "place on 22 March 2024, and was a shooting and arson attack rather than a bombing."
        ),
    ),
}

_DIPLOMATIC = (
    "Posting or accepting an ambassador is diplomatic cooperation short of recognition (054)."
)

CODES: dict[str, tuple[str, PloverType, str | None]] = {
    "russia-designates-taliban-terrorist": (
        "1722",
        PloverType.COERCE,
        (
            "Designating the group a terrorist organization bans it: CAMEO's ban on political "
            "parties or politicians."
        ),
    ),
    "taliban-takes-afghanistan": (
        "190",
        PloverType.ASSAULT,
        "The source says the Taliban 'captured Afghanistan': an armed conquest.",
    ),
    "china-posts-ambassador": ("050", PloverType.COOPERATE, _DIPLOMATIC),
    "pakistan-posts-ambassador": ("050", PloverType.COOPERATE, _DIPLOMATIC),
    "united-arab-emirates-posts-ambassador": ("050", PloverType.COOPERATE, _DIPLOMATIC),
    "uzbekistan-posts-ambassador": ("050", PloverType.COOPERATE, _DIPLOMATIC),
    "taliban-appoints-ambassador-to-russia": ("050", PloverType.COOPERATE, _DIPLOMATIC),
    "russia-accepts-taliban-ambassador": (
        "050",
        PloverType.COOPERATE,
        _DIPLOMATIC + " The recognition the welcome amounted to is coded on "
        "russia-recognizes-taliban.",
    ),
    "russia-commits-security-backing": ("030", PloverType.AGREE, None),
    "russia-sees-cooperation-potential": ("030", PloverType.AGREE, None),
    "russia-cites-counterterrorism-interest": (
        "030",
        PloverType.AGREE,
        "A mutual interest in counterterrorism, as Russia states it, is an intent to cooperate.",
    ),
    "taliban-seeks-sanctions-relief": ("0254", PloverType.REQUEST, None),
    "taliban-vows-to-counter-islamic-state": (
        "010",
        PloverType.COERCE,
        (
            "CAMEO codes the statement; PLOVER codes no bare statements, so it codes the policy "
            "the statement reports, countering the Islamic State: coercion of the group."
        ),
    ),
    "us-sanctions-taliban-officials": ("163", PloverType.SANCTION, None),
    "us-withholds-central-bank-funds": (
        "163",
        PloverType.SANCTION,
        "Withholding the central bank's funds is an economic sanction.",
    ),
    "western-countries-demand-reforms": ("104", PloverType.REQUEST, None),
    "afghanistan-imports-from-russia": ("061", PloverType.COOPERATE, None),
    "isis-k-bombing-in-moscow": (
        "183",
        PloverType.ASSAULT,
        "Coded as the source describes it, a bombing; see the corroboration for the attack.",
    ),
    "russia-lifts-taliban-ban": ("0812", PloverType.CONCEDE, None),
    "muttaqi-welcomes-recognition": ("051", PloverType.SUPPORT, None),
    "russia-recognizes-taliban": ("054", PloverType.SUPPORT, None),
    "russian-foreign-ministry-announces-recognition": (
        "030",
        PloverType.AGREE,
        (
            "The statement's substance is the cooperation the recognition should bring; the "
            "recognition itself is coded 054 on russia-recognizes-taliban."
        ),
    ),
}


def with_codes(country: Country) -> Country:
    """The country with its COW and GW codes."""
    cow_code, cow_abbr, gw_code, gw_abbr = CORRECTIONS.get(
        country.alpha_2, (COW_GW[country.alpha_2], "")
    )[0]
    return attrs.evolve(
        country, cow_code=cow_code, cow_abbr=cow_abbr, gw_code=gw_code, gw_abbr=gw_abbr
    )


def build() -> bytes:
    """The canonical bytes of dataset 1.1.0."""
    base = tr.load("1.0.0")
    actors = {
        actor.id: attrs.evolve(actor, country=actor.country and with_codes(actor.country))
        for actor in base.actors
    }
    events = []
    for event in base.events:
        cameo, plover, why = CODES[event.id]
        corroboration = None
        if event.id in CORROBORATIONS:
            day, reference, discrepancy = CORROBORATIONS[event.id]
            corroboration = Corroboration(FuzzyDate.parse(day), reference, discrepancy)
        events.append(
            attrs.evolve(
                event,
                actor=actors[event.actor.id],
                target=event.target and actors[event.target.id],
                codes=EventCodes(cameo=cameo, plover=plover, notes=why),
                corroboration=corroboration,
            )
        )
    if set(CODES) != {event.id for event in base.events}:
        msg = "every event needs codes, and every code an event"
        raise ValueError(msg)
    dataset = Dataset(
        version="1.1.0",
        sha256="0" * 64,  # the digest is of the file, so it is not written into it
        as_of=base.as_of,
        coverage_start=base.coverage_start,
        sources=base.sources,
        actors=tuple(actors.values()),
        events=tuple(events),
        statuses=tuple(
            attrs.evolve(period, country=with_codes(period.country)) for period in base.statuses
        ),
        notes=base.notes + NOTES,
        references=REFERENCES,
    )
    return dumps(dataset)


def main() -> int:
    """Compare the shipped file with a fresh build, or write it."""
    return check_or_write(OUT, build(), __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
