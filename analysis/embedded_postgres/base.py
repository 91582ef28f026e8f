from __future__ import annotations

from pathlib import Path

from django.db.backends.postgresql import base

from .client import DatabaseClient
from .server import ensure_database, server_for, socket_dir


class DatabaseWrapper(base.DatabaseWrapper):
    """PostgreSQL over the embedded server's Unix socket; the server starts on first connection."""

    client_class = DatabaseClient

    def ensure_server(self) -> None:
        if self.settings_dict.get("HOST"):
            return
        server = server_for(Path(self.settings_dict["EMBEDDED_PGDATA"]))
        ensure_database(server, self.settings_dict["NAME"] or "postgres")
        self.settings_dict["HOST"] = socket_dir(server)
        self.settings_dict["PORT"] = str(server.get_postmaster_info().port or "")

    def get_connection_params(self) -> dict:
        self.ensure_server()
        return super().get_connection_params()

    def _nodb_cursor(self):
        self.ensure_server()
        return super()._nodb_cursor()
