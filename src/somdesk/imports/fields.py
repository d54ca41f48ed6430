"""What an import can fill in, how a column is recognised, and how each value is read.

Every reader raises ValueError with a message that names what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from somdesk.domain.dates import read_date
from somdesk.domain.model import Disposal, Language, RiskLevel, Sex
from somdesk.domain.text import QT_TR_NOOP

__all__ = [
    "FIELDS",
    "Field",
    "guess_mapping",
    "is_no_fixed_abode",
    "read_aliases",
    "read_bool",
    "read_date",
    "read_disposal",
    "read_language",
    "read_risk",
    "read_sex",
]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool
    names: tuple[str, ...]  # header spellings that map to this field without asking


FIELDS: tuple[Field, ...] = (
    Field(
        "visor_ref",
        QT_TR_NOOP("ViSOR reference"),
        True,
        ("visor", "visor ref", "visor reference", "visor number", "visor id"),
    ),
    Field("pnc_id", QT_TR_NOOP("PNC ID"), True, ("pnc", "pnc id", "pnc number", "pncid")),
    Field(
        "family_name", QT_TR_NOOP("Family name"), True, ("surname", "family name", "last name", "lastname")
    ),
    Field(
        "given_names",
        QT_TR_NOOP("Given names"),
        True,
        ("forename", "forenames", "first name", "first names", "given names"),
    ),
    # Several in one cell, separated by ";": each kept as a name of kind alias, source "import".
    Field(
        "aliases", QT_TR_NOOP("Aliases"), False, ("aliases", "alias", "aka", "also known as", "other names")
    ),
    Field("date_of_birth", QT_TR_NOOP("Date of birth"), True, ("dob", "date of birth", "birth date", "born")),
    Field("sex", QT_TR_NOOP("Sex"), True, ("sex", "gender")),
    # English or Welsh (DOMAIN.md §9); an empty cell, or no such column, records nothing (never a guess).
    Field(
        "preferred_language",
        QT_TR_NOOP("Preferred language"),
        False,
        ("preferred language", "language", "language preference", "correspondence language"),
    ),
    # Required: an empty address is never taken as no fixed abode; NFA says so (caseload.py).
    Field(
        "address_line1",
        QT_TR_NOOP("Address"),
        True,
        ("address", "address line 1", "address1", "street", "house"),
    ),
    Field("town", QT_TR_NOOP("Town"), False, ("town", "city", "town/city")),
    Field("postcode", QT_TR_NOOP("Postcode"), False, ("postcode", "post code", "postal code")),
    Field(
        "area", QT_TR_NOOP("Area"), False, ("area", "policing area", "district", "sector", "neighbourhood")
    ),
    Field(
        "relevant_date",
        QT_TR_NOOP("Relevant date"),
        True,
        ("relevant date", "conviction date", "date of conviction"),
    ),
    Field("disposal", QT_TR_NOOP("Disposal"), True, ("disposal", "sentence type", "sentence", "outcome")),
    Field(
        "term_months",
        QT_TR_NOOP("Custodial term (months)"),
        False,
        ("term months", "term", "custodial term", "months"),
    ),
    Field(
        "term_parts",
        QT_TR_NOOP("Terms (consecutive or concurrent)"),
        False,
        ("terms", "sentence terms", "term parts", "consecutive terms", "concurrent terms"),
    ),
    Field(
        "discharge_months",
        QT_TR_NOOP("Conditional discharge (months)"),
        False,
        ("discharge months", "conditional discharge months", "discharge period", "discharge"),
    ),
    Field(
        "registered_on",
        QT_TR_NOOP("Initial notification"),
        False,
        ("registered", "registered on", "registration date", "initial notification"),
    ),
    Field(
        "last_notification",
        QT_TR_NOOP("Latest notification"),
        False,
        ("last notification", "latest notification", "last registered"),
    ),
    Field("released_on", QT_TR_NOOP("Released on"), False, ("released", "released on", "release date")),
    Field("in_custody", QT_TR_NOOP("In custody"), False, ("in custody", "custody", "in prison")),
    Field(
        "custody_from",
        QT_TR_NOOP("In custody from"),
        False,
        ("in custody from", "custody from", "custody start", "remanded on", "custody began"),
    ),
    Field("mappa_category", QT_TR_NOOP("MAPPA category"), False, ("mappa category", "category", "mappa cat")),
    Field("mappa_level", QT_TR_NOOP("MAPPA level"), False, ("mappa level", "level", "mappa")),
    Field(
        "risk_level",
        QT_TR_NOOP("Risk level"),
        False,
        ("risk", "risk level", "rm2000", "rm2000 category", "rosh"),
    ),
    Field(
        "last_rm2000",
        QT_TR_NOOP("RM2000 date"),
        False,
        ("rm2000 date", "last rm2000", "risk assessed", "risk date"),
    ),
    Field("last_arms", QT_TR_NOOP("ARMS date"), False, ("arms date", "last arms", "arms")),
    Field(
        "last_visit",
        QT_TR_NOOP("Last home visit"),
        False,
        ("last visit", "last home visit", "last seen", "visited"),
    ),
    Field(
        "last_visit_officers",
        QT_TR_NOOP("Officers at the last visit"),
        False,
        (
            "last visit officers",
            "visit officers",
            "officers at last visit",
            "officers present",
            "attended by",
        ),
    ),
    Field(
        "officer",
        QT_TR_NOOP("Officer"),
        False,
        ("officer", "som", "offender manager", "manager", "allocated to"),
    ),
    # A civil order (imports/orders.py): one a row; a second row with the same ViSOR reference adds another.
    Field(
        "order_kind",
        QT_TR_NOOP("Order"),
        False,
        ("order", "order kind", "order type", "civil order", "kind of order"),
    ),
    Field(
        "order_court", QT_TR_NOOP("Order court"), False, ("court", "order court", "court that made the order")
    ),
    Field(
        "order_made_on",
        QT_TR_NOOP("Order made on"),
        False,
        ("made on", "order made", "order made on", "order date"),
    ),
    # Empty or "until further order": no end (refused for an interim order, which runs to a fixed day).
    Field(
        "order_ends_on",
        QT_TR_NOOP("Order ends on"),
        False,
        ("ends on", "order ends", "order ends on", "order end", "order end date", "order last day"),
    ),
    Field(
        "order_next_review",
        QT_TR_NOOP("Order next review"),
        False,
        ("next review", "order review", "order next review", "order review date"),
    ),
    # Several separated by ";" or a line break: "Requirement: Programme: attend...; Internet: not to...".
    Field(
        "order_terms",
        QT_TR_NOOP("Order terms"),
        False,
        (
            "order terms",
            "prohibitions",
            "order prohibitions",
            "prohibitions and requirements",
            "order conditions",
        ),
    ),
)
BY_KEY = {f.key: f for f in FIELDS}


def _simple(text: str) -> str:
    return re.sub(r"[^a-z0-9/]+", " ", text.casefold()).strip()


# Words a reference's heading ends with: "ViSOR No.", "PNC number", "Visor Ref", "PNC ID No".
_REFERENCE_WORDS = frozenset({"no", "nos", "number", "num", "nbr", "ref", "reference", "id", "identifier"})
_REFERENCES = frozenset({"visor_ref", "pnc_id"})


def _reference_stem(header: str) -> str:
    words = header.split()
    while len(words) > 1 and words[-1] in _REFERENCE_WORDS:
        words.pop()
    return " ".join(words)


def _names(field: Field, header: str) -> bool:
    """The header is one of the field's spellings, its label, or its own name as `--fields` and `--map`
    write it (`address_line1`)."""
    if header in field.names or header in (_simple(field.label), _simple(field.key)):
        return True
    return field.key in _REFERENCES and _reference_stem(header) == field.names[0]


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field key -> column index for every header that names a field plainly; each column used once."""
    taken: set[int] = set()
    mapping: dict[str, int] = {}
    simple = [_simple(h) for h in headers]
    for field in FIELDS:
        for i, header in enumerate(simple):
            if i not in taken and _names(field, header):
                mapping[field.key] = i
                taken.add(i)
                break
    return mapping


_NO_FIXED_ABODE = frozenset({"nfa", "nofixedabode"})


def is_no_fixed_abode(text: str) -> bool:
    """An address line that says the person has none: NFA, N.F.A., no fixed abode (any case)."""
    return re.sub(r"[^a-z]+", "", text.casefold()) in _NO_FIXED_ABODE


_SEX = {"m": Sex.MALE, "male": Sex.MALE, "f": Sex.FEMALE, "female": Sex.FEMALE}


def read_sex(text: str) -> Sex:
    try:
        return _SEX[_simple(text)]
    except KeyError:
        raise ValueError("use M, F, Male or Female") from None


_LANGUAGE = {
    "english": Language.ENGLISH,
    "en": Language.ENGLISH,
    "saesneg": Language.ENGLISH,
    "welsh": Language.WELSH,
    "cy": Language.WELSH,
    "cymraeg": Language.WELSH,
    "gymraeg": Language.WELSH,  # "yn Gymraeg", as a Welsh speaker may write it
    "welsh cymraeg": Language.WELSH,  # "Welsh (Cymraeg)", as the window and documents show it
    "english saesneg": Language.ENGLISH,
}


def read_language(text: str) -> Language:
    try:
        return _LANGUAGE[_simple(text)]
    except KeyError:
        raise ValueError("use English or Welsh (Cymraeg), or leave it empty: not recorded") from None


_RISK = {
    "low": RiskLevel.LOW,
    "l": RiskLevel.LOW,
    "medium": RiskLevel.MEDIUM,
    "m": RiskLevel.MEDIUM,
    "high": RiskLevel.HIGH,
    "h": RiskLevel.HIGH,
    "very high": RiskLevel.VERY_HIGH,
    "vh": RiskLevel.VERY_HIGH,
}


def read_risk(text: str) -> RiskLevel:
    try:
        return _RISK[_simple(text)]
    except KeyError:
        raise ValueError("use Low, Medium, High or Very High") from None


# Words in a disposal's description, most specific first.
_DISPOSAL_WORDS: tuple[tuple[tuple[str, ...], Disposal], ...] = (
    (("restrict",), Disposal.HOSPITAL_RESTRICTED),
    (("hospital",), Disposal.HOSPITAL),
    (("life", "ipp", "indeterminate"), Disposal.LIFE_OR_IPP),
    (("conditional discharge",), Disposal.CONDITIONAL_DISCHARGE),
    (("caution",), Disposal.CAUTION),
    # Before imprisonment: "detention" alone (s.91 detention, YOI) is imprisonment; a DTO counts half.
    (("detention and training", "detention training", "dto"), Disposal.DETENTION_TRAINING),
    (("imprison", "custod", "prison", "detention", "yoi"), Disposal.IMPRISONMENT),
    (("community", "fine", "suspended", "other", "absolute discharge", "order"), Disposal.OTHER),
)


def read_disposal(text: str) -> Disposal:
    words = _simple(text)
    for keys, disposal in _DISPOSAL_WORDS:
        if any(k in words for k in keys):
            return disposal
    raise ValueError(
        "not a disposal (imprisonment, detention and training order, life/IPP, hospital order, caution, "
        "conditional discharge, community)"
    )


def read_aliases(text: str) -> tuple[str, ...]:
    """The names in an Aliases cell, separated by ";" ("Jon SMITH; Johnny SMYTHE"), each once."""
    return tuple(dict.fromkeys(name.strip() for name in text.split(";") if name.strip()))


_TRUE, _FALSE = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0", ""}


def read_bool(text: str) -> bool:
    value = _simple(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError("use Yes or No")
