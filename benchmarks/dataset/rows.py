"""Writing the planned cases with their parties, timeline, tasks and grounds, in bulk."""

import datetime as dt
import random
from typing import Any

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Model
from django.utils import timezone

from benchmarks.dataset.plans import Plan
from likeverd.cases import services
from likeverd.cases.models import (
    Case,
    CaseEvent,
    EventKind,
    Party,
    PartyRole,
    Task,
)


class Rows:
    """Bulk inserts with ids given here, one `executemany` per batch and model.

    Django's bulk_create builds one statement per few hundred rows and spends most of its time
    doing so; this writes the same values (each field's own `pre_save` and `get_db_prep_save`,
    so encrypted fields are encrypted as the model encrypts them, bound to their row) with one
    prepared statement. Ids are handed out from each table's highest, so rows that refer to
    each other can be written in the same batch; PostgreSQL's sequences are moved past them at
    the end (`finish`).
    """

    def __init__(self) -> None:
        self.next_id: dict[type[Model], int] = {}
        self.models: set[type[Model]] = set()

    def insert(self, model: type[Model], objects: list[Any]) -> None:
        if not objects:
            return
        meta = model._meta
        table = meta.db_table
        if model not in self.next_id:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                self.next_id[model] = int(cursor.fetchone()[0]) + 1
            self.models.add(model)
        fields = list(meta.concrete_fields)
        database = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy
        rows = []
        for obj in objects:
            obj.pk = self.next_id[model]
            self.next_id[model] += 1
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            rows.append(tuple(f.get_db_prep_save(f.pre_save(obj, True), database) for f in fields))
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS
        columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids given here (SQLite's follow by themselves)."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.models))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def insert_batch(plans: list[Plan], grounds: dict[str, int], rng: random.Random, rows: Rows) -> None:
    """One batch of cases with their parties, timeline, tasks and grounds, in one transaction."""
    today = timezone.localdate()
    with transaction.atomic():
        rows.insert(Case, [plan.case for plan in plans])
        parties: list[Party] = []
        events: list[CaseEvent] = []
        tasks: list[Task] = []
        through: list[object] = []
        for plan in plans:
            case = plan.case
            office = case.office
            parties.append(
                Party(
                    case=case,
                    role=PartyRole.PERSON,
                    is_anonymous=plan.anonymous,
                    name="" if plan.anonymous else plan.person,
                    phone=f"+47 4{rng.randint(0, 99):02d} {rng.randint(10, 99)} {rng.randint(100, 999)}"
                    if rng.random() < 0.8
                    else "",
                    name_key=None if plan.anonymous else services.name_key(office, plan.person),
                    created_at=case.received_at,
                )
            )
            if plan.counterpart or plan.counterpart_kind != "private_person":
                parties.append(
                    Party(
                        case=case,
                        role=PartyRole.COUNTERPART,
                        counterpart_kind=plan.counterpart_kind,
                        is_anonymous=not plan.counterpart,
                        name=plan.counterpart,
                        name_key=services.name_key(office, plan.counterpart) if plan.counterpart else None,
                        created_at=case.received_at,
                    )
                )
            for position, (kind, body) in enumerate(plan.entries):
                events.append(
                    CaseEvent(
                        case=case,
                        kind=kind,
                        author=case.assigned_to,
                        body=body,
                        data={"channel": case.channel} if kind == EventKind.CREATED else {},
                        occurred_at=case.received_at + dt.timedelta(days=position),
                    )
                )
            if plan.task is not None:
                title, due, done = plan.task
                tasks.append(
                    Task(
                        case=case,
                        title=title,
                        due_date=today + dt.timedelta(days=due),
                        assignee=case.assigned_to,
                        created_by=case.assigned_to,
                        done_at=case.closed_at if done else None,
                    )
                )
            for code in plan.grounds:
                if code in grounds:
                    through.append(Case.grounds.through(case_id=case.pk, term_id=grounds[code]))
        rows.insert(Party, parties)
        rows.insert(CaseEvent, events)
        rows.insert(Task, tasks)
        rows.insert(Case.grounds.through, through)
