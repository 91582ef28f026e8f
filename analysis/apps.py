from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = "التحليل"

    def ready(self) -> None:
        from analysis.signals import data_version_receivers_connect

        data_version_receivers_connect(self)
