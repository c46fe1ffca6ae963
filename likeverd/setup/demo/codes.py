"""The code a demo login's authenticator app would show now (`likeverd democode USERNAME`)."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.setup.demo import people


class NotADemoLoginError(Exception):
    """The username is not one of the demo logins, or its authenticator is not the demo's."""


def demo_code(username: str) -> tuple[str, int]:
    """The code a demo login's authenticator shows now, and the seconds it stays valid.

    Only for the demo's own people with the demo's public TOTP secret: a real person who
    happens to have a demo username has a secret of their own and is refused.
    """
    if username not in {spec.username for spec in people.STAFF}:
        raise NotADemoLoginError(username)
    key = people.demo_totp_key(username)
    device = TOTPDevice.objects.filter(user__username=username, confirmed=True, key=key.hex()).first()
    if device is None:
        raise NotADemoLoginError(username)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    seconds_left = device.step - (int(time.time()) - device.t0) % device.step
    return f"{totp.token():0{device.digits}d}", seconds_left
