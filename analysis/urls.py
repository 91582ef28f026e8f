from django.contrib import admin
from django.urls import path

from analysis import health, views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
]
