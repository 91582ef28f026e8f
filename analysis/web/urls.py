"""The site's URLs: the dashboard's pages (`analysis.web.views`), the admin, login and the health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from analysis import health
from analysis.web import imports, views
from analysis.web.axis import timeline_axis
from analysis.web.network import actor_network, timeline_network

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("axis/", timeline_axis, name="timeline_axis"),
    path("network/", timeline_network, name="network"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement_detail"),
    path("actors/<str:slug>/", views.actor_detail, name="actor_detail"),
    path("actors/<str:slug>/network/", actor_network, name="actor_network"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("search/", views.search, name="search"),
    path("import/", imports.import_page, name="import"),
    path("import/<int:pk>/", imports.import_batch, name="import_batch"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", health.healthz, name="healthz"),
]
