import uuid

from somdesk.store.ids import new_id


def test_ids_are_version_7_unique_and_time_ordered():
    ids = [new_id() for _ in range(20_000)]
    parsed = [uuid.UUID(i) for i in ids]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert len(set(ids)) == len(ids)
    stamps = [u.int >> 80 for u in parsed]
    assert stamps == sorted(stamps)  # the millisecond prefix never goes backwards
