from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = "التحليل"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from analysis.services.groups import role_groups_ensure
        from analysis.signals import data_version_receivers_connect, permission_receivers_connect

        data_version_receivers_connect(self)
        permission_receivers_connect()
        # After auth's own receiver has made the permissions (auth is earlier in INSTALLED_APPS).
        post_migrate.connect(role_groups_ensure, sender=self, dispatch_uid="analysis_role_groups")
