from __future__ import annotations

from django.db.backends.postgresql import client

from .server import PSQL


class DatabaseClient(client.DatabaseClient):
    """`manage.py dbshell` with the embedded server's own psql, after starting the server."""

    executable_name = str(PSQL)

    def runshell(self, parameters: list[str]) -> None:
        self.connection.ensure_server()
        super().runshell(parameters)
