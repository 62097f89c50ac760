"""Build dataset 1.0.0 from its annotation of the article, the record of how it was made.

Run from the repository root with the package installed:

    python scripts/build_1_0_0.py          # compare with the shipped file, exit 1 if it differs
    python scripts/build_1_0_0.py --write  # write it; refused once SHA256SUMS lists 1.0.0

Quotes are located in the source text here, so no offset is typed by hand; a quote must occur
exactly once in the text. Released versions never change: a correction is a new version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

from release import check_or_write  # scripts/release.py, beside this script
from taliban_recognition import (
    Actor,
    ActorKind,
    Basis,
    Country,
    Dataset,
    Event,
    EventKind,
    Evidence,
    FuzzyDate,
    RecognitionStatus,
    Source,
    StatusPeriod,
    country,
)
from taliban_recognition._convert import dumps
from taliban_recognition._dataset import event_order

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_175e52cd24af4336.txt"
OUT = ROOT / "src" / "taliban_recognition" / "data" / "1.0.0.json"

AS_OF = dt.date(2025, 7, 3)
COVERAGE_START = dt.date(2021, 8, 1)
SOURCE_ID = "000-175e52cd24af4336"
TEXT = SEED.read_bytes().decode("utf-8")

SOURCE = Source(
    id=SOURCE_ID,
    title="Russia becomes the first nation to officially recognize the Taliban government",
    text=TEXT,
    sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
    notes=(
        "News article, project seed 000_175e52cd24af4336. The copy carries no headline, outlet, "
        "byline or publication date: the title is descriptive, written for this dataset. Its "
        "'Thursday' is 3 July 2025, the dataset's as_of date, as contemporaneous reports give "
        "it (e.g. https://www.dailysabah.com/world/asia-pacific/"
        "russia-first-to-recognize-taliban-government-in-afghanistan)."
    ),
)


def quote(text: str) -> Evidence:
    """Evidence for `text`, which must occur exactly once in the article."""
    start = TEXT.find(text)
    if start < 0 or TEXT.find(text, start + 1) >= 0:
        msg = f"quote must occur exactly once in the article: {text!r}"
        raise SystemExit(msg)
    return Evidence(source_id=SOURCE_ID, quote=text, start=start, end=start + len(text))


def state(actor_id: str, name: str, code: str, notes: str | None = None) -> Actor:
    """A state actor of the ISO 3166-1 country `code`."""
    return Actor(id=actor_id, name=name, kind=ActorKind.STATE, country=country(code), notes=notes)


AF = country("AF")
RUSSIA = state("russia", "Russia", "RU", "The source also calls it 'Moscow'.")
RUSSIAN_MFA = Actor(
    id="russian-foreign-ministry",
    name="Russian Foreign Ministry",
    kind=ActorKind.ORGANIZATION,
    country=country("RU"),
)
TALIBAN = Actor(
    id="taliban",
    name="Taliban",
    kind=ActorKind.GOVERNMENT,
    country=AF,
    notes=(
        "The Taliban movement, governing Afghanistan since August 2021 as the Islamic Emirate "
        "of Afghanistan. The source also calls it 'the Taliban regime', 'the group', 'the "
        "government of the Islamic Emirate of Afghanistan' and, by metonymy, 'Kabul'. It was not "
        "in government at the time of the 2003 designation: its first emirate ended in 2001 "
        "(https://en.wikipedia.org/wiki/Islamic_Emirate_of_Afghanistan_(1996%E2%80%932001))."
    ),
)
AFGHANISTAN = state("afghanistan", "Afghanistan", "AF")
MUTTAQI = Actor(
    id="amir-khan-muttaqi",
    name="Amir Khan Muttaqi",
    kind=ActorKind.PERSON,
    country=AF,
    notes="Foreign minister of the Taliban government ('Afghan Foreign Minister').",
)
CENTRAL_BANK = Actor(
    id="afghan-central-bank",
    name="Afghan central bank",
    kind=ActorKind.ORGANIZATION,
    country=AF,
)
CHINA = state("china", "China", "CN")
PAKISTAN = state("pakistan", "Pakistan", "PK")
UZBEKISTAN = state("uzbekistan", "Uzbekistan", "UZ")
UAE = state("united-arab-emirates", "United Arab Emirates", "AE", "The source says 'the UAE'.")
US = state("united-states", "United States", "US", "The source says 'The US'.")
ISIS_K = Actor(
    id="isis-k",
    name="ISIS-K",
    kind=ActorKind.NON_STATE_GROUP,
    country=None,
    notes=(
        "Islamic State - Khorasan Province, the Islamic State's branch in Afghanistan and the "
        "region (https://en.wikipedia.org/wiki/Islamic_State_%E2%80%93_Khorasan_Province)."
    ),
)
ISLAMIC_STATE = Actor(
    id="islamic-state",
    name="Islamic State",
    kind=ActorKind.NON_STATE_GROUP,
    country=None,
    notes="The source does not say whether it means ISIS-K here; kept as written.",
)
WEST = Actor(
    id="western-countries",
    name="Western countries",
    kind=ActorKind.STATE_GROUP,
    country=None,
    notes="The source names no member of the group.",
)
ACTORS = (
    RUSSIA, RUSSIAN_MFA, TALIBAN, AFGHANISTAN, MUTTAQI, CENTRAL_BANK, CHINA, PAKISTAN,
    UZBEKISTAN, UAE, US, ISIS_K, ISLAMIC_STATE, WEST,
)  # fmt: skip

IN_POWER = FuzzyDate.between(COVERAGE_START, AS_OF)
IN_POWER_NOTE = (
    "Undated in the source ({words}). Bounded below by the takeover, since {why}, and above by "
    "the reference date."
)

TAKEOVER = Event(
    id="taliban-takes-afghanistan",
    kind=EventKind.TAKEOVER,
    actor=TALIBAN,
    target=AFGHANISTAN,
    date=FuzzyDate.month(2021, 8),
    date_text="in August 2021",
    summary="The Taliban capture Afghanistan.",
    evidence=(quote("since it captured Afghanistan in August 2021"),),
)
ACCEPTED = Event(
    id="russia-accepts-taliban-ambassador",
    kind=EventKind.AMBASSADOR_ACCEPTED,
    actor=RUSSIA,
    target=TALIBAN,
    date=FuzzyDate.between(dt.date(2025, 4, 1), AS_OF),
    date_text=None,
    summary="Russia officially welcomes a new Afghan ambassador appointed by the Taliban.",
    evidence=(
        quote("Russia has officially welcomed a new Afghan ambassador appointed by the Taliban"),
        quote("Moscow’s move comes after its gradual rapprochement with the Taliban"),
        quote("The move, which was announced Thursday"),
    ),
    notes=(
        "The source does not date the welcome itself. It is part of 'Moscow's move', announced "
        "Thursday (2025-07-03), which 'comes after its gradual rapprochement with the Taliban'; "
        "the next sentence gives the lifting of the ban 'Last April' (April 2025) as part of that "
        "rapprochement, so the welcome is taken to follow it. Both bounds are inferences."
    ),
)
APPOINTED = Event(
    id="taliban-appoints-ambassador-to-russia",
    kind=EventKind.AMBASSADOR_APPOINTED,
    actor=TALIBAN,
    target=RUSSIA,
    date=FuzzyDate.between(COVERAGE_START, AS_OF),
    date_text=None,
    summary="The Taliban appoint a new Afghan ambassador to Russia.",
    evidence=(quote("a new Afghan ambassador appointed by the Taliban"),),
    notes=(
        "Undated in the source. Bounded below by the takeover, since the Taliban appoint as the "
        "government, and above by the reference date, by which Russia had welcomed the ambassador."
    ),
)
RECOGNITION = Event(
    id="russia-recognizes-taliban",
    kind=EventKind.RECOGNITION,
    actor=RUSSIA,
    target=TALIBAN,
    date=FuzzyDate.day(AS_OF),
    date_text="announced Thursday",
    summary=(
        "Russia officially recognizes the Taliban government, the first state to do so since "
        "the 2021 takeover."
    ),
    evidence=(
        quote(
            "becoming the first nation to officially recognize the Taliban regime since it "
            "captured Afghanistan in August 2021"
        ),
        quote("The move, which was announced Thursday by the Russian Foreign Ministry"),
        quote(
            "We believe the action of official recognition of the government of the Islamic "
            "Emirate of Afghanistan"
        ),
    ),
    notes=(
        "Formal recognition is an act performed by declaration, so it is dated by the Russian "
        "Foreign Ministry's announcement of 'the action of official recognition', made "
        "'Thursday', which resolves against the reference date to 2025-07-03. The welcome of the "
        "ambassador, which the source ties to it, is dated separately and may be earlier."
    ),
)
POSTER_NAMES = {
    "china": "China",
    "pakistan": "Pakistan",
    "uzbekistan": "Uzbekistan",
    "united-arab-emirates": "The United Arab Emirates",
}
POSTINGS = tuple(
    Event(
        id=f"{poster.id}-posts-ambassador",
        kind=EventKind.AMBASSADOR_POSTED,
        actor=poster,
        target=TALIBAN,
        date=IN_POWER,
        date_text=None,
        summary=f"{POSTER_NAMES[poster.id]} posts an ambassador to Kabul without formal "
        "recognition.",
        evidence=(
            quote(
                "Although no state ever granted official recognition to the Taliban, a number of "
                "states, including China, Pakistan, Uzbekistan, and the UAE, have posted "
                "ambassadors to Kabul"
            ),
        ),
        notes=IN_POWER_NOTE.format(
            words="'have posted'", why="the ambassador is posted to the Taliban's Kabul"
        )
        + " The source names four states among 'a number of states' that have done so.",
    )
    for poster in (CHINA, PAKISTAN, UZBEKISTAN, UAE)
)
EVENTS = (
    TAKEOVER,
    Event(
        id="russia-designates-taliban-terrorist",
        kind=EventKind.TERRORIST_DESIGNATION,
        actor=RUSSIA,
        target=TALIBAN,
        date=FuzzyDate.year(2003),
        date_text="in 2003",
        summary="Russia declares the Taliban a terrorist organization.",
        evidence=(quote("which it had declared a terrorist organization in 2003"),),
    ),
    Event(
        id="russia-lifts-taliban-ban",
        kind=EventKind.DESIGNATION_LIFTED,
        actor=RUSSIA,
        target=TALIBAN,
        date=FuzzyDate.month(2025, 4),
        date_text="Last April",
        summary="Russia ends its years-long ban on the Taliban as a terrorist organization.",
        evidence=(quote("Last April, Russia ended its years-long ban on the group"),),
        notes="'Last April', read against the reference date 2025-07-03, is April 2025.",
    ),
    APPOINTED,
    ACCEPTED,
    RECOGNITION,
    Event(
        id="russian-foreign-ministry-announces-recognition",
        kind=EventKind.STATEMENT,
        actor=RUSSIAN_MFA,
        target=TALIBAN,
        date=FuzzyDate.day(AS_OF),
        date_text="Thursday",
        summary=(
            "The Russian Foreign Ministry announces the recognition, saying it will give impetus "
            "to productive bilateral cooperation."
        ),
        evidence=(
            quote("The move, which was announced Thursday by the Russian Foreign Ministry"),
            quote(
                "We believe the action of official recognition of the government of the Islamic "
                "Emirate of Afghanistan will give impetus to the development of productive "
                "bilateral cooperation,” the ministry said in an announcement"
            ),
        ),
    ),
    Event(
        id="russia-sees-cooperation-potential",
        kind=EventKind.COOPERATION,
        actor=RUSSIA,
        target=TALIBAN,
        date=IN_POWER,
        date_text=None,
        summary=(
            "Russia says it sees high potential for cooperation with Kabul in counter-terrorism, "
            "anti-narcotics, energy, transportation and agriculture."
        ),
        evidence=(
            quote(
                "Moscow stated it believes there exists high potential for the growth of "
                "cooperation with Kabul, especially in fields like counter-terrorism, "
                "anti-narcotics, energy, transportation, and agriculture"
            ),
        ),
        notes=IN_POWER_NOTE.format(
            words="'Moscow stated'", why="cooperation 'with Kabul' is with the Taliban government"
        )
        + " Reported beside the Thursday announcement, but not said to be part of it.",
    ),
    Event(
        id="russia-commits-security-backing",
        kind=EventKind.COOPERATION,
        actor=RUSSIA,
        target=AFGHANISTAN,
        date=IN_POWER,
        date_text=None,
        summary="Russia commits to further backing Afghanistan's security requirements.",
        evidence=(
            quote(
                "Moscow also made a commitment to further backing Afghanistan’s security "
                "requirements"
            ),
        ),
        notes=IN_POWER_NOTE.format(
            words="'made a commitment'", why="the backing is given to Taliban-ruled Afghanistan"
        )
        + " Reported beside the Thursday announcement, but not said to be part of it.",
    ),
    Event(
        id="muttaqi-welcomes-recognition",
        kind=EventKind.STATEMENT,
        actor=MUTTAQI,
        target=RUSSIA,
        date=FuzzyDate.day(AS_OF),
        date_text=None,
        summary=(
            "Afghan Foreign Minister Amir Khan Muttaqi welcomes the recognition as a 'courageous "
            "step' and hopes it will inspire other countries."
        ),
        evidence=(
            quote(
                "Afghan Foreign Minister Amir Khan Muttaqi welcomed the gesture and referred to "
                "it as a “courageous step” and hoped that it would be the inspiration for other "
                "countries"
            ),
        ),
        notes=(
            "Undated in the source. Bounded below by the recognition it answers, announced on "
            "2025-07-03, and above by the dataset's reference date, the same day: the source "
            "gives no upper bound of its own."
        ),
    ),
    *POSTINGS,
    Event(
        id="taliban-seeks-sanctions-relief",
        kind=EventKind.APPEAL,
        actor=TALIBAN,
        target=None,
        date=IN_POWER,
        date_text=None,
        summary=(
            "The Taliban continue to seek relief from international sanctions and frozen funds."
        ),
        evidence=(
            quote(
                "the Taliban has continued to pursue relief from international sanctions and "
                "frozen funds"
            ),
        ),
        ongoing=True,
        notes=IN_POWER_NOTE.format(
            words="'has continued to pursue'", why="the Taliban seek it as the government"
        )
        + " The effort is ongoing. The source does not say who imposed the international "
        "sanctions, so no event records them.",
    ),
    Event(
        id="us-withholds-central-bank-funds",
        kind=EventKind.ASSET_FREEZE,
        actor=US,
        target=CENTRAL_BANK,
        date=IN_POWER,
        date_text=None,
        summary="The United States withholds billions from the Afghan central bank.",
        evidence=(quote("The US has withheld billions from the Afghan central bank"),),
        ongoing=True,
        notes=IN_POWER_NOTE.format(
            words="'has withheld'",
            why="the source presents these among the frozen funds the Taliban seek relief from",
        ),
    ),
    Event(
        id="us-sanctions-taliban-officials",
        kind=EventKind.SANCTIONS,
        actor=US,
        target=TALIBAN,
        date=IN_POWER,
        date_text=None,
        summary=(
            "The United States sanctions Taliban officials on human rights grounds, specifically "
            "the restriction of women and girls."
        ),
        evidence=(
            quote(
                "sanctioned Taliban officials on grounds of human rights issues, specifically the "
                "restriction of women and girls"
            ),
        ),
        notes=IN_POWER_NOTE.format(
            words="'has ... sanctioned'",
            why="the grounds are restrictions imposed by the Taliban government",
        )
        + " The target is officials of the Taliban, recorded as the Taliban.",
    ),
    Event(
        id="afghanistan-imports-from-russia",
        kind=EventKind.TRADE,
        actor=AFGHANISTAN,
        target=RUSSIA,
        date=FuzzyDate.year(2022),
        date_text="since 2022",
        summary="Afghanistan begins importing fuel, wheat and other products from Russia.",
        evidence=(
            quote(
                "Afghanistan has since 2022 been importing fuel, wheat, and other products from "
                "Russia"
            ),
        ),
        ongoing=True,
        notes="The date is when the imports began; they continue as of the reference date.",
    ),
    Event(
        id="isis-k-bombing-in-moscow",
        kind=EventKind.ATTACK,
        actor=ISIS_K,
        target=RUSSIA,
        date=FuzzyDate.between(dt.date(2025, 1, 1), AS_OF),
        date_text="this year",
        summary="A fatal ISIS-K bombing in Moscow.",
        evidence=(quote("the fatal ISIS-K bombing this year in Moscow"),),
        notes=(
            "'This year', read against the reference date, is 2025 up to 2025-07-03; kept as the "
            "source states it. Discrepancy: the well-known fatal ISIS-K attack in Moscow, the "
            "Crocus City Hall attack, took place on 22 March 2024 and was a shooting and arson "
            "attack (https://en.wikipedia.org/wiki/Crocus_City_Hall_attack)."
        ),
    ),
    Event(
        id="russia-cites-counterterrorism-interest",
        kind=EventKind.STATEMENT,
        actor=RUSSIA,
        target=TALIBAN,
        date=FuzzyDate.between(dt.date(2025, 1, 1), AS_OF),
        date_text=None,
        summary="Russia points to a mutual interest with the Taliban in counterterrorism.",
        evidence=(
            quote(
                "Russia points to a mutual interest in counterterrorism, especially following "
                "the fatal ISIS-K bombing this year in Moscow"
            ),
        ),
        notes=(
            "Undated in the source ('points to'). It refers to the bombing dated 'this year', so "
            "it is bounded below by 2025 and above by the reference date."
        ),
    ),
    Event(
        id="taliban-vows-to-counter-islamic-state",
        kind=EventKind.STATEMENT,
        actor=TALIBAN,
        target=ISLAMIC_STATE,
        date=IN_POWER,
        date_text=None,
        summary=(
            "The Taliban say they are working hard to counter the Islamic State in Afghanistan."
        ),
        evidence=(
            quote(
                "The Taliban says it is working hard to counter the Islamic State’s presence in "
                "Afghanistan"
            ),
        ),
        notes=IN_POWER_NOTE.format(
            words="'says'", why="the Taliban speak as the power in Afghanistan"
        ),
    ),
    Event(
        id="western-countries-demand-reforms",
        kind=EventKind.DEMAND,
        actor=WEST,
        target=TALIBAN,
        date=IN_POWER,
        date_text=None,
        summary="Western countries call for reforms on women's rights before granting recognition.",
        evidence=(
            quote(
                "Western countries are still wary, calling for reforms on women’s rights before "
                "granting recognition"
            ),
        ),
        ongoing=True,
        notes=IN_POWER_NOTE.format(
            words="'are still wary, calling for'", why="recognition is of the Taliban government"
        )
        + " The call is ongoing.",
    ),
)

NO_STATE = quote("Although no state ever granted official recognition to the Taliban")
FIRST = quote(
    "becoming the first nation to officially recognize the Taliban regime since it captured "
    "Afghanistan in August 2021"
)
READING = (
    "The source's 'no state ever granted official recognition' is read as since the 2021 "
    "takeover, the dataset's coverage. Read literally it is wrong: Pakistan, Saudi Arabia and "
    "the United Arab Emirates recognized the Taliban's first emirate of 1996-2001 "
    "(https://en.wikipedia.org/wiki/Islamic_Emirate_of_Afghanistan_(1996%E2%80%932001))."
)

# The states statuses are given for: the 193 member states of the United Nations and its two
# observer states, the Holy See and Palestine (https://www.un.org/en/about-us/member-states,
# https://www.un.org/en/about-us/non-member-states), by ISO 3166-1 alpha-2 code.
UN_MEMBERS = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM
ZW
""".split()  # noqa: SIM905 -- a block of codes reads and checks more easily than a list
UN_OBSERVERS = ["VA", "PS"]
if len(set(UN_MEMBERS)) != 193 or set(UN_MEMBERS) & set(UN_OBSERVERS):
    raise SystemExit("the UN membership list must hold 193 distinct codes")

NOTES = (
    "Statuses are given for the 193 member states of the United Nations and its two observer "
    "states, the Holy See and Palestine (https://www.un.org/en/about-us/member-states), other "
    "than Afghanistan, whose government is the one recognized: 194 states. Territories and "
    "other ISO 3166-1 entries have none. Coverage runs from the first day of the takeover month "
    "(the source says 'August 2021') to the reference date 2025-07-03, the source's "
    "'Thursday'. Relative dates resolve against the reference date ('Last April' is April "
    "2025, 'this year' is 2025). An event the source does not date is an unknown day within "
    "bounds that its notes justify; the source is taken to report as of the reference date, "
    "which bounds every event above."
)


def period(  # noqa: PLR0913 -- one argument per field of the record
    code: Country,
    status: RecognitionStatus,
    *,
    start: FuzzyDate,
    end: FuzzyDate | None,
    basis: Basis,
    events: tuple[str, ...],
    evidence: tuple[Evidence, ...],
    notes: str | None = None,
) -> StatusPeriod:
    """A status period, with its id made from the country code and the status."""
    return StatusPeriod(
        id=f"{code.alpha_2.lower()}-{status.value.replace('_', '-')}",
        country=code,
        status=status,
        start=start,
        end=end,
        basis=basis,
        events=events,
        evidence=evidence,
        notes=notes,
    )


def russia() -> tuple[StatusPeriod, ...]:
    """Russia: no recognition, the ambassador welcomed, then formal recognition."""
    ru = country("RU")
    return (
        period(
            ru,
            RecognitionStatus.NO_RECOGNITION,
            start=TAKEOVER.date,
            end=ACCEPTED.date,
            basis=Basis.INFERRED,
            events=(TAKEOVER.id,),
            evidence=(FIRST, NO_STATE),
            notes="The source rules out formal recognition before the move; it says nothing of "
            "Russia's diplomatic ties before the welcome of the ambassador, and none are "
            "recorded. " + READING,
        ),
        period(
            ru,
            RecognitionStatus.DE_FACTO_ENGAGEMENT,
            start=ACCEPTED.date,
            end=RECOGNITION.date,
            basis=Basis.INFERRED,
            events=(ACCEPTED.id,),
            evidence=ACCEPTED.evidence[:1],
            notes="Accepting the Taliban's ambassador before recognizing is de facto engagement. "
            "The source does not date the welcome apart from the move announced Thursday; "
            "if both fell on that day, this period is empty.",
        ),
        period(
            ru,
            RecognitionStatus.FORMAL_RECOGNITION,
            start=RECOGNITION.date,
            end=None,
            basis=Basis.STATED,
            events=(RECOGNITION.id,),
            evidence=RECOGNITION.evidence,
        ),
    )


def engaged(posting: Event, code: Country) -> tuple[StatusPeriod, ...]:
    """A state that posted an ambassador to Kabul: no recognition, then de facto engagement."""
    return (
        period(
            code,
            RecognitionStatus.NO_RECOGNITION,
            start=TAKEOVER.date,
            end=posting.date,
            basis=Basis.INFERRED,
            events=(TAKEOVER.id,),
            evidence=(NO_STATE,),
            notes="Before the ambassador was posted; the source says nothing of earlier ties.",
        ),
        period(
            code,
            RecognitionStatus.DE_FACTO_ENGAGEMENT,
            start=posting.date,
            end=None,
            basis=Basis.STATED,
            events=(posting.id,),
            evidence=(*posting.evidence, FIRST),
            notes=READING + " Russia being the first to recognize rules out formal recognition.",
        ),
    )


UNNAMED = (
    "Not singled out by the source: inferred from 'no state ever granted official recognition' "
    "and Russia being the first to recognize. The source says 'a number of states' have posted "
    "ambassadors to Kabul and names four, so an unnamed state may have de facto ties this record "
    "does not show."
)
NAMED_FOR_SANCTIONS = (
    "The source names the United States for withheld funds and sanctions, not for its "
    "recognition policy: inferred from 'no state ever granted official recognition' and Russia "
    "being the first to recognize."
)


def inferred(code: Country, notes: str) -> StatusPeriod:
    """No recognition throughout, inferred from what the source says of all states."""
    return period(
        code,
        RecognitionStatus.NO_RECOGNITION,
        start=TAKEOVER.date,
        end=None,
        basis=Basis.INFERRED,
        events=(TAKEOVER.id,),
        evidence=(NO_STATE, FIRST),
        notes=notes,
    )


def statuses() -> tuple[StatusPeriod, ...]:
    """The periods of every state in the coverage but Afghanistan, by country code."""
    special = {"RU": russia(), "US": (inferred(country("US"), NAMED_FOR_SANCTIONS),)}
    for posting in POSTINGS:
        code = posting.actor.country
        if code is None:
            raise SystemExit(f"{posting.actor.id} has no country")
        special[code.alpha_2] = engaged(posting, code)
    periods: list[StatusPeriod] = []
    for alpha_2 in sorted(set(UN_MEMBERS + UN_OBSERVERS) - {AF.alpha_2}):
        periods.extend(special.get(alpha_2, (inferred(country(alpha_2), UNNAMED),)))
    return tuple(periods)


def build() -> bytes:
    """The canonical bytes of dataset 1.0.0."""
    dataset = Dataset(
        version="1.0.0",
        sha256="0" * 64,  # the digest is of the file, so it is not written into it
        as_of=AS_OF,
        coverage_start=COVERAGE_START,
        sources=(SOURCE,),
        actors=ACTORS,
        events=tuple(sorted(EVENTS, key=event_order)),
        statuses=statuses(),
        notes=NOTES,
    )
    return dumps(dataset)


def main() -> int:
    """Compare the shipped file with a fresh build, or write it."""
    return check_or_write(OUT, build(), __doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())
