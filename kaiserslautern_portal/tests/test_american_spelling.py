"""One English: the catalogue is in American spelling (the largest English-speaking group here is the US community)."""

import re
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"

BRITISH = re.compile(
    r"\b(?:\w*isations?|\w*(?:colour|favour|behaviour|honour|labour|neighbour|harbour|humour|rumour|flavour|"
    r"endeavour|armour|vigour|odour|saviour|candour|glamour)\w*|\w*(?:centre|metre|litre|theatre|fibre|calibre|"
    r"sombre|lustre)s?|programmes?|licence[sd]?|(?:catalogue|dialogue|analogue)s?|grey\w*|whilst|amongst|"
    r"fulfil|fulfils|fulfilment|judgement\w*|ageing|enquir\w*|(?:travel|cancel|label|model|signal|fuel|counsel|"
    r"marvel)l(?:ed|ing|er|ers)|jeweller\w*|tonnes?|postcodes?|autumn|learnt|spelt|\w+ys(?:e|ed|es|ing)|"
    r"defence|offence|pretence|practis\w*|cheques?|aluminium|per cent|fortnights?|mobile phones?|storeys?|tyres?|"
    r"kerbs?|plough\w*|manoeuvr\w*|paediatric\w*|anaesthe\w*|artefacts?|speciality|titbits?|whilst)\b",
    re.IGNORECASE,
)
# American English also writes these with -ise.
AMERICAN_ISE = {
    "advertise", "advise", "arise", "chastise", "comprise", "compromise", "concise", "cruise", "demise", "despise",
    "devise", "disguise", "enterprise", "exercise", "expertise", "franchise", "improvise", "likewise", "merchandise",
    "noise", "otherwise", "paradise", "praise", "precise", "premise", "promise", "raise", "revise", "rise",
    "supervise", "surprise", "televise", "treatise", "wise", "clockwise",
}  # fmt: skip
ISE = re.compile(r"\b([a-z]+is)(e|ed|es|ing|er|ers)\b", re.IGNORECASE)


def british_spellings(text: str) -> list[str]:
    found = [match.group(0) for match in BRITISH.finditer(text)]
    found += [m.group(0) for m in ISE.finditer(text) if f"{m.group(1).lower()}e" not in AMERICAN_ISE]
    return found


# Placeholder names (%(programme)s) are code, not text a reader sees.
PLACEHOLDER = re.compile(r"%\(\w+\)")


def translations():
    for entry in polib.pofile(str(CATALOGUE)):
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            yield entry.msgid, PLACEHOLDER.sub("", text)


def test_the_english_catalogue_uses_american_spelling():
    found = {(msgid[:60], word) for msgid, text in translations() for word in british_spellings(text)}
    assert sorted(found) == []


def test_the_spelling_check_catches_british_spellings_and_lets_american_ones_pass():
    british = "The programme's organisation uses colour and a licence; we analysed the centre and cancelled it."
    assert british_spellings(british) == [
        "programme", "organisation", "colour", "licence", "analysed", "centre", "cancelled",
    ]  # fmt: skip
    american = "The program's organization uses color and a license; we analyzed the center. Otherwise, we promise."
    assert british_spellings(american) == []
