"""The demo's sorting conversations, checklists and decisions (likeverd.triage), written through
the triage services as an adviser would: a case still in sorting has a conversation half done
and a few steps ticked; a case that went further has a complete conversation, every step
ticked and a decision fitting where the case went. Invented text, in the office's language.
Each case draws from a generator of its own, so the rest of the demo is unchanged by this."""

import random

from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Case, CaseStatus, Outcome
from likeverd.setup.demo.planning import CasePlan
from likeverd.triage import assessment_services, services
from likeverd.triage.models import BureauStep, DecisionAction, OtherProblem
from likeverd.triage.services import SortingAnswers

PRESENT = {
    "nb": ["Ingen andre.", "En venninne og to fremmede.", "Dørvakten og to venner.", "Hele klassen."],
    "sv": ["Ingen annan.", "En väninna och två okända.", "Vakten och två vänner.", "Hela klassen."],
}
EVIDENCE = {
    "nb": ["Skjermbilder av meldingene.", "Kvittering fra baren; en venn filmet.", "E-posten med avslaget."],
    "sv": ["Skärmdumpar av meddelandena.", "Kvitto från baren; en vän filmade.", "Mejlet med avslaget."],
}
HELD_BY = {"nb": "Personen selv", "sv": "Personen själv"}
WANTS = {
    "nb": [
        "En unnskyldning.",
        "Å klage til nemnda.",
        "At det ikke skjer igjen med andre.",
        "Råd om hva jeg kan gjøre.",
    ],
    "sv": ["En ursäkt.", "Att anmäla till DO.", "Att det inte händer igen.", "Råd om vad jag kan göra."],
}
PROBLEM_NOTES = {
    "nb": "Trenger hjelp med bolig; tolk ønskes ved neste samtale.",
    "sv": "Behöver hjälp med boende; tolk önskas vid nästa samtal.",
}
REASONS = {
    DecisionAction.ADVICE_ONLY: {
        "nb": "Personen ønsker råd, ikke en klage nå. Informert om fristen.",
        "sv": "Personen vill ha råd, inte anmäla nu. Informerad om fristen.",
    },
    DecisionAction.HELP_TO_COMPLAIN: {
        "nb": "Godt dokumentert; personen vil klage. Vi skriver klagen sammen.",
        "sv": "Väl dokumenterat; personen vill anmäla. Vi skriver anmälan tillsammans.",
    },
    DecisionAction.POLICE_REPORT: {
        "nb": "Trusler med hatmotiv: anmeldes til politiet.",
        "sv": "Hot med hatmotiv: polisanmäls.",
    },
    DecisionAction.NEGOTIATE: {
        "nb": "Motparten er villig til å snakke; vi forhandler først.",
        "sv": "Motparten vill prata; vi förhandlar först.",
    },
    DecisionAction.MEDIATION: {
        "nb": "Fakta er klarlagt og begge parter samtykker til megling.",
        "sv": "Fakta är klarlagda och båda parter samtycker till medling.",
    },
    DecisionAction.REFER: {
        "nb": "Saken hører hjemme hos en annen tjeneste; henvist med samtykke.",
        "sv": "Ärendet hör hemma hos en annan aktör; hänvisat med samtycke.",
    },
}


def _answers(rng: random.Random, plan: CasePlan, language: str, *, complete: bool) -> SortingAnswers:
    where = ", ".join(part for part in (plan.municipality, plan.place_kind.replace("_", " ")) if part)
    answers = {
        "what_happened": plan.narrative
        or ("Se saksnotatet." if language == "nb" else "Se ärendeanteckningen."),
        "when": plan.incident.text or ("Husker ikke" if language == "nb" else "Minns inte"),
        "where": where or "—",
        "who_was_present": rng.choice(PRESENT[language]),
        "evidence": rng.choice(EVIDENCE[language]),
        "wants": rng.choice(WANTS[language]),
    }
    if not complete:
        # A call cut short: some answers are still to come.
        for name in rng.sample(sorted(answers), k=rng.randint(2, 4)):
            answers[name] = ""
    problems = rng.sample(list(OtherProblem.values), k=1) if rng.random() < 0.25 else []
    return SortingAnswers(
        **answers,
        other_problems=problems,
        other_problems_notes=PROBLEM_NOTES[language] if problems else "",
    )


def sort_case(adviser: Viewer, case: Case, plan: CasePlan, *, language: str, complete: bool) -> None:
    """The conversation and the checklist as they stand after the sorting call."""
    rng = random.Random(f"sorting:{case.number}")
    services.save_sorting(viewer=adviser, case=case, answers=_answers(rng, plan, language, complete=complete))
    if rng.random() < 0.5:
        services.add_evidence(
            viewer=adviser,
            case=case,
            description=rng.choice(EVIDENCE[language]),
            held_by=HELD_BY[language],
            is_secured=rng.random() < 0.5,
        )
    if complete:
        services.complete_sorting(viewer=adviser, case=case)
    steps = BureauStep.values if complete else BureauStep.values[: rng.randint(0, 4)]
    for step in steps:
        assessment_services.tick_step(viewer=adviser, case=case, step=step)


def _actions(status: str, outcome: str) -> list[str]:
    if status == CaseStatus.MEDIATION:
        return [DecisionAction.MEDIATION]
    if status == CaseStatus.REFERRED:
        return [DecisionAction.REFER]
    if status == CaseStatus.ASSISTANCE:
        if outcome == Outcome.POLICE_REPORT_FILED:
            return [DecisionAction.POLICE_REPORT]
        return [DecisionAction.HELP_TO_COMPLAIN]
    if outcome == Outcome.RESOLVED:
        return [DecisionAction.NEGOTIATE]
    return [DecisionAction.ADVICE_ONLY]


def decide_case(adviser: Viewer, case: Case, *, next_status: str, outcome: str, language: str) -> None:
    """The decision taken after sorting, fitting the status the case went to next."""
    actions = _actions(next_status, outcome)
    assessment_services.record_decision(
        viewer=adviser,
        case=case,
        actions=actions,
        reasons=" ".join(REASONS[DecisionAction(action)][language] for action in actions),
    )


def start_conversation(adviser: Viewer, case: Case, plan: CasePlan, *, language: str) -> None:
    """A new case whose first call was cut short (every other one): a conversation begun."""
    rng = random.Random(f"started:{case.number}")
    if rng.random() < 0.5:
        services.save_sorting(
            viewer=adviser, case=case, answers=_answers(rng, plan, language, complete=False)
        )
