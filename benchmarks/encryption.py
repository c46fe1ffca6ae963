"""The encryption round trip of one narrative (encrypt, then decrypt and check), per call, in µs."""

import random
import uuid
from functools import partial

from benchmarks.timing import Timing, measure
from likeverd.core import crypto
from likeverd.setup.demo import texts

PURPOSE = "cases.Case.narrative"
ROW = uuid.UUID(int=7)  # each value is bound to its row's public id (ADR 0002)


def run(*, repeat: int) -> list[Timing]:
    rng = random.Random(7)
    short = rng.choice(texts.THEMES[0].narratives_nb)
    long = " ".join(rng.choice(theme.narratives_nb) for theme in texts.THEMES for _ in range(3))  # ~ 6 kB

    def round_trip(text: str) -> None:
        token = crypto.encrypt_text(text, purpose=PURPOSE, row=ROW)
        if crypto.decrypt_text(token, purpose=PURPOSE, row=ROW) != text:
            raise AssertionError("round trip changed the text")

    timings = []
    for label, text in (
        (f"narrative of {len(short.encode())} bytes", short),
        (f"narrative of {len(long.encode())} bytes", long),
    ):
        timing = measure(f"encrypt + decrypt, {label}", partial(round_trip, text), repeat=repeat, warmup=50)
        timing.samples_ms = [ms * 1000 for ms in timing.samples_ms]  # shown in microseconds
        timings.append(timing)
    return timings
