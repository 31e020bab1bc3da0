"""A SQLite file with a numbered schema: the shape every local database here shares.

WAL journal, explicit transactions (autocommit mode), ``PRAGMA user_version`` as the schema
version, one script per version applied in a transaction with its version bump (a failed
migration changes nothing), and a file written by a newer version refused, not damaged.
Instances are synchronous and confined to the thread that called :meth:`open`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar


class VersionedDatabase:
    #: MIGRATIONS[n] brings schema n to n + 1
    migrations: ClassVar[tuple[str, ...]] = ()
    #: raised when the file cannot be used (newer schema, not open)
    error: ClassVar[type[Exception]] = RuntimeError
    #: names the database in messages: "the state database"
    label: ClassVar[str] = "the database"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # autocommit mode: transactions are explicit (see _transaction)
        connection = sqlite3.connect(self.path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        self._configure(connection)
        self._connection = connection
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    def _configure(self, connection: sqlite3.Connection) -> None:
        """Per-database settings (pragmas, SQL functions) before the migrations run."""

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            raise self.error(f"{self.label} is not open")
        return self._connection

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current, known = self.schema_version, len(self.migrations)
        if current > known:
            raise self.error(
                f"{self.path} was written by a newer version of agent_desktop "
                f"(schema {current}, this version knows {known})"
            )
        for version in range(current, known):
            # the version bump is inside the transaction: a failed migration changes nothing
            self._db.executescript(
                f"BEGIN; {self.migrations[version]} PRAGMA user_version = {version + 1}; COMMIT;"
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        db.execute("BEGIN")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
