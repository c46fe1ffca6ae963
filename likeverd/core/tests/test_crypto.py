import uuid

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from likeverd.core import crypto


@given(st.text())
def test_text_survives_an_encryption_round_trip(text: str) -> None:
    token = crypto.encrypt_text(text, purpose="tests.field")
    assert crypto.decrypt_text(token, purpose="tests.field") == text


def test_ciphertext_does_not_contain_the_plaintext() -> None:
    token = crypto.encrypt_text("Amina was refused entry", purpose="tests.field")
    assert b"Amina" not in token
    assert token != crypto.encrypt_text("Amina was refused entry", purpose="tests.field")


def test_ciphertext_moved_to_another_field_does_not_decrypt() -> None:
    token = crypto.encrypt_text("secret", purpose="cases.Case.narrative")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token, purpose="cases.Party.name")


def test_tampered_ciphertext_is_refused() -> None:
    token = bytearray(crypto.encrypt_text("secret", purpose="tests.field"))
    token[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(bytes(token), purpose="tests.field")


def test_blind_index_tokens_differ_between_offices() -> None:
    assert crypto.keyed_hash("hijab", scope="office-a") != crypto.keyed_hash("hijab", scope="office-b")
    assert crypto.keyed_hash("hijab", scope="office-a") == crypto.keyed_hash("hijab", scope="office-a")


@pytest.mark.django_db
def test_encrypted_field_stores_ciphertext_in_the_database(office: object) -> None:
    from likeverd.accounts.models import Office
    from likeverd.cases.models import Case

    assert isinstance(office, Office)
    case = Case.objects.create(
        office=office,
        year=2026,
        serial=1,
        number="OSL-2026-0001",
        channel="phone",
        narrative="Refused at the door because of her hijab",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT narrative FROM cases_case WHERE id = %s", [case.pk])
        stored = bytes(cursor.fetchone()[0])
    assert b"hijab" not in stored
    assert Case.objects.get(pk=case.pk).narrative == "Refused at the door because of her hijab"


def test_ciphertext_bound_to_one_row_does_not_decrypt_for_another() -> None:
    row, other = uuid.uuid4(), uuid.uuid4()
    token = crypto.encrypt_text("secret", purpose="cases.Case.narrative", row=row)
    assert crypto.decrypt_text(token, purpose="cases.Case.narrative", row=row) == "secret"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token, purpose="cases.Case.narrative", row=other)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(token, purpose="cases.Case.narrative")


def test_new_ciphertexts_are_in_the_current_format_under_the_current_key() -> None:
    assert crypto.is_current(crypto.encrypt_text("x", purpose="tests.field", row=uuid.uuid4()))
