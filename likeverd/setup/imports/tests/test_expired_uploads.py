"""Uploaded files wait at most PENDING_HOURS: older, the screen no longer offers them, and the
housekeeping sweep (`services.delete_expired_uploads`, run by `likeverd housekeeping`) deletes
them in every office, audited, whether or not anyone uploads again."""

import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.audit.models import AuditAction, AuditEvent
from likeverd.core import clock
from likeverd.setup.imports.models import PendingUpload
from likeverd.setup.imports.selectors import PENDING_HOURS
from likeverd.setup.imports.services import delete_expired_uploads, keep_upload
from likeverd.setup.imports.tests.sheets import NB_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

SHEET = csv_bytes([list(NB_HEADER), ["2019-017", "4.3.19", "E-post", "Uteliv", "Religion", "", "", ""]])


def _upload(staff: User, *, hours_old: float) -> PendingUpload:
    upload = keep_upload(viewer=viewer_of(staff), file_name="saker.csv", data=SHEET)
    PendingUpload.objects.filter(pk=upload.pk).update(created_at=clock.now() - dt.timedelta(hours=hours_old))
    return upload


def test_the_sweep_deletes_expired_uploads_in_every_office_and_keeps_the_rest(
    oslo: Office, bergen: Office
) -> None:
    oslo_staff = make_staff(oslo, Role.COORDINATOR, username="cora")
    bergen_staff = make_staff(bergen, Role.COORDINATOR, username="bjorn")
    old_oslo = _upload(oslo_staff, hours_old=PENDING_HOURS + 0.1)
    old_bergen = _upload(bergen_staff, hours_old=PENDING_HOURS + 30)
    fresh = _upload(make_staff(oslo, Role.OFFICE_ADMIN, username="ada"), hours_old=PENDING_HOURS - 0.1)

    assert delete_expired_uploads() == 2
    assert list(PendingUpload.objects.all()) == [fresh]
    deleted = AuditEvent.objects.filter(action=AuditAction.DELETE, target_type=PendingUpload._meta.label)
    assert {(event.target_id, event.office_id) for event in deleted} == {
        (str(old_oslo.public_id), oslo.pk),
        (str(old_bergen.public_id), bergen.pk),
    }
    assert {event.actor_label for event in deleted} == {"housekeeping"}
    assert delete_expired_uploads() == 0  # nothing left to do: a second run deletes nothing


def test_an_expired_upload_is_gone_for_the_screen_before_the_sweep_and_not_a_denial(
    oslo: Office, client_for: Callable[[User], Client]
) -> None:
    coordinator = make_staff(oslo, Role.COORDINATOR, username="cora")
    old = _upload(coordinator, hours_old=PENDING_HOURS + 1)
    response = client_for(coordinator).get(reverse("imports:review", args=[old.public_id]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DENIED).exists()


def test_uploading_again_no_longer_sweeps_everyones_files(oslo: Office, bergen: Office) -> None:
    """The sweep runs on the timer, not inside someone's upload (a write in their request)."""
    old = _upload(make_staff(bergen, Role.COORDINATOR, username="bjorn"), hours_old=PENDING_HOURS + 1)
    _upload(make_staff(oslo, Role.COORDINATOR, username="cora"), hours_old=0)
    assert PendingUpload.objects.filter(pk=old.pk).exists()
    assert delete_expired_uploads() == 1


def test_likeverd_housekeeping_runs_the_upload_sweep(oslo: Office) -> None:
    old = _upload(make_staff(oslo, Role.COORDINATOR, username="cora"), hours_old=PENDING_HOURS + 1)
    out = StringIO()
    with translation.override("en"):
        call_command("housekeeping", "--only", "import-uploads", stdout=out)
    assert not PendingUpload.objects.filter(pk=old.pk).exists()
    assert "import-uploads: 1 deleted" in out.getvalue()
