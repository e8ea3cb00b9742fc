"""What synthetic maps are drawn from: Swedish municipalities, places, name templates and proportions.

Kept apart from :mod:`actormap.synthetic.generator` so the generator stays readable.
Weights by type follow the order of ``actormap.schema.ACTOR_TYPES``, by
target group the order of ``DEFAULT_TARGET_GROUPS``.
A template's ``{p}`` takes a place prefix (``Björk``), ``{q}`` a whole
place name (``Björkdalen``).

>>> ACTOR_TEMPLATES["school"][0].format(p="Björk", q="Björkdalen")
'Björkskolan'
"""

from __future__ import annotations

__all__ = [
    "ACTOR_TEMPLATES",
    "BASIS_SHARES",
    "CORE_ACTORS",
    "EFFORTS_PER_ACTOR",
    "EFFORT_TEMPLATES",
    "ENDED_SHARE",
    "GROUP_WEIGHTS",
    "INFORMAL_ONLY_SHARE",
    "ISOLATED_SHARE",
    "KIND_SHARES",
    "LEAD_WEIGHTS",
    "LEVEL_SHARES",
    "MULTIPLE_LEADS_SHARE",
    "MUNICIPALITIES",
    "NO_LEAD_SHARE",
    "OTHER_ROLES",
    "PARENT_OF_TYPE",
    "PARTICIPATIONS_PER_EFFORT",
    "PLACE_PREFIXES",
    "PLACE_SUFFIXES",
    "PLANNED_SHARE",
    "RELATIONS_PER_ACTOR",
    "SECTORS",
    "TYPE_ACTIVITY",
    "TYPE_SHARES",
    "UNCOVERED_CELLS",
]

MUNICIPALITIES = (
    "Ale",
    "Alingsås",
    "Borås",
    "Eskilstuna",
    "Falun",
    "Gävle",
    "Halmstad",
    "Härnösand",
    "Jönköping",
    "Kalmar",
    "Karlskrona",
    "Karlstad",
    "Kiruna",
    "Kristianstad",
    "Kungsbacka",
    "Lerum",
    "Linköping",
    "Luleå",
    "Lund",
    "Mora",
    "Motala",
    "Nacka",
    "Norrköping",
    "Norrtälje",
    "Nyköping",
    "Piteå",
    "Skellefteå",
    "Skövde",
    "Sollentuna",
    "Sundsvall",
    "Södertälje",
    "Trelleborg",
    "Trollhättan",
    "Uddevalla",
    "Umeå",
    "Uppsala",
    "Varberg",
    "Visby",
    "Västervik",
    "Västerås",
    "Växjö",
    "Ystad",
    "Örebro",
    "Örnsköldsvik",
    "Östersund",
)
"""Municipality names; a map with more municipalities numbers the repeats (``Ale 2``)."""

PLACE_PREFIXES = (
    "Björk",
    "Ek",
    "Lind",
    "Ros",
    "Sol",
    "Hag",
    "Berg",
    "Strand",
    "Äng",
    "Dal",
    "Gran",
    "Tall",
    "Ljung",
    "Vik",
    "Sjö",
    "Ås",
    "Hassel",
    "Lönn",
    "Al",
    "Asp",
    "Mos",
    "Skogs",
    "Kvarn",
    "Norr",
    "Sö",
    "Väst",
    "Öst",
    "Fjäll",
    "Bäck",
    "Hög",
)
PLACE_SUFFIXES = (
    "dalen",
    "berga",
    "viken",
    "torp",
    "hult",
    "byn",
    "lund",
    "åsen",
    "backen",
    "gården",
    "ängen",
    "holmen",
)

CORE_ACTORS = (
    # (name, type, index of the parent within the core, or -1)
    ("Kommunstyrelsen", "committee", -1),
    ("Socialnämnden", "committee", -1),
    ("Barn- och utbildningsnämnden", "committee", -1),
    ("Kultur- och fritidsnämnden", "committee", -1),
    ("Socialförvaltningen", "administration", 1),
    ("Utbildningsförvaltningen", "administration", 2),
    ("Kultur- och fritidsförvaltningen", "administration", 3),
    ("Lokalpolisområdet", "police", -1),
    ("Närsjukvården", "health_care", -1),
    ("Beroendemottagningen", "health_care", 8),
)
"""The actors every municipality of a synthetic map has first, in this order: the parents of the others."""

ACTOR_TEMPLATES = {
    "committee": (
        "Äldrenämnden",
        "Tekniska nämnden",
        "Stadsdelsnämnden {q}",
        "Brottsförebyggande rådet",
        "Folkhälsorådet",
        "Gymnasienämnden",
        "Arbetsmarknadsnämnden",
    ),
    "administration": (
        "Stadsdelsförvaltningen {q}",
        "Kommunledningskontoret",
        "Arbetsmarknadsförvaltningen",
        "Äldreförvaltningen",
        "Gymnasieförvaltningen",
        "Stadsbyggnadskontoret",
    ),
    "school": ("{p}skolan", "{p}gymnasiet", "{p}förskolan", "{q} skola", "Elevhälsan {q}"),
    "social_services": (
        "Familjecentralen {q}",
        "Fältgruppen {q}",
        "Mottagningsgruppen för unga",
        "Beroendeenheten",
        "Barn- och ungdomsenheten",
        "Boendestödet {q}",
        "Öppenvården {q}",
        "Ekonomiskt bistånd",
    ),
    "health_care": (
        "Vårdcentralen {q}",
        "Ungdomsmottagningen {q}",
        "BUP {q}",
        "Psykiatriska mottagningen {q}",
        "Mödravårdscentralen {q}",
        "Barnavårdscentralen {q}",
    ),
    "police": ("Kommunpolisen", "Ungdomsgruppen", "Närpolisen {q}", "Områdespolisen {q}"),
    "ngo": (
        "IOGT-NTO {q}",
        "Röda Korset {q}",
        "Länkarna",
        "Maskrosbarn",
        "Föräldraföreningen mot narkotika",
        "Fryshuset {q}",
        "{q} IF",
        "Stadsmissionen",
        "Nattvandrarna {q}",
        "Scouterna {q}",
        "Junis {q}",
    ),
    "user_organisation": (
        "RFHL {q}",
        "Anhörigföreningen {q}",
        "Brukarrådet",
        "KRIS {q}",
        "AA-gruppen {q}",
        "NA-gruppen {q}",
        "Attention {q}",
    ),
    "state_agency": (
        "Länsstyrelsen",
        "Kriminalvården, frivården",
        "Statens institutionsstyrelse",
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Tullverket",
    ),
    "other": (
        "Fritidsgården {q}",
        "Bostadsbolaget",
        "Fastighetsägarna {q}",
        "Krögarna i {q}",
        "Svenska kyrkan {q}",
        "Föreningsarkivet",
        "Biblioteket {q}",
    ),
}
"""Name templates per actor type."""

SECTORS = {
    "committee": "Kommun",
    "administration": "Kommun",
    "school": "Kommun",
    "social_services": "Kommun",
    "health_care": "Region",
    "police": "Stat",
    "ngo": "Civilsamhälle",
    "user_organisation": "Civilsamhälle",
    "state_agency": "Stat",
    "other": "Övrigt",
}

EFFORT_TEMPLATES = {
    "promotion": (
        "Föräldrastöd {q}",
        "Öppen fritidsverksamhet {q}",
        "Idrott för alla {q}",
        "Hälsoveckan {q}",
        "Drogfri fritid {q}",
        "Föräldraträffar {q}",
        "Sommarlovsaktiviteter {q}",
        "Mötesplats {q}",
    ),
    "prevention": (
        "ANDT-undervisning {q}",
        "Tobaksfri skola {q}",
        "Ansvarsfull alkoholservering",
        "Kontrollköp av folköl {q}",
        "Nattvandring {q}",
        "Föräldrar i samverkan {q}",
        "Drogvaneundersökning",
        "Trygg i skolan {q}",
        "Tillsyn av serveringstillstånd",
    ),
    "early_intervention": (
        "Mottagningsgrupp för unga {q}",
        "Mini-Maria {q}",
        "Skolsköterskans samtal {q}",
        "SSP-samverkan {q}",
        "Fältgruppens uppsök {q}",
        "Ungdomsmottagningens samtal {q}",
        "Tidiga samordnade insatser {q}",
        "Stöd till anhöriga {q}",
    ),
    "treatment": (
        "Öppenvårdsbehandling {q}",
        "Substitutionsbehandling",
        "Familjebehandling {q}",
        "Återfallsprevention {q}",
        "Samordnad individuell plan {q}",
        "Tillnyktring",
        "Behandlingsgrupp för unga {q}",
        "Stöd efter frigivning {q}",
    ),
}
"""Effort name templates per level."""

TYPE_SHARES = dict(
    committee=0.02,
    administration=0.04,
    school=0.22,
    social_services=0.17,
    health_care=0.13,
    police=0.04,
    ngo=0.18,
    user_organisation=0.07,
    state_agency=0.03,
    other=0.10,
)
"""Types of the actors beyond each municipality's core."""
TYPE_ACTIVITY = dict(
    committee=1.5,
    administration=2,
    school=1,
    social_services=2,
    health_care=1.5,
    police=3,
    ngo=1,
    user_organisation=0.7,
    state_agency=1,
    other=0.6,
)
LEAD_WEIGHTS = {  # by level, in ACTOR_TYPES order
    "promotion": (1, 2, 2, 1, 0.5, 0, 2.5, 0.3, 0, 1.5),
    "prevention": (1, 1.5, 3, 1.5, 0.5, 2, 1, 0.2, 0.3, 0.5),
    "early_intervention": (0, 1, 1.5, 4, 2.5, 1, 0.3, 0.2, 0, 0),
    "treatment": (0, 0.5, 0, 4, 5, 0, 0.5, 0.3, 0.5, 0),
}
LEVEL_SHARES = (0.2, 0.3, 0.25, 0.25)
GROUP_WEIGHTS = {  # by level, in DEFAULT_TARGET_GROUPS order
    "promotion": (3, 2, 2, 1, 2, 1),
    "prevention": (2, 2, 4, 1, 2, 0.5),
    "early_intervention": (1, 1, 4, 2, 2, 1),
    "treatment": (1, 0.5, 2, 4, 1, 1.5),
}
"""Target groups' weights by level (the generator zeroes its ``UNCOVERED_CELLS``)."""
PARENT_OF_TYPE = dict(administration=1, school=5, social_services=4, health_care=8, police=7, other=6)
"""Core position of each type's parent (administrations: a random core committee 0-3)."""
OTHER_ROLES = (("performer", 0.35), ("partner", 0.35), ("funder", 0.12), ("advisory", 0.12), ("follow_up", 0.06))
BASIS_SHARES = (0.35, 0.2, 0.45)
"""Agreement, mandate, informal, for participations and relations that are not planted."""
KIND_SHARES = (0.2, 0.45, 0.15, 0.2)

# The planted shares and sizes (documented in actormap.synthetic.generator, which re-exports them)
EFFORTS_PER_ACTOR = 1.5
PARTICIPATIONS_PER_EFFORT = 4.0
"""Participants drawn per effort on average (at least 2); repeated (actor, effort, role) rows are dropped."""
RELATIONS_PER_ACTOR = 0.25
"""Relations drawn per actor; self-loops and repeated pairs are dropped."""
NO_LEAD_SHARE = 0.05
MULTIPLE_LEADS_SHARE = 0.02
INFORMAL_ONLY_SHARE = 0.05
ISOLATED_SHARE = 0.03
ENDED_SHARE = 0.08
PLANNED_SHARE = 0.06
UNCOVERED_CELLS = (
    ("early_intervention", "population"),
    ("treatment", "population"),
    ("early_intervention", "relatives"),
    ("treatment", "children"),
)
"""(level, target group) cells no synthetic effort addresses: the last two are empty cells ``uncovered`` reports
(the first two are not expected by default, and without them no population-wide effort covers the others)."""
