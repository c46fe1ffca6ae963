"""The shape of a demo theme (likeverd.setup.demo.texts.themes lists them)."""

from dataclasses import dataclass, field

from likeverd.cases.models import CounterpartKind, PlaceKind


@dataclass(frozen=True)
class Theme:
    key: str
    weight_no: int
    weight_se: int
    # Substrings looked for in a reporting category's code and English label.
    category_words: tuple[str, ...]
    place_kinds: tuple[PlaceKind, ...]
    counterpart_kind: CounterpartKind
    counterparts_no: tuple[str, ...]
    counterparts_se: tuple[str, ...]
    narratives_nb: tuple[str, ...]
    narratives_sv: tuple[str, ...]
    # Ground profiles (GroundProfile.key) this theme makes more likely, with extra weight.
    ground_boost: dict[str, int] = field(default_factory=dict)
    # A private person's name is made up for the counterpart instead of one of the lists.
    counterpart_is_person: bool = False
