"""Coordinators write their office's articles; every save is a revision and an audit row; the
network's articles come from the data file, and loading it twice changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.knowledge.datafile import ArticleFileError, load_articles, parse_articles
from likeverd.knowledge.models import Article, ArticleRevision, ArticleText, Sector
from likeverd.knowledge.services import ArticleDetails, edit_article, load_network_articles, write_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(office: Office) -> User:
    return make_staff(office, Role.COORDINATOR, username="nadia")


def details(**changes: object) -> ArticleDetails:
    base: dict[str, object] = {
        "language": "nb",
        "title": "Rutine for kafékvelder",
        "summary": "Slik tar vi imot henvendelser på kafékveldene.",
        "body": "Ta med skjema.",
        "topic": "complaints",
        "sector": "municipality",
        "is_public": False,
    }
    base.update(changes)
    return ArticleDetails(**base)  # type: ignore[arg-type]


def test_a_coordinator_writes_an_article_of_their_office_with_a_first_revision_and_audit_row(
    office: Office, coordinator: User
) -> None:
    article = write_article(viewer=viewer_of(coordinator), details=details())
    assert article.office == office
    text = ArticleText.objects.get(article=article)
    assert (text.language, text.revision) == ("nb", 1)
    assert "kafékveldene" in text.search_text
    revision = ArticleRevision.objects.get(text=text)
    assert (revision.number, revision.author, revision.author_label) == (1, coordinator, "nadia")
    event = AuditEvent.objects.get(action=AuditAction.CREATE, target_id=str(article.public_id))
    assert event.office_id == office.pk
    assert event.detail == {"kind": "knowledge_article", "language": "nb", "revision": 1}


@pytest.mark.parametrize(
    "role", [Role.ADVISER, Role.MEDIATOR, Role.OFFICE_ADMIN, Role.DATA_PROTECTION_OFFICER]
)
def test_only_coordinators_write_articles(office: Office, role: Role) -> None:
    person = make_staff(office, role)
    with pytest.raises(PermissionDenied):
        write_article(viewer=viewer_of(person), details=details())
    assert not Article.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()


def test_an_edit_adds_a_revision_that_names_who_changed_what(office: Office, coordinator: User) -> None:
    viewer = viewer_of(coordinator)
    article = write_article(viewer=viewer, details=details())
    colleague = make_staff(office, Role.COORDINATOR, username="hodan")
    edit_article(
        viewer=viewer_of(colleague),
        article=article,
        details=details(body="Ta med skjema og visittkort.", is_public=True),
        seen_revision=1,
    )
    text = ArticleText.objects.get(article=article)
    assert (text.body, text.revision) == ("Ta med skjema og visittkort.", 2)
    newest, first = ArticleRevision.objects.filter(text=text).order_by("-number")
    assert (newest.author_label, newest.body, newest.is_public) == (
        "hodan",
        "Ta med skjema og visittkort.",
        True,
    )
    assert (first.author_label, first.body, first.is_public) == ("nadia", "Ta med skjema.", False)
    event = AuditEvent.objects.get(action=AuditAction.CHANGE, target_id=str(article.public_id))
    assert event.detail["fields"] == ["body", "is_public"]
    assert event.actor_label == "hodan"


def test_a_new_language_version_starts_its_own_history(office: Office, coordinator: User) -> None:
    viewer = viewer_of(coordinator)
    article = write_article(viewer=viewer, details=details())
    edit_article(
        viewer=viewer,
        article=article,
        details=details(language="sv", title="Rutin för kafékvällar", body="Ta med blankett."),
        seen_revision=0,
    )
    assert sorted(article.texts.values_list("language", "revision")) == [("nb", 1), ("sv", 1)]


def test_a_stale_edit_is_refused_and_writes_nothing(office: Office, coordinator: User) -> None:
    viewer = viewer_of(coordinator)
    article = write_article(viewer=viewer, details=details())
    edit_article(viewer=viewer, article=article, details=details(body="Første endring."), seen_revision=1)
    with pytest.raises(ValidationError, match="Someone else saved this article"):
        edit_article(viewer=viewer, article=article, details=details(body="Gammel side."), seen_revision=1)
    assert ArticleText.objects.get(article=article).body == "Første endring."
    assert ArticleRevision.objects.count() == 2


def test_another_offices_coordinator_cannot_edit_the_article(
    office: Office, other_office: Office, coordinator: User
) -> None:
    article = write_article(viewer=viewer_of(coordinator), details=details())
    stranger = make_staff(other_office, Role.COORDINATOR)
    with pytest.raises(PermissionDenied):
        edit_article(viewer=viewer_of(stranger), article=article, details=details(body="x"), seen_revision=1)
    assert ArticleText.objects.get(article=article).body == "Ta med skjema."


def test_network_articles_cannot_be_edited_on_screen(coordinator: User) -> None:
    load_network_articles()
    network = Article.objects.get(code="online-hate-evidence")
    with pytest.raises(PermissionDenied):
        edit_article(viewer=viewer_of(coordinator), article=network, details=details(), seen_revision=1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "xx"}, "languages of the site"),
        ({"sector": "space"}, "sector"),
        ({"topic": "gossip"}, "topic"),
        ({"title": "  "}, "title and a text"),
        ({"body": "x" * 50_001}, "too long"),
    ],
)
def test_refuses_values_it_does_not_know(coordinator: User, change: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        write_article(viewer=viewer_of(coordinator), details=details(**change))
    assert not Article.objects.exists()


def test_the_network_articles_load_once_and_a_second_load_changes_nothing() -> None:
    first = load_network_articles()
    entries = load_articles()
    assert first == {"created": len(entries), "updated": 0, "unchanged": 0}
    revisions = ArticleRevision.objects.count()
    assert revisions == sum(len(entry.texts) for entry in entries)
    second = load_network_articles()
    assert second == {"created": 0, "updated": 0, "unchanged": len(entries)}
    assert ArticleRevision.objects.count() == revisions
    assert AuditEvent.objects.filter(detail__kind="knowledge_load").count() == 2


def test_every_sector_has_a_public_article_in_norwegian_and_some_in_swedish_and_english() -> None:
    entries = load_articles()
    for sector in Sector.values:
        assert any(e.sector == sector and "nb" in e.texts for e in entries), sector
    assert sum("sv" in e.texts for e in entries) >= 3
    assert sum("en" in e.texts for e in entries) >= 3
    online = next(e for e in entries if e.code == "online-hate-evidence")
    assert online.texts["en"].title == "How to secure evidence of online hate"
    assert set(online.texts) >= {"nb", "sv", "en"}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"article": [{"code": "a", "topic": "evidence", "public": True}]}, "no text"),
        (
            {"article": [{"code": "a", "topic": "x", "public": True, "nb": {"title": "t", "body": "b"}}]},
            "topic",
        ),
        (
            {
                "article": [
                    {"code": "a", "topic": "evidence", "public": "yes", "nb": {"title": "t", "body": "b"}}
                ]
            },
            "public",
        ),
        (
            {
                "article": [
                    {"code": "a", "topic": "evidence", "public": True, "nb": {"title": "t", "bdy": "b"}}
                ]
            },
            "unknown keys",
        ),
        ({"article": [{"code": "a", "topic": "evidence", "public": True, "xx": {}}]}, "unknown keys"),
        ({"articles": []}, "only"),
    ],
)
def test_the_data_file_is_read_strictly(document: dict[str, object], message: str) -> None:
    with pytest.raises(ArticleFileError, match=message):
        parse_articles(document)
