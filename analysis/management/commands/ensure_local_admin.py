"""Make sure a local superuser `admin` exists and print how to log in.

The password comes from LOCAL_ADMIN_PASSWORD, or is generated once and kept in
var/local_admin.txt, so `make run` prints the same credentials every time.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


def local_admin_password(path: Path) -> str:
    """The password from the environment, else the one stored in `path` (made on first use)."""
    from_env = os.environ.get("LOCAL_ADMIN_PASSWORD", "").strip()
    if from_env:
        return from_env
    if path.exists():
        stored = path.read_text(encoding="utf-8").strip()
        if stored:
            return stored
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(password + "\n", encoding="utf-8")
    return password


class Command(BaseCommand):
    help = "Create or repair the local superuser `admin` and print the login URL, username and password."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="where the site is served")

    def handle(self, *args, **options):
        password_file = Path(settings.VAR_DIR) / "local_admin.txt"
        try:
            password = local_admin_password(password_file)
        except OSError as error:
            raise CommandError(
                f"cannot store the local admin password in {password_file}: {error}"
            ) from error

        User = get_user_model()
        user, created = User.objects.get_or_create(username=USERNAME)
        changed = created or not (user.is_active and user.is_staff and user.is_superuser)
        user.is_active = user.is_staff = user.is_superuser = True
        if created or not user.check_password(password):
            user.set_password(password)
            changed = True
        if changed:
            user.save()

        base = options["url"].rstrip("/")
        state = "created" if created else ("updated" if changed else "exists")
        self.stdout.write(self.style.SUCCESS(f"Local admin {state}."))
        self.stdout.write(f"  dashboard: {base}/accounts/login/")
        self.stdout.write(f"  admin:     {base}/admin/")
        self.stdout.write(f"  username:  {USERNAME}")
        self.stdout.write(f"  password:  {password}")
        if not os.environ.get("LOCAL_ADMIN_PASSWORD"):
            self.stdout.write(f"  (stored in {password_file}; set LOCAL_ADMIN_PASSWORD to choose your own)")
