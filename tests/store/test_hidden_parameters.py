"""Errors from the local store carry no record values: every engine hides its bound parameters."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from somdesk.store.profile import OpenProfile

NAME, STREET = "QUENFORD", "Flat 2, 14 Mill Lane"


def test_an_integrity_error_names_the_constraint_but_holds_no_bound_values(opened: OpenProfile):
    insert = "INSERT INTO somdesk_meta (key, value) VALUES (?, ?)"
    with opened.engine.begin() as conn:
        conn.exec_driver_sql(insert, (NAME, STREET))
    with pytest.raises(IntegrityError) as caught, opened.engine.begin() as conn:
        conn.exec_driver_sql(insert, (NAME, STREET))
    message = str(caught.value)
    assert "UNIQUE constraint failed: somdesk_meta.key" in message and "INSERT INTO somdesk_meta" in message
    assert NAME not in message and "Mill Lane" not in message
