"""How a figure of a report's table reads: grouped digits, or the mark of a hidden figure."""

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from likeverd.statistics.charts import HIDDEN_MARK

register = template.Library()


@register.filter
def figure(value: int | None) -> SafeString | str:
    """A count or amount with grouped digits; a suppressed figure (None) as "·", read as "hidden"."""
    if value is None:
        return format_html(
            '<span aria-hidden="true">{}</span><span class="visually-hidden">{}</span>',
            HIDDEN_MARK,
            _("hidden"),
        )
    return number_format(value, force_grouping=True)
