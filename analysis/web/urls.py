"""The site's URLs: the dashboard's pages (`analysis.web.views`), the admin, login and the health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from analysis import health
from analysis.web import axis, network, views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement_detail"),
    path("actors/<str:slug>/", views.actor_detail, name="actor_detail"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("search/", views.search, name="search"),
    path("axis/", axis.timeline_axis, name="timeline_axis"),
    path("network/", network.timeline_network, name="network"),
    path("actors/<str:slug>/network/", network.actor_network, name="actor_network"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", health.healthz, name="healthz"),
]
