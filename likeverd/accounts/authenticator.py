"""What a person needs to set up an authenticator app: shown to an administrator handing it over,
or to the invited person on their invitation's page."""

import base64
from typing import Any

import segno
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.services import provisioning_uri

QR_SCALE = 4


def authenticator_setup(device: TOTPDevice) -> dict[str, Any]:
    """The QR code (inline SVG, so it needs no request of its own) and the secret for typing in."""
    uri = provisioning_uri(device)
    title = escape(_("QR code to scan with the authenticator app"))
    svg = segno.make(uri, error="m").svg_inline(scale=QR_SCALE, title=title, dark="#000", light="#fff")
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return {
        # segno writes only the path of the code and the escaped title: nothing from a user.
        "qr_svg": mark_safe(svg),  # noqa: S308
        "secret": secret,
        "secret_groups": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "uri": uri,
    }
