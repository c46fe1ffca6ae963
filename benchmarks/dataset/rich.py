"""The rich case: one case made the case page's worst, with many parties, tasks, entries and files."""

import datetime as dt
import random
import secrets

from django.db import transaction
from django.utils import timezone

from benchmarks.dataset.plans import person_name
from likeverd.accounts.models import Office
from likeverd.cases import services
from likeverd.cases.models import (
    Case,
    CaseEvent,
    Document,
    DocumentKind,
    EventKind,
    Party,
    PartyRole,
    Task,
)
from likeverd.setup.demo import people, texts


def enrich(
    office: Office, case: Case, rng: random.Random, *, parties: int, tasks: int, entries: int, documents: int
) -> tuple[str, list[str]]:
    """Make `case` a rich one (many parties, tasks, entries and files): the case page's worst."""
    pools = list(people.NAME_POOLS)
    weights = [people.POOL_WEIGHTS["OSL"][pool.key] for pool in pools]
    roles = [
        PartyRole.COUNTERPART,
        PartyRole.WITNESS,
        PartyRole.WITNESS,
        PartyRole.REPRESENTATIVE,
        PartyRole.REPORTER,
    ]
    today = timezone.localdate()
    added_text: list[str] = []
    names: list[str] = []
    with transaction.atomic():
        new_parties = []
        for position in range(parties):
            name = person_name(rng, pools, weights)
            names.append(name)
            new_parties.append(
                Party(
                    case=case,
                    role=roles[position % len(roles)],
                    name=name,
                    notes="Forelder" if roles[position % len(roles)] == PartyRole.REPRESENTATIVE else "",
                    name_key=services.name_key(office, name),
                )
            )
        Party.objects.bulk_create(new_parties)
        new_tasks = []
        for position in range(tasks):
            title = rng.choice(texts.TASKS_NB)
            added_text.append(title)
            new_tasks.append(
                Task(
                    case=case,
                    title=title,
                    due_date=today + dt.timedelta(days=rng.randint(-10, 20)),
                    assignee=case.assigned_to,
                    done_at=timezone.now() if position % 3 == 0 else None,
                )
            )
        Task.objects.bulk_create(new_tasks)
        new_events = []
        for position in range(entries):
            kind = rng.choice([EventKind.CALL, EventKind.NOTE, EventKind.EMAIL, EventKind.MEETING])
            body = rng.choice(texts.NOTES_NB if kind == EventKind.NOTE else texts.CALLS_NB)
            added_text.append(body)
            new_events.append(
                CaseEvent(
                    case=case,
                    kind=kind,
                    author=case.assigned_to,
                    body=body,
                    occurred_at=case.received_at + dt.timedelta(hours=position + 1),
                )
            )
        CaseEvent.objects.bulk_create(new_events)
        new_documents = []
        for _ in range(documents):
            filename, content = rng.choice(texts.DOCUMENTS_NB)
            added_text.append(filename)
            new_documents.append(
                Document(
                    case=case,
                    kind=DocumentKind.EVIDENCE,
                    filename=filename,
                    content_type="text/plain",
                    size=len(content.encode()),
                    storage_name=secrets.token_hex(16),  # never opened: the page lists files only
                    uploaded_by=case.assigned_to,
                )
            )
        Document.objects.bulk_create(new_documents)
    return " ".join(added_text), names
