from django.urls import path

from volunteering import views

app_name = "volunteering"

urlpatterns = [
    path("manage/org/<slug:org>/", views.dashboard, name="dashboard"),
    path("manage/org/<slug:org>/volunteer/<int:pk>/", views.volunteer_detail, name="volunteer"),
    path("manage/org/<slug:org>/semester/new/", views.semester_edit, name="semester-new"),
    path("manage/org/<slug:org>/semester/<int:pk>/", views.semester_edit, name="semester"),
    path("manage/org/<slug:org>/internship/<int:pk>/", views.internship_detail, name="internship"),
    path("<slug:slug>/", views.apply, name="apply"),
    path("<slug:slug>/thanks/", views.thanks, name="thanks"),
    path("<slug:slug>/vacancies/", views.vacancies, name="vacancies"),
    path("<slug:slug>/internship/", views.internship, name="internship-apply"),
    path("<slug:slug>/internship/thanks/", views.internship_thanks, name="internship-thanks"),
]
