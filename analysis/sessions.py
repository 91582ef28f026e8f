"""Sessions in the database, as Django's `db` backend keeps them, read with a query compiled once."""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models import QuerySet
from django.utils import timezone

from analysis import selectors


def _session_by_key(*, session_key: str) -> QuerySet:
    return Session.objects.filter(session_key=session_key).values_list("session_data", "expire_date")


class SessionStore(db.SessionStore):
    """Django's database sessions; every request's read of its session compiled once
    (`selectors.compiled_rows`): building and compiling the ORM's query was ~0.4 ms of the ~3 ms of Python
    that every page pays before its view (issue 15's load test)."""

    def _get_session_from_db(self) -> Session | None:
        rows = (
            selectors.compiled_rows(("session",), _session_by_key, session_key=self.session_key)
            if self.session_key
            else ()
        )
        for data, expires in rows:
            if expires > timezone.now():
                return Session(session_key=self.session_key, session_data=data, expire_date=expires)
        self._session_key = None  # none, or expired: as Django's backend
        return None
