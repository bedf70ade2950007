from django.urls import path

from citypeers.api.views import tokens

# A programme's API tokens, in the reader's language (the API itself has no language prefix).
app_name = "api_tokens"
urlpatterns = [
    path("programmes/<slug:slug>/api-tokens/", tokens.token_list, name="list"),
    path("programmes/<slug:slug>/api-tokens/<int:pk>/revoke/", tokens.token_revoke, name="revoke"),
]
