"""The staff's reply to a reporter, under /<language>/staff/reporter-messages/."""

from django.urls import URLPattern, path

from likeverd.intake.conversation.views import staff as conversation_views

app_name = "intake_conversation"
urlpatterns: list[URLPattern] = [
    path("<uuid:public_id>/reply/", conversation_views.reply, name="reply"),
]
