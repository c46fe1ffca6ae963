"""Every new office starts with the two standard courses (editable there)."""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from likeverd.accounts.models import Office
from likeverd.outreach.services import seed_course_templates


@receiver(post_save, sender=Office, dispatch_uid="outreach_seed_course_templates")
def seed_courses_of_new_office(
    sender: type[Office], instance: Office, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw:
        seed_course_templates(instance)
