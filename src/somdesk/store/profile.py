"""Profiles: one encrypted database per user and device, in the user's data folder.

A profile folder holds `somdesk.db` (SQLCipher), `keys.json` (the wrapped database key), a lock file
held while the profile is open, the failed-unlock counter, and `backups/`. Nothing in it is readable
without the passphrase and, by default, this computer's keychain.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from filelock import FileLock, Timeout
from sqlalchemy import Engine, inspect, select

from somdesk.domain.text import tr
from somdesk.domain.trend import Snapshot
from somdesk.store import migrate, settings
from somdesk.store.backup import CheckedBackup, check_backup, unpack_verified, write_backup
from somdesk.store.engine import sqlcipher_engine, writing
from somdesk.store.errors import (
    BackupError,
    NotASomdeskDatabase,
    ProfileExists,
    ProfileInUse,
    ProfileLocked,
    ProfileMissing,
    StoreError,
    WrongPassphrase,
)
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.keys import KEYCHAIN, PASSPHRASE_ONLY, KeyFile, new_database_key
from somdesk.store.locations import PostcodeStore
from somdesk.store.read import Reader
from somdesk.store.restoring import ProfileDatabase
from somdesk.store.route_cache import RouteCache
from somdesk.store.schema import meta
from somdesk.store.unlock_counter import UnlockCounter, unlock_delay
from somdesk.store.uow import UnitOfWork

__all__ = ["OpenProfile", "Profile", "default_profiles_folder", "remove_profile", "unlock_delay"]

ENV_PROFILES = "SOMDESK_PROFILES"
APP_MARK = "somdesk"
# What a create that failed before this version could leave: no reason to refuse the name.
_LEFTOVERS = frozenset({".lock"})


def default_profiles_folder() -> Path:
    """$SOMDESK_PROFILES, else the platform's user data folder (e.g. ~/.local/share/somdesk/profiles)."""
    override = os.environ.get(ENV_PROFILES)
    return (
        Path(override)
        if override
        else Path(platformdirs.user_data_dir("somdesk", appauthor=False)) / "profiles"
    )


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Profile:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db_path = folder / "somdesk.db"
        self.keys_path = folder / "keys.json"
        self.lock_path = folder / ".lock"
        self.failures_path = folder / "unlock-failures.json"
        self.backups = folder / "backups"
        self.kept_unreadable: Path | None = None  # where a restore put a database it could not read

    @property
    def name(self) -> str:
        return self.folder.name

    def exists(self) -> bool:
        return self.keys_path.exists() and self.db_path.exists()

    # -- create

    def create(
        self,
        passphrase: str,
        user: str,
        keychain: DeviceKeychain | None,
        *,
        passphrase_only: bool = False,
        demo: bool = False,
        clock: Callable[[], datetime] = _utcnow,
        identity: dict[str, str] | None = None,
    ) -> OpenProfile:
        """A new empty profile. Keychain mode unless `passphrase_only` (which the caller checks against
        the force policy). `identity` (who uses it) is written with it. All or nothing: a create that
        fails or is interrupted leaves no folder and no keychain entry behind to block the name."""
        if self.folder.exists() and any(p.name not in _LEFTOVERS for p in self.folder.iterdir()):
            raise ProfileExists(f"{self.folder} already holds a profile or other files; choose another name")
        if len(passphrase) < 8:
            raise ValueError("a passphrase needs at least 8 characters")
        if not passphrase_only and keychain is None:
            raise ValueError("a keychain profile needs a keychain")
        if keychain is not None and not passphrase_only:
            keychain.check_secure()  # before anything is made
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = self._take_lock()  # a second create of the same name at the same moment stops here
        profile_id = str(uuid.uuid4())
        device_keychain = None if passphrase_only else keychain
        try:
            return self._make(
                lock, profile_id, passphrase, user, device_keychain, demo, clock, identity or {}
            )
        except BaseException:
            self._undo_create(profile_id, device_keychain)
            lock.release()
            raise

    def _make(
        self,
        lock: FileLock,
        profile_id: str,
        passphrase: str,
        user: str,
        keychain: DeviceKeychain | None,
        demo: bool,
        clock: Callable[[], datetime],
        identity: dict[str, str],
    ) -> OpenProfile:
        device_secret = None if keychain is None else keychain.create(profile_id)
        key = new_database_key()
        mode = PASSPHRASE_ONLY if keychain is None else KEYCHAIN
        keys = KeyFile.wrap(profile_id, mode, key, passphrase, device_secret)
        UnlockCounter(self.failures_path, keys, device_secret).write(0, time.time())  # before the mark
        keys.save(self.keys_path)
        engine = sqlcipher_engine(self.db_path, key)
        try:
            migrate.upgrade(engine)
            with writing(engine) as conn:
                conn.execute(
                    meta.insert(),
                    [
                        {"key": "app", "value": APP_MARK},
                        {"key": "profile_id", "value": profile_id},
                        {"key": "device_id", "value": str(uuid.uuid4())},
                        {"key": "created_by", "value": user},
                        {"key": "created_at", "value": clock().isoformat()},
                        {"key": "kind", "value": "demo" if demo else "live"},
                        *({"key": k, "value": v} for k, v in identity.items()),
                    ],
                )
            return OpenProfile(self, engine, lock, user, clock)
        except BaseException:
            engine.dispose()  # closes the file, so that it can go
            raise

    def _undo_create(self, profile_id: str, keychain: DeviceKeychain | None) -> None:
        """Remove what a failed create made; the folder held nothing else (checked before)."""
        if keychain is not None:
            with contextlib.suppress(StoreError):
                keychain.delete(profile_id)
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- unlock

    def unlock(
        self,
        passphrase: str,
        user: str,
        keychain: DeviceKeychain | None,
        clock: Callable[[], datetime] = _utcnow,
        wall: Callable[[], float] = time.time,
    ) -> OpenProfile:
        if not self.exists():
            raise ProfileMissing(f"no profile at {self.folder} (create one first, or check the name)")
        lock = self._take_lock()
        try:
            keys, key, device_secret = self._unwrap(passphrase, keychain, wall)
            if not keys.counter:  # made before the mark: marked now, its counter already written
                KeyFile.wrap(keys.profile_id, keys.mode, key, passphrase, device_secret).save(self.keys_path)
            engine = sqlcipher_engine(self.db_path, key)
            del key
            try:
                self._check_is_ours(engine, keys.profile_id)
                migrate.upgrade(engine, before=lambda rev: self._backup_before_migration(engine, rev, clock))
            except BaseException:
                engine.dispose()
                raise
            return OpenProfile(self, engine, lock, user, clock)
        except BaseException:
            lock.release()
            raise

    def _unwrap(
        self, passphrase: str, keychain: DeviceKeychain | None, wall: Callable[[], float]
    ) -> tuple[KeyFile, bytes, bytes | None]:
        """(key file, database key, device secret) for the right passphrase, through the failed-unlock
        counter (unlock_counter.py): every way in that tries a passphrase (unlock, a new passphrase)."""
        keys = KeyFile.load(self.keys_path)
        device_secret = None
        if keys.mode == KEYCHAIN:
            device_secret = (keychain or DeviceKeychain()).load(keys.profile_id)
        counter = UnlockCounter(self.failures_path, keys, device_secret)
        counter.check(wall())
        try:
            key = keys.unwrap(passphrase, device_secret)
        except WrongPassphrase:
            failures = counter.failed(wall())
            wait = unlock_delay(failures)
            raise WrongPassphrase(
                "wrong passphrase"
                + (f" ({failures} failed attempts; next try in {wait:.0f} s)" if wait else "")
            ) from None
        counter.write(0, wall())
        return keys, key, device_secret

    def _take_lock(self) -> FileLock:
        lock = FileLock(str(self.lock_path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise ProfileInUse(  # in the window's language (English on the command line)
                tr(
                    "profile {0} is already open in another somdesk window or process; close it there first"
                ).format(self.name)
            ) from None
        return lock

    def _check_is_ours(self, engine: Engine, profile_id: str) -> None:
        with engine.connect() as conn:
            if not inspect(conn).has_table(meta.name):
                raise NotASomdeskDatabase(f"{self.db_path} is not a somdesk database")
            values = {k: v for k, v in conn.execute(select(meta.c.key, meta.c.value))}
        if values.get("app") != APP_MARK or values.get("profile_id") != profile_id:
            raise NotASomdeskDatabase(f"{self.db_path} is not this profile's somdesk database")

    def _backup_before_migration(
        self, engine: Engine, revision: str | None, clock: Callable[[], datetime]
    ) -> None:
        self.backups.mkdir(exist_ok=True, mode=0o700)
        stamp = clock().strftime("%Y%m%dT%H%M%S")
        write_backup(
            engine, self.keys_path, self.backups / f"before-migration-{revision or 'empty'}-{stamp}.sdbk"
        )

    # -- other operations on a closed profile

    def change_passphrase(
        self, old: str, new: str, keychain: DeviceKeychain | None, wall: Callable[[], float] = time.time
    ) -> None:
        if len(new) < 8:
            raise ValueError("a passphrase needs at least 8 characters")
        lock = self._take_lock()
        try:
            keys, key, secret = self._unwrap(old, keychain, wall)  # counted like an unlock
            KeyFile.wrap(keys.profile_id, keys.mode, key, new, secret).save(self.keys_path)
        finally:
            lock.release()

    def restore(
        self,
        backup: Path,
        passphrase: str,
        keychain: DeviceKeychain | None,
        prepare: Callable[[CheckedBackup, ProfileDatabase, ProfileDatabase | None], None] | None = None,
    ) -> None:
        """Replace this profile's database and keys with a checked backup; nothing is touched until the
        backup has been fully verified. `prepare(checked, restored, current)` works on the checked copy
        before it goes into place (sync.rejoin: a synced profile rejoins the central store's audit
        chain), with the current database if it still opens with this passphrase (else None); it may
        refuse by raising, and then nothing has changed."""
        lock = self._take_lock() if self.folder.exists() else None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            checked = check_backup(backup, passphrase, keychain, self.folder)
            try:
                if prepare is not None:
                    self._prepare(checked, passphrase, keychain, prepare)
                self._keep_unreadable(passphrase, keychain)
                keys = KeyFile.load(checked.keys)
                secret = (
                    (keychain or DeviceKeychain()).load(keys.profile_id) if keys.mode == KEYCHAIN else None
                )
                # The passphrase was just proved on the backup's key: a counter at zero goes with it (a
                # profile restored into a new folder has none yet).
                UnlockCounter(self.failures_path, keys, secret).write(0, time.time())
                unpack_verified(checked, self.db_path, self.keys_path)
            except BaseException:
                checked.db.unlink(missing_ok=True)
                checked.keys.unlink(missing_ok=True)
                raise
        finally:
            if lock is not None:
                lock.release()

    def _keep_unreadable(self, passphrase: str, keychain: DeviceKeychain | None) -> None:
        """A database this passphrase cannot read whole (damaged, most often) is not thrown away by the
        restore: it is moved, with its key file, into backups/, where whatever can still be saved from it
        stays. The restored copy then takes its place."""
        if not self.db_path.exists():
            return
        engine = self._engine_for(self.db_path, self.keys_path, passphrase, keychain)
        if engine is not None:
            engine.dispose()
            return
        self.backups.mkdir(exist_ok=True, mode=0o700)
        kept = self.backups / f"unreadable-before-restore-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}"
        kept.mkdir(mode=0o700)
        wal = self.db_path.with_name(self.db_path.name + "-wal")  # committed changes may still be in it
        for path in (self.db_path, wal, self.keys_path):
            if path.exists():
                shutil.copy2(path, kept / path.name)
        self.kept_unreadable = kept

    def _prepare(
        self,
        checked: CheckedBackup,
        passphrase: str,
        keychain: DeviceKeychain | None,
        prepare: Callable[[CheckedBackup, ProfileDatabase, ProfileDatabase | None], None],
    ) -> None:
        restored = self._engine_for(checked.db, checked.keys, passphrase, keychain)
        assert restored is not None  # check_backup opened it with this passphrase a moment ago
        current = self._engine_for(self.db_path, self.keys_path, passphrase, keychain)
        try:
            prepare(checked, ProfileDatabase(restored), None if current is None else ProfileDatabase(current))
        finally:
            restored.dispose()
            if current is not None:
                current.dispose()

    def _engine_for(
        self, db: Path, keys_path: Path, passphrase: str, keychain: DeviceKeychain | None
    ) -> Engine | None:
        """An engine on `db` if it opens as this profile's database with this passphrase, else None
        (missing, damaged, another passphrase): a restore goes on without it."""
        if not db.exists():
            return None
        try:
            keys = KeyFile.load(keys_path)
            secret = (keychain or DeviceKeychain()).load(keys.profile_id) if keys.mode == KEYCHAIN else None
            engine = sqlcipher_engine(db, keys.unwrap(passphrase, secret))
        except (StoreError, OSError, ValueError):
            return None
        try:
            self._check_is_ours(engine, keys.profile_id)
            with engine.connect() as conn:  # damaged inside, though its first pages read
                if conn.exec_driver_sql("PRAGMA quick_check").scalar() != "ok":
                    raise NotASomdeskDatabase(f"{db} is damaged")
        except Exception:  # damaged, or not this profile's: nothing to read from it
            engine.dispose()
            return None
        return engine


class OpenProfile:
    """An unlocked profile: the engine, the device's identity, and the ways to change data."""

    def __init__(
        self, profile: Profile, engine: Engine, lock: FileLock, user: str, clock: Callable[[], datetime]
    ) -> None:
        self.profile = profile
        self._engine: Engine | None = engine
        self._lock = lock
        # Threads other than the window's database worker (sync) hold the profile open while they work:
        # lock() waits for them, so nothing writes to the file after it is locked.
        self._users = threading.Condition()
        self._active = 0
        self.user = user
        self.clock = clock
        with engine.connect() as conn:
            values = {k: v for k, v in conn.execute(select(meta.c.key, meta.c.value))}
        self.profile_id = values["profile_id"]
        self.device_id = values["device_id"]
        self.demo = values.get("kind") == "demo"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise ProfileLocked("the profile is locked")
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @contextmanager
    def in_use(self) -> Iterator[Engine]:
        """The engine, held for one step of background work: lock() waits until the step ends, and a
        step begun after lock() is refused (StoreError: the profile is locked)."""
        with self._users:
            engine = self.engine
            self._active += 1
        try:
            yield engine
        finally:
            with self._users:
                self._active -= 1
                self._users.notify_all()

    def unit_of_work(self, justification_required: bool = True, user: str | None = None) -> UnitOfWork:
        return UnitOfWork(
            self.engine,
            self.device_id,
            user or self.user,
            justification_required,
            self.clock,
            sync_outbox=not self.demo,
        )

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        with self.engine.connect() as conn:
            yield Reader(conn)

    def postcodes(self) -> PostcodeStore:
        """The force's postcode centroids in this profile (store/locations.py)."""
        return PostcodeStore(self.engine)

    def route_times(self) -> RouteCache:
        """The driving times the force's routing server gave, kept in this profile (store/route_cache.py)."""
        return RouteCache(self.engine)

    # -- small local values: per-user settings and the profile's identity (store.settings)

    def setting(self, user: str, key: str, default: Any = None) -> Any:
        return settings.load_setting(self.engine, user, key, default)

    def save_setting(self, user: str, key: str, value: Any) -> None:
        settings.save_setting(self.engine, user, key, value)

    def save_snapshot(self, snapshot: Snapshot) -> None:
        settings.save_snapshot(self.engine, snapshot)

    def snapshots(self) -> list[Snapshot]:
        return settings.load_snapshots(self.engine)

    def meta_values(self) -> dict[str, str]:
        return settings.meta_values(self.engine)

    def set_meta(self, values: dict[str, str]) -> None:
        settings.set_meta(self.engine, values)

    def backup(self, destination: Path) -> Path:
        if destination.is_dir():  # said here: the backup writer would name its partial file instead
            raise BackupError(
                f"{destination}: a folder is there; choose a file name for the backup; nothing was written"
            )
        write_backup(self.engine, self.profile.keys_path, destination)
        return destination

    def lock(self) -> None:
        """Close the database and forget the key (the engine held it); release the profile. A background
        step still running (sync) finishes first: it keeps its connection until then."""
        with self._users:
            engine, self._engine = self._engine, None  # no new step begins from here
            while self._active:
                self._users.wait()
        if engine is not None:
            engine.dispose()
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> OpenProfile:
        return self

    def __exit__(self, *_: object) -> None:
        self.lock()


def remove_profile(profile: Profile, keychain: DeviceKeychain | None) -> None:
    """Delete a profile and its device secret (used by tests and by device wipe)."""
    if profile.keys_path.exists() and keychain is not None:
        keys = KeyFile.load(profile.keys_path)
        if keys.mode == KEYCHAIN:
            keychain.delete(keys.profile_id)
    shutil.rmtree(profile.folder, ignore_errors=True)
