"""An app above cases plugs into the case screens through likeverd.cases.registry: its own
timeline kinds, a section of the case page and a box on the dashboard, without cases knowing it."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings

from likeverd.accounts.actors import StaffActor, SystemActor
from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import events, registry
from likeverd.cases.models import Case, CaseEvent, EventKind
from likeverd.cases.tests.factories import register
from likeverd.cases.tests.pages import ClientFor, url

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "plugin/events/visit.html": "<p>Visited {{ event.data.place }}</p>",
    "plugin/section.html": "<section><h2>Plugin section</h2><p>Case {{ plugin_number }}</p></section>",
    "plugin/box.html": "<section><h2>Plugin box</h2><p>{{ plugin_greeting }}</p></section>",
}


def section_context(viewer: Viewer, case: Case) -> dict[str, object] | None:
    return {"plugin_number": case.number} if viewer.office_id == case.office_id else None


def box_context(viewer: Viewer) -> dict[str, object] | None:
    return {"plugin_greeting": f"Hello {viewer.user.username}"}


@pytest.fixture
def plugin_templates(settings: Settings, tmp_path: Path) -> Path:
    for name, text in TEMPLATES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine["DIRS"], tmp_path]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    return tmp_path


@pytest.fixture
def plugin(plugin_templates: Path) -> Iterator[None]:
    """What an app's AppConfig.ready() would do, undone afterwards."""
    registry.register_event_kind("visit", label="Site visit", template="plugin/events/visit.html")
    registry.register_case_section("plugin", template="plugin/section.html", context=section_context)
    registry.register_dashboard_box("plugin", template="plugin/box.html", context=box_context)
    yield
    registry.unregister_event_kind("visit")
    registry.unregister_case_section("plugin")
    registry.unregister_dashboard_box("plugin")


def test_an_app_adds_a_kind_a_section_and_a_box_and_they_show(
    plugin: None, office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    events.record_event(
        case=case, actor=SystemActor("the visit planner"), kind="visit", data={"place": "the bar"}
    )
    client = client_for(adviser)

    page = client.get(url("case_detail", case.public_id)).content.decode()
    assert "Site visit" in page
    assert "<p>Visited the bar</p>" in page
    assert "the visit planner" in page
    assert f"<p>Case {case.number}</p>" in page
    dashboard = client.get(url("dashboard")).content.decode()
    assert f"<p>Hello {adviser.username}</p>" in dashboard


def test_unregistered_they_are_gone_and_an_old_entry_of_the_kind_renders_neutrally(
    plugin_templates: Path, office: Office, adviser: User, client_for: ClientFor
) -> None:
    case = register(viewer_of(adviser))
    # An entry written while an app (since removed) was installed.
    CaseEvent.objects.create(case=case, kind="visit", data={"place": "the bar"}, body="Door staff were rude")
    client = client_for(adviser)

    page = client.get(url("case_detail", case.public_id)).content.decode()
    assert "Door staff were rude" in page
    assert "Visited the bar" not in page
    assert "Plugin section" not in page
    assert "Plugin box" not in client.get(url("dashboard")).content.decode()


def test_a_kind_nobody_registered_cannot_be_written(office: Office, adviser: User) -> None:
    case = register(viewer_of(adviser))
    with pytest.raises(ValidationError):
        events.record_event(case=case, actor=StaffActor(adviser), kind="visit")
    assert not case.events.filter(kind="visit").exists()


def test_a_code_cannot_be_registered_twice(plugin: None) -> None:
    with pytest.raises(ImproperlyConfigured):
        registry.register_event_kind("visit", label="Again", template="plugin/events/visit.html")
    with pytest.raises(ImproperlyConfigured):
        registry.register_event_kind(EventKind.NOTE, label="Mine", template="plugin/events/visit.html")
    with pytest.raises(ImproperlyConfigured):
        registry.register_case_section("plugin", template="plugin/section.html", context=section_context)
    with pytest.raises(ImproperlyConfigured):
        registry.register_dashboard_box("x" * 65, template="plugin/box.html", context=box_context)


def test_every_kind_of_cases_renders_through_its_own_template() -> None:
    for kind in EventKind:
        entry = registry.event_kind(kind)
        assert entry is not None
        assert entry.template == f"cases/events/{kind.value}.html"
        get_template(entry.template)


def test_a_section_and_a_box_cost_the_case_page_and_dashboard_no_query_of_their_own(
    plugin_templates: Path,
    office: Office,
    adviser: User,
    client_for: ClientFor,
    django_assert_max_num_queries: Any,
) -> None:
    case = register(viewer_of(adviser))
    client = client_for(adviser)
    client.get(url("case_detail", case.public_id))  # warm caches (taxonomy labels, sessions)
    with CaptureQueriesContext(connection) as page_alone:
        client.get(url("case_detail", case.public_id))
    with CaptureQueriesContext(connection) as dashboard_alone:
        client.get(url("dashboard"))

    registry.register_case_section("plugin", template="plugin/section.html", context=section_context)
    registry.register_dashboard_box("plugin", template="plugin/box.html", context=box_context)
    try:
        with django_assert_max_num_queries(len(page_alone.captured_queries)):
            page = client.get(url("case_detail", case.public_id)).content.decode()
        with django_assert_max_num_queries(len(dashboard_alone.captured_queries)):
            dashboard = client.get(url("dashboard")).content.decode()
    finally:
        registry.unregister_case_section("plugin")
        registry.unregister_dashboard_box("plugin")
    assert "Plugin section" in page
    assert "Plugin box" in dashboard
