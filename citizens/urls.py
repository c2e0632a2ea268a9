from django.urls import path

from . import views

app_name = "citizens"

urlpatterns = [
    path("abonnieren/", views.subscribe, name="subscribe"),
    path("abonnieren/gesendet/", views.subscribe_sent, name="subscribe_sent"),
    path("abonnieren/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abonnieren/bestaetigt/", views.confirmed, name="confirmed"),
    path("abmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("konto/", views.account, name="account"),
    path("konto/sprache/", views.account_language, name="account_language"),
    path("konto/haeufigkeit/", views.account_frequency, name="account_frequency"),
    path("konto/folgen/", views.follow, name="follow"),
    path("konto/nicht-mehr-folgen/", views.unfollow, name="unfollow"),
    path("konto/meine-daten/", views.account_export, name="account_export"),
    path("konto/loeschen/", views.account_delete, name="account_delete"),
    path("konto/api-schluessel/", views.api_token_create, name="api_token_create"),
    path("konto/api-schluessel/widerrufen/", views.api_token_revoke, name="api_token_revoke"),
]
