"""Give a user the analyst or curator role, creating the user if asked.

python manage.py user_grant sara --role curator --create
python manage.py user_grant omar --role analyst

A curator is put in the `curator` group and made staff (the admin needs both); an analyst is put in
the `analyst` group. A created user gets a generated password, printed once.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from analysis.services.curation import ROLES, CurationError, user_role_grant


class Command(BaseCommand):
    help = "Put a user in the analyst or curator group (curators are also made staff)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--create", action="store_true", help="create the user when missing")

    def handle(self, *args, username: str, role: str, create: bool, **options):
        User = get_user_model()
        password = None
        with transaction.atomic():
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                if not create:
                    raise CommandError(f"no user {username!r}; pass --create to make one")
                password = secrets.token_urlsafe(12)
                user = User.objects.create_user(**{User.USERNAME_FIELD: username}, password=password)
            try:
                user_role_grant(user=user, role=role)
            except CurationError as error:
                raise CommandError(str(error)) from error
        state = "created" if password else "updated"
        self.stdout.write(
            self.style.SUCCESS(f"User {username!r} {state}: {role}{' (staff)' if user.is_staff else ''}.")
        )
        if password:
            self.stdout.write(f"  password: {password}")
