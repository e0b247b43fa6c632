from django.urls import path

from safecomms.staff import views

app_name = "staff"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("two-step/", views.two_step_verify, name="two-step-verify"),
    path("two-step/set-up/", views.two_step_setup, name="two-step-setup"),
    path("account/", views.account, name="account"),
    path("account/tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
    path("teams/", views.teams, name="teams"),
    path("teams/<int:team_id>/", views.team_detail, name="team-detail"),
]
