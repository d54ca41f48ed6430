"""A photograph or document on the way in (app/media.py), on real files from tests/media_files.py:
what is kept has no location or device left in it and is turned upright, and every damaged or hostile
file is refused with one line naming the file and what is wrong."""

from __future__ import annotations

import hashlib
import io
import warnings

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from somdesk.app.media import MediaRefused, Prepared, prepare, safe_name, sniff, thumbnail_for
from somdesk.domain.attachments import AttachmentLimits, MediaType
from tests import media_files

LIMITS = AttachmentLimits()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def refusal(name: str, data: bytes, limits: AttachmentLimits = LIMITS) -> str:
    with pytest.raises(MediaRefused) as refused:
        prepare(name, data, limits)
    message = str(refused.value)
    assert "\n" not in message and "Error" not in message and "Traceback" not in message
    return message


def assert_no_metadata(data: bytes) -> None:
    image = opened(data)
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(0x8825) == {}  # no GPS
    assert media_files.MAKE.encode() not in data
    assert media_files.MODEL.encode() not in data
    assert b"Exif\x00\x00" not in data
    assert "comment" not in image.info and "icc_profile" not in image.info and "xmp" not in image.info


def assert_thumbnail(prepared: Prepared) -> Image.Image:
    assert sniff(prepared.thumbnail) == "jpeg"
    thumbnail = opened(prepared.thumbnail)
    assert max(thumbnail.size) <= LIMITS.thumbnail_px
    return thumbnail


# --- added ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone_photo() -> Prepared:
    return prepare("IMG_0042.JPG", media_files.jpeg_with_gps(), LIMITS)


def test_the_generated_phone_photo_is_a_real_one_with_gps():
    data = media_files.jpeg_with_gps()
    assert len(data) > 2 * 1024 * 1024
    exif = opened(data).getexif()
    assert exif[0x010F] == media_files.MAKE and exif[0x0112] == 6
    assert exif.get_ifd(0x8825)[1] == "N"


def test_a_phone_photo_loses_its_location_and_device_in_what_is_kept_and_in_its_thumbnail(phone_photo):
    assert phone_photo.media_type is MediaType.JPEG
    assert_no_metadata(phone_photo.content)
    assert_no_metadata(phone_photo.thumbnail)
    assert phone_photo.sha256 == hashlib.sha256(phone_photo.content).hexdigest()
    assert phone_photo.original_name == "IMG_0042.JPG"


def test_a_phone_photo_is_turned_the_way_the_camera_meant(phone_photo):
    assert (phone_photo.width, phone_photo.height) == (3024, 4032)
    kept = opened(phone_photo.content)
    assert kept.size == (3024, 4032)
    # The generator marks the stored top-left corner red; orientation 6 turns it to the top right.
    assert _reddish(kept.getpixel((kept.width - 20, 20)))
    assert not _reddish(kept.getpixel((20, 20)))
    thumbnail = assert_thumbnail(phone_photo)
    assert thumbnail.height > thumbnail.width
    assert _reddish(thumbnail.getpixel((thumbnail.width - 3, 3)))


def _reddish(pixel: object) -> bool:
    assert isinstance(pixel, tuple)
    red, green, blue = pixel[:3]
    return red > 200 and green < 60 and blue < 60


def test_a_photo_already_upright_keeps_its_shape():
    prepared = prepare("upright.jpg", media_files.jpeg_with_gps(640, 480, orientation=1), LIMITS)
    assert (prepared.width, prepared.height) == (640, 480)


def test_a_png_stays_a_png_without_its_text_chunks():
    data = media_files.png_image()
    assert media_files.PNG_TEXT.encode() in data
    prepared = prepare("screen.png", data, LIMITS)
    assert prepared.media_type is MediaType.PNG
    kept = opened(prepared.content)
    assert kept.format == "PNG" and kept.size == (1600, 1200)
    assert kept.text == {}  # type: ignore[attr-defined]
    assert "dpi" not in kept.info
    assert media_files.PNG_TEXT.encode() not in prepared.content
    assert media_files.MAKE.encode() not in prepared.content
    assert_thumbnail(prepared)


def test_a_png_keeps_its_transparency_and_its_thumbnail_is_over_white():
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 255, 0)).save(out, "PNG")
    prepared = prepare("see-through.png", out.getvalue(), LIMITS)
    kept = opened(prepared.content)
    assert kept.mode == "RGBA" and kept.getpixel((5, 5))[3] == 0  # type: ignore[index]
    assert opened(prepared.thumbnail).getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=3)


def test_a_palette_png_is_kept_in_a_plain_mode():
    palette = Image.new("RGB", (100, 80), (10, 200, 30)).quantize(4)
    out = io.BytesIO()
    palette.save(out, "PNG")
    kept = opened(prepare("palette.png", out.getvalue(), LIMITS).content)
    assert kept.mode == "RGB"
    assert kept.getpixel((1, 1)) == palette.convert("RGB").getpixel((1, 1))


def test_a_heic_from_a_phone_becomes_a_jpeg_without_its_metadata():
    data = media_files.heic_photo()
    assert sniff(data) == "heic"
    prepared = prepare("IMG_0043.HEIC", data, LIMITS)
    assert prepared.media_type is MediaType.JPEG
    assert (prepared.width, prepared.height) == (2016, 1512)
    assert opened(prepared.content).format == "JPEG"
    assert_no_metadata(prepared.content)
    assert_thumbnail(prepared)


def test_a_cmyk_jpeg_is_kept_as_rgb():
    prepared = prepare("leaflet.jpg", media_files.cmyk_jpeg(), LIMITS)
    assert opened(prepared.content).mode == "RGB"


def test_an_animated_png_keeps_its_first_frame():
    prepared = prepare("moving.png", media_files.animated_png(), LIMITS)
    kept = opened(prepared.content)
    assert getattr(kept, "n_frames", 1) == 1
    assert kept.getpixel((1, 1)) == (0, 100, 200)


def test_the_type_comes_from_the_bytes_not_the_name():
    prepared = prepare("holiday.jpg", media_files.png_image(64, 48), LIMITS)
    assert prepared.media_type is MediaType.PNG
    assert sniff(media_files.pdf_document()) == "pdf"
    assert sniff(media_files.renamed_zip()) is None


@pytest.fixture(scope="module")
def order() -> Prepared:
    return prepare("order.pdf", media_files.pdf_document(pages=3), LIMITS)


def test_a_pdf_is_kept_with_its_pages_and_without_its_document_information_or_xmp(order):
    original = media_files.pdf_document(pages=3)
    assert media_files.PDF_AUTHOR.encode() in original
    assert media_files.PDF_XMP_CREATOR.encode() in original
    assert order.media_type is MediaType.PDF
    assert (order.width, order.height) == (None, None)
    with pikepdf.open(io.BytesIO(order.content)) as pdf:
        assert len(pdf.pages) == 3
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
    assert media_files.PDF_AUTHOR.encode() not in order.content
    assert media_files.PDF_XMP_CREATOR.encode() not in order.content


def test_a_pdfs_thumbnail_is_a_jpeg_of_its_first_page(order):
    thumbnail = assert_thumbnail(order)
    assert (
        thumbnail.height == 256 and 180 <= thumbnail.width <= 182
    )  # A4's shape, the longer side at the limit
    # The page is mostly white paper with dark text on it.
    greys = thumbnail.convert("L").getextrema()
    assert greys[1] > 240 and greys[0] < 100


def test_thumbnail_for_makes_the_same_kind_of_thumbnail_from_what_was_kept(order, phone_photo):
    small = AttachmentLimits(thumbnail_px=64)
    assert max(opened(thumbnail_for(order.content, MediaType.PDF, small)).size) == 64
    portrait = opened(thumbnail_for(phone_photo.content, MediaType.JPEG, small))
    assert portrait.size == (48, 64)
    with pytest.raises(MediaRefused, match="stored PNG is not a PNG"):
        thumbnail_for(phone_photo.content, MediaType.PNG, small)


# --- refused ---------------------------------------------------------------------------------------------


def test_a_truncated_jpeg_is_refused_naming_the_file():
    assert refusal("IMG_0044.jpg", media_files.truncated_jpeg()) == (
        "IMG_0044.jpg: is damaged or cut short, so its picture cannot be read"
    )


def test_a_decompression_bomb_is_refused_by_its_pixel_count():
    data = media_files.decompression_bomb_png()
    assert len(data) < 1024 * 1024
    message = refusal("bomb.png", data)
    assert message.startswith("bomb.png: ")
    assert "50 megapixel limit" in message


def test_a_picture_over_the_policys_pixel_limit_is_refused_naming_its_size():
    message = refusal("big.png", media_files.png_image(400, 300), AttachmentLimits(max_pixels=100_000))
    assert message == (
        "big.png: is 400 x 300 pixels (0.12 megapixels), over the 0.1 megapixel limit for a picture "
        "(it may be a decompression bomb)"
    )


def test_refusing_a_bomb_leaves_the_warning_filters_and_pillows_limit_as_they_were():
    filters, limit = list(warnings.filters), Image.MAX_IMAGE_PIXELS
    refusal("bomb.png", media_files.decompression_bomb_png())
    refusal("IMG_0044.jpg", media_files.truncated_jpeg())
    assert list(warnings.filters) == filters
    assert limit == Image.MAX_IMAGE_PIXELS


def test_a_pdf_with_javascript_is_refused():
    assert refusal("order.pdf", media_files.pdf_with_javascript()) == (
        "order.pdf: holds JavaScript, which is not accepted (save it again as a plain PDF or scan it)"
    )


def _pdf_with(change) -> bytes:
    with pikepdf.open(io.BytesIO(media_files.pdf_document(pages=1))) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _page_action(pdf: pikepdf.Pdf) -> None:
    js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pdf.make_indirect(js))


def _names_tree(pdf: pikepdf.Pdf) -> None:
    script = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("1")))
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["a", script])))


def _launch(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))


def _submit(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.SubmitForm, F=pikepdf.String("http://example.invalid")
    )


def _embedded(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ not really a program")


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (_page_action, "JavaScript"),
        (_names_tree, "JavaScript"),
        (_launch, "an action that starts a program (Launch)"),
        (_submit, "a form that sends data elsewhere (SubmitForm)"),
        (_embedded, "embedded files"),
    ],
)
def test_a_pdf_that_acts_is_refused_saying_what_it_holds(change, what):
    assert refusal("letter.pdf", _pdf_with(change)) == (
        f"letter.pdf: holds {what}, which is not accepted (save it again as a plain PDF or scan it)"
    )


def test_a_password_protected_pdf_is_refused():
    message = refusal("licence.pdf", media_files.encrypted_pdf())
    assert message.startswith("licence.pdf: is protected by a password")


def test_a_pdf_encrypted_without_a_user_password_is_refused():
    with pikepdf.open(io.BytesIO(media_files.pdf_document(pages=1))) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-only", user=""))
    assert refusal("licence.pdf", out.getvalue()).startswith("licence.pdf: is encrypted")


def test_a_pdf_over_the_page_limit_is_refused():
    message = refusal("bundle.pdf", media_files.pdf_document(pages=501))
    assert message == "bundle.pdf: has 501 pages, over the 500-page limit for a document"


def test_a_damaged_pdf_is_refused():
    assert refusal("scan.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4) == (
        "scan.pdf: is damaged and cannot be read as a PDF"
    )


def test_a_renamed_zip_is_refused_naming_the_types_accepted():
    assert refusal("photo.jpg", media_files.renamed_zip()) == (
        "photo.jpg: is a ZIP archive (or an Office document), not a JPEG, PNG, HEIC or PDF file"
    )
    assert refusal("photo.jpg", b"MZ\x90\x00" + bytes(100)).startswith("photo.jpg: is a Windows program")
    assert refusal("notes.jpg", b"just some text").endswith(
        "is not a JPEG, PNG, HEIC or PDF file (the types accepted)"
    )


def test_an_empty_file_is_refused():
    assert refusal("IMG_0045.jpg", b"") == "IMG_0045.jpg: the file is empty"


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded():
    data = media_files.jpeg_with_gps()
    size = f"{len(data) / 1024 / 1024:.1f} MB"
    assert refusal("IMG_0042.HEIC", data, AttachmentLimits(max_bytes=1024 * 1024)) == (
        f"IMG_0042.HEIC: {size} is over the 1 MB limit for a file"
    )
    # A bomb that is also too large a file is refused for its size: nothing was decoded.
    assert refusal(
        "bomb.png", media_files.decompression_bomb_png(), AttachmentLimits(max_bytes=1000)
    ).endswith("is over the 1000 bytes limit for a file")


# --- names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_name", "kept"),
    [
        ("../../x.jpg", "x.jpg"),
        ("/etc/passwd", "passwd"),
        ("C:\\Users\\som\\..\\Desktop\\order.pdf", "order.pdf"),
        ("IMG\x00_0042.jpg", "IMG_0042.jpg"),
        ("IMG_\ud800_0042.jpg", "IMG__0042.jpg"),  # a lone surrogate
        ("photo\u202egpj.exe", "photogpj.exe"),  # RIGHT-TO-LEFT OVERRIDE would show "photoexe.jpg"
        ("line\nbreak\r.jpg", "linebreak.jpg"),
        ("what?.jpg", "what_.jpg"),
        (".hidden.jpg", "hidden.jpg"),
        ("..", "unnamed file"),
        ("", "unnamed file"),
        ("\u200b\u2066", "unnamed file"),
        ("Café photo.jpg", "Café photo.jpg"),
    ],
)
def test_a_hostile_name_is_made_safe(given_name, kept):
    assert safe_name(given_name) == kept


def test_a_long_name_is_shortened_to_255_bytes_keeping_its_extension():
    for stem in ("a" * 400, "é" * 300, "写真" * 200):
        kept = safe_name(stem + ".jpeg")
        assert len(kept.encode()) <= 255 and kept.endswith(".jpeg")


def test_the_name_a_file_is_added_with_is_kept_safe_and_refusals_name_it_safely():
    prepared = prepare("../../IMG\u202e_0042.jpg", media_files.face_photo(1), LIMITS)
    assert prepared.original_name == "IMG_0042.jpg"
    assert refusal("C:\\temp\\\u202eevil\n.jpg", b"") == "evil.jpg: the file is empty"


# --- never anything but a refusal ---------------------------------------------------------------------


def test_the_demo_faces_are_different_drawings_that_are_added_as_jpegs():
    faces = {media_files.face_photo(seed) for seed in range(5)}
    assert len(faces) == 5
    assert media_files.face_photo(3) == media_files.face_photo(3)
    assert prepare("face.jpg", media_files.face_photo(3), LIMITS).media_type is MediaType.JPEG


def _small_originals() -> list[bytes]:
    return [
        media_files.jpeg_with_gps(96, 64, orientation=6),
        media_files.png_image(80, 60),
        media_files.animated_png(2),
        media_files.pdf_document(pages=1),
        media_files.heic_photo(64, 48),
    ]


SMALL = _small_originals()
MUTATION_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _prepared_or_refused(data: bytes) -> None:
    try:
        prepared = prepare("fuzz.jpg", data, LIMITS)
    except MediaRefused as refused:
        assert str(refused).startswith("fuzz.jpg: ") and "\n" not in str(refused)
    else:
        assert prepared.sha256 == hashlib.sha256(prepared.content).hexdigest()
        assert sniff(prepared.thumbnail) == "jpeg"


@MUTATION_SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_are_never_anything_but_refused(data):
    _prepared_or_refused(data)


@MUTATION_SETTINGS
@given(
    st.sampled_from(SMALL),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
    st.floats(0.05, 1),
)
def test_damaged_real_files_are_never_anything_but_refused(original, changes, kept_share):
    data = bytearray(original[: max(1, int(len(original) * kept_share))])
    for where, value in changes:
        data[int(where * len(data))] = value
    _prepared_or_refused(bytes(data))


@MUTATION_SETTINGS
@given(st.sampled_from(SMALL), st.integers(0, 64), st.binary(min_size=1, max_size=64))
def test_real_files_with_bytes_inserted_in_their_header_are_never_anything_but_refused(original, at, extra):
    _prepared_or_refused(original[:at] + extra + original[at:])


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (MemoryError(), "photo.png: is too large to open in this computer's memory"),
        (KeyError("tRNS"), "photo.png: is damaged and cannot be read as a PNG file"),
        (RecursionError(), "photo.png: is damaged and cannot be read as a PNG file"),
    ],
)
def test_any_decoder_failure_becomes_a_plain_refusal(monkeypatch, failure, said):
    import somdesk.app.media as media

    def fails(*_args: object) -> None:
        raise failure

    monkeypatch.setattr(media, "clean_image", fails)
    assert refusal("photo.png", media_files.png_image(40, 30)) == said


def test_the_support_log_never_holds_a_refused_files_name(monkeypatch, caplog):
    import somdesk.app.media as media

    def fails(*_args: object) -> None:
        raise ValueError("Alex Example")  # a decoder's text may quote the file's own contents

    monkeypatch.setattr(media, "clean_pdf", fails)
    caplog.set_level("DEBUG")
    refusal("Alex Example licence.pdf", media_files.pdf_document(pages=1))
    assert "ValueError" in caplog.text and "Alex" not in caplog.text


def test_pdf_thumbnails_made_on_several_threads_at_once_are_all_whole(order):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        thumbnails = list(pool.map(lambda _: thumbnail_for(order.content, MediaType.PDF, LIMITS), range(12)))
    assert set(thumbnails) == {thumbnail_for(order.content, MediaType.PDF, LIMITS)}


def test_a_phones_multi_picture_jpeg_keeps_its_first_picture():
    out = io.BytesIO()
    first, second = Image.new("RGB", (200, 150), (250, 0, 0)), Image.new("RGB", (200, 150), (0, 0, 250))
    first.save(out, "MPO", save_all=True, append_images=[second])
    assert getattr(opened(out.getvalue()), "n_frames", 1) == 2
    kept = opened(prepare("depth.jpg", out.getvalue(), LIMITS).content)
    assert getattr(kept, "n_frames", 1) == 1 and _reddish(kept.getpixel((5, 5)))


def test_a_16_bit_grey_png_is_scaled_to_8_bits_not_clipped():
    out = io.BytesIO()
    Image.new("I;16", (64, 48), 32768).save(out, "PNG")
    kept = opened(prepare("scan.png", out.getvalue(), LIMITS).content)
    assert kept.mode == "L" and kept.getpixel((1, 1)) == 128
