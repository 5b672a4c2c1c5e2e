"""Photos lose their metadata (camera, GPS) before they are stored, and are stored encrypted."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from accounts.testing import sign_in
from core.scopes import scope
from safety.models import Photo
from safety.tests.conftest import jpeg_with_gps, report_data

pytestmark = pytest.mark.django_db


def test_gps_and_camera_details_are_removed(desks, client: Client):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the test image has GPS
    upload = SimpleUploadedFile("p.jpg", original, content_type="image/jpeg")
    assert client.post("/en/safety/report/", {**report_data(), "photos": [upload]}).status_code == 200
    with scope(organisation=desks.org_a):
        photo = Photo.objects.get()
        stored = base64.b64decode(photo.data)
        pk, report_pk = photo.pk, photo.report_id
    assert b"ZqCameraMaker" not in stored
    cleaned = Image.open(io.BytesIO(stored))
    assert not cleaned.getexif()
    assert not cleaned.getexif().get_ifd(0x8825)

    staff = Client()
    sign_in(staff, desks.mona)
    response = staff.get(f"/en/safety/org/org-a/reports/{report_pk}/photos/{pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response.content == stored


def test_more_than_three_photos_are_refused(desks, client: Client):
    uploads = [SimpleUploadedFile(f"p{i}.jpg", jpeg_with_gps(), content_type="image/jpeg") for i in range(4)]
    response = client.post("/en/safety/report/", {**report_data(what_happened="zq kept"), "photos": uploads})
    assert "at most 3 photos" in response.content.decode()
    assert "zq kept" in response.content.decode()
