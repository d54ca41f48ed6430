"""Encrypted backups of a profile, and restoring them only after they have been checked.

A backup (`.sdbk`) is a tar of three members: the database copied with `VACUUM INTO` (SQLCipher keeps
it encrypted under the same key), the wrapped key file, and a manifest with their SHA-256. It opens
only with the passphrase and, in keychain mode, this computer's keychain, exactly like the profile.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select

from somdesk.store.engine import sqlcipher_engine
from somdesk.store.errors import BackupError, StoreError
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.keys import KEYCHAIN, KeyFile, fsync_dir
from somdesk.store.schema import meta

__all__ = ["CheckedBackup", "check_backup", "unpack_verified", "write_backup"]

FORMAT = 1
MEMBERS = ("manifest.json", "keys.json", "somdesk.db")
MAX_MEMBER = 8 * 1024**3  # refuse absurd sizes from a hostile file


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _may_replace(destination: Path) -> None:
    """A backup replaces only an earlier backup: never a device, a link, a pipe, a folder or a user's
    other file (`somdesk backup caseload.csv` must not destroy the caseload)."""
    try:
        found = os.lstat(destination)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there (a file where the folder should be is named by write_backup)
    except OSError as e:
        raise BackupError(f"cannot write a backup to {destination}: {e.strerror}") from None
    if not stat.S_ISREG(found.st_mode):
        raise BackupError(
            f"{destination} is not a regular file (a device, link, pipe or folder): choose another name; "
            "nothing was written"
        )
    try:
        with tarfile.open(destination, "r:") as tar:
            ours = sorted(tar.getnames()) == sorted(MEMBERS)
    except (tarfile.TarError, OSError):
        ours = False
    if not ours:
        raise BackupError(
            f"{destination} already exists and is not a somdesk backup: choose another name; "
            "nothing was written"
        )


def write_backup(engine: Engine, keys_path: Path, destination: Path) -> None:
    _may_replace(destination)
    folder = destination.parent
    try:  # a problem with the folder is named here: the working folder inside it would mean nothing
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BackupError(f"cannot write a backup in {folder}: it is a file, not a folder") from None
    except OSError as e:
        raise BackupError(f"cannot write a backup in {folder}: {e.strerror}") from None
    if not os.access(folder, os.W_OK):
        raise BackupError(f"cannot write a backup in {folder}: this folder cannot be written to")
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".backup-") as work:
        copy = Path(work) / "somdesk.db"
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM INTO ?", (str(copy),))  # type: ignore[union-attr]
        finally:
            raw.close()
        keys = keys_path.read_bytes()
        with engine.connect() as conn:
            profile_id = conn.execute(select(meta.c.value).where(meta.c.key == "profile_id")).scalar()
        manifest = json.dumps(
            {
                "format": FORMAT,
                "profile_id": profile_id,
                "db_sha256": _sha256(copy),
                "keys_sha256": hashlib.sha256(keys).hexdigest(),
            }
        ).encode()
        partial = Path(work) / "backup.sdbk"
        # Encrypted, but still nobody else's business: the owner's alone from its first byte.
        with (
            os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f,
            tarfile.open(fileobj=f, mode="w") as tar,
        ):
            for name, data in (("manifest.json", manifest), ("keys.json", keys)):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            tar.add(copy, arcname="somdesk.db")
            tar.close()  # its end blocks, before the sync
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, destination)
    fsync_dir(destination.parent)


@dataclass(frozen=True)
class CheckedBackup:
    db: Path  # verified copies inside the profile folder, ready to move into place
    keys: Path
    profile_id: str


def check_backup(
    path: Path, passphrase: str, keychain: DeviceKeychain | None, workdir: Path
) -> CheckedBackup:
    """Unpack next to the profile and verify everything; raise BackupError naming the first problem."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    db, keys_file = workdir / ".restore-somdesk.db", workdir / ".restore-keys.json"
    try:
        try:
            with tarfile.open(path, "r:") as tar:
                members = {m.name: m for m in tar.getmembers()}
                if sorted(members) != sorted(MEMBERS):
                    raise BackupError(f"{path}: not a somdesk backup (members: {', '.join(sorted(members))})")
                for m in members.values():
                    if not m.isfile() or m.size > MAX_MEMBER:
                        raise BackupError(f"{path}: member {m.name} is not a plain file of sensible size")
                manifest = json.loads(tar.extractfile(members["manifest.json"]).read())  # type: ignore[union-attr]
                keys_data = tar.extractfile(members["keys.json"]).read()  # type: ignore[union-attr]
                with os.fdopen(os.open(db, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                    src = tar.extractfile(members["somdesk.db"])
                    assert src is not None
                    for block in iter(lambda: src.read(1 << 20), b""):
                        out.write(block)
        except (tarfile.TarError, OSError, ValueError, KeyError) as e:
            raise BackupError(f"{path}: damaged or not a somdesk backup ({e})") from None
        if not isinstance(manifest, dict):
            raise BackupError(f"{path}: damaged (the manifest is not a somdesk manifest)")
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: backup format {manifest.get('format')!r} is not supported")
        if hashlib.sha256(keys_data).hexdigest() != manifest.get("keys_sha256") or _sha256(
            db
        ) != manifest.get("db_sha256"):
            raise BackupError(f"{path}: damaged (a checksum does not match)")
        keys = KeyFile.from_json(keys_data.decode("utf-8", errors="replace"), str(path))
        secret = (keychain or DeviceKeychain()).load(keys.profile_id) if keys.mode == KEYCHAIN else None
        key = keys.unwrap(passphrase, secret)
        engine = sqlcipher_engine(db, key)
        try:
            with engine.connect() as conn:
                if conn.exec_driver_sql("PRAGMA integrity_check").scalar() != "ok":
                    raise BackupError(f"{path}: the database inside fails its integrity check")
                if conn.exec_driver_sql("PRAGMA cipher_integrity_check").first() is not None:
                    raise BackupError(f"{path}: the database inside fails its encryption integrity check")
                profile_id = conn.execute(select(meta.c.value).where(meta.c.key == "profile_id")).scalar()
            if profile_id != keys.profile_id or profile_id != manifest.get("profile_id"):
                raise BackupError(f"{path}: the database and key file belong to different profiles")
        finally:
            engine.dispose()
        with os.fdopen(os.open(keys_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as k:
            k.write(keys_data)
        return CheckedBackup(db, keys_file, keys.profile_id)
    except (StoreError, BackupError):
        db.unlink(missing_ok=True)
        keys_file.unlink(missing_ok=True)
        raise


def unpack_verified(checked: CheckedBackup, db_path: Path, keys_path: Path) -> None:
    """Move a checked backup into place. The old database's WAL is removed first: replayed onto the
    restored file it would corrupt it."""
    for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    for path in (checked.db, checked.keys):
        with open(path, "rb") as f:
            os.fsync(f.fileno())
    os.replace(checked.db, db_path)
    os.replace(checked.keys, keys_path)
    fsync_dir(db_path.parent)
