import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader, PdfWriter

from lib.uploads import DOCUMENTS, IMAGES, JPEG, PDF, PNG, UploadError, clean_upload

MARKER = "HAVENMARKER5c1e"


def jpeg_with_gps(size=(64, 48), orientation: int | None = None) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = MARKER + "-make"  # Make
    exif[0x0110] = "PhoneModel-" + MARKER  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (50.0, 50.0, 46.0)
    gps[3] = "E"
    gps[4] = (4.0, 21.0, 8.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=MARKER.encode())
    return out.getvalue()


def upload(data: bytes, name: str = "file.bin", content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_jpeg_loses_exif_and_gps_and_keeps_its_pixels():
    raw = jpeg_with_gps()
    assert MARKER.encode() in raw
    clean = clean_upload(upload(raw, "photo.jpg"), kinds=IMAGES)
    assert clean.content_type == JPEG and clean.extension == "jpg"
    assert MARKER.encode() not in clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.size == (64, 48)
        assert not image.getexif()
        assert "comment" not in image.info and "exif" not in image.info
        red, green, _blue = image.convert("RGB").getpixel((10, 10))
        assert red > 150 and green < 80


def test_a_sideways_photo_is_turned_upright_before_its_tags_go():
    clean = clean_upload(upload(jpeg_with_gps(size=(64, 48), orientation=6)), kinds=IMAGES)
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.size == (48, 64)


def test_png_text_chunks_are_dropped():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", MARKER)
    out = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)
    clean = clean_upload(upload(out.getvalue(), "a.png"), kinds=IMAGES)
    assert clean.content_type == PNG and MARKER.encode() not in clean.data


def test_kind_is_judged_by_content_not_name():
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(b"MZ\x90\x00 not a picture", "photo.jpg", "image/jpeg"), kinds=IMAGES)
    assert caught.value.code == "kind"
    pdf = make_pdf()
    with pytest.raises(UploadError):
        clean_upload(upload(pdf, "photo.jpg"), kinds=IMAGES)  # a PDF where only pictures are accepted


def test_broken_picture_is_refused_clearly():
    broken = jpeg_with_gps()[:200]
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(broken), kinds=IMAGES)
    assert caught.value.code == "unreadable"


def test_too_large_and_empty_are_refused():
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(jpeg_with_gps()), kinds=IMAGES, max_bytes=100)
    assert caught.value.code == "too_large"
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(b""), kinds=IMAGES)
    assert caught.value.code == "empty"


def test_decompression_bomb_is_refused_before_decoding():
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG")  # 100 million pixels in a few kilobytes
    assert len(out.getvalue()) < 100_000
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(out.getvalue()), kinds=IMAGES)
    assert caught.value.code in {"too_many_pixels", "unreadable"}


def make_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": MARKER, "/Producer": "Secret producer " + MARKER})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_loses_its_information_dictionary():
    raw = make_pdf()
    assert MARKER.encode() in raw
    clean = clean_upload(upload(raw, "letter.pdf"), kinds=DOCUMENTS)
    assert clean.content_type == PDF and clean.extension == "pdf"
    assert MARKER.encode() not in clean.data
    reader = PdfReader(io.BytesIO(clean.data))
    assert len(reader.pages) == 1
    assert not reader.metadata


def test_broken_pdf_is_refused_clearly():
    with pytest.raises(UploadError) as caught:
        clean_upload(upload(b"%PDF-1.7\n garbage"), kinds=DOCUMENTS)
    assert caught.value.code == "unreadable"


def test_messages_are_translated():
    from django.utils import translation

    with translation.override("nl"):
        with pytest.raises(UploadError) as caught:
            clean_upload(upload(b"nope"), kinds=IMAGES)
        assert caught.value.messages[0].startswith("Dit soort bestand")
