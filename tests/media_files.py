"""Real photographs and documents, made here, for tests and the demo force: each function returns the
bytes of one file, the same bytes every time (the large ones are kept once made: they take a second or
more). Every picture is drawn (shapes and noise): no real person. The sizes are a phone's and a
scanner's, so the limits and the timings are met as in the field.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from functools import cache

import pikepdf
from PIL import Image, ImageDraw
from PIL.PngImagePlugin import PngInfo

MAKE = "SynthPhone Makers Ltd"  # searched for in stored bytes: it must not survive the way in
MODEL = "SynthPhone 12 Pro"
PNG_TEXT = "Drawn by the somdesk test generator"  # a PNG text chunk, which must not survive either
PDF_AUTHOR = "Sergeant Example Fictional"  # a PDF's document information, which must not survive
PDF_XMP_CREATOR = "Synthetic Scanner Suite"


def _picture(width: int, height: int, seed: int) -> Image.Image:
    """A drawn scene: fine noise (so a JPEG is as large as a phone's) under coloured shapes."""
    rng = random.Random(seed)
    # Noise at a quarter of the size, enlarged: a phone photograph's detail, not pure static.
    small = (max(1, width // 2), max(1, height // 2))
    noise = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3)).resize((width, height))
    sky = Image.new("RGB", (width, height), (90, 140, 200))
    picture = Image.blend(sky, noise, 0.35)
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(max(2, min(width, height) // 20), max(3, min(width, height) // 4))
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        else:
            draw.rectangle((x, y, x + size, y + size // 2), fill=colour)
    # A marker in the top left corner, so a test can tell which way up the picture came out.
    draw.rectangle((0, 0, width // 8, height // 8), fill=(255, 0, 0))
    return picture


def _gps_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = MAKE  # Make
    exif[0x0110] = MODEL  # Model
    exif[0x0112] = orientation  # Orientation
    exif[0x0131] = "SynthPhone OS 17.1"  # Software
    exif.get_ifd(0x8769)[0x9003] = "2026:11:20 14:31:07"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"  # GPSLatitudeRef: a made-up point in a field
    gps[2] = (52.0, 12.0, 34.56)
    gps[3] = "W"
    gps[4] = (1.0, 23.0, 45.67)
    return exif


@cache
def jpeg_with_gps(width: int = 4032, height: int = 3024, orientation: int = 6) -> bytes:
    """A phone photograph as the camera wrote it: 12 MP by default, several MB, with EXIF location
    (GPSInfo), the device (Make, Model, Software), when it was taken and the Orientation tag."""
    out = io.BytesIO()
    _picture(width, height, seed=width * 7 + height).save(
        out, "JPEG", quality=92, exif=_gps_exif(orientation), comment=b"taken with " + MAKE.encode()
    )
    return out.getvalue()


def png_image(w: int = 1600, h: int = 1200) -> bytes:
    """A PNG screenshot-like picture with a text chunk (Comment) and a physical size chunk."""
    info = PngInfo()
    info.add_text("Comment", PNG_TEXT)
    info.add_text("Author", MAKE)
    out = io.BytesIO()
    _picture(w, h, seed=w + h * 3).save(out, "PNG", pnginfo=info, dpi=(300, 300))
    return out.getvalue()


@cache
def heic_photo(w: int = 2016, h: int = 1512) -> bytes:
    """A phone's HEIC photograph with the same EXIF as `jpeg_with_gps` (orientation 1)."""
    import pillow_heif

    heif = pillow_heif.from_pillow(_picture(w, h, seed=w * 11 + h))
    out = io.BytesIO()
    heif.save(out, quality=80, exif=_gps_exif(1).tobytes())
    return out.getvalue()


def _order_letter(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)  # invariant: the same bytes every time
    pdf.setAuthor(PDF_AUTHOR)
    pdf.setTitle("Notification order (fictional)")
    pdf.setSubject("A made-up order for tests")
    _, height = A4
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(72, height - 90, "EXAMPLE MAGISTRATES' COURT (FICTIONAL)")
        pdf.setFont("Helvetica", 11)
        lines = [
            "Notification order: Sexual Offences Act 2003 (an example for software tests only)",
            "Defendant: Alex Example (a made-up person), date of birth 1 January 1980",
            "This document is synthetic. It names no real person, court or case.",
            f"Page {page} of {pages}",
        ]
        for n, line in enumerate(lines):
            pdf.drawString(72, height - 130 - 18 * n, line)
        for n in range(30):
            pdf.drawString(
                72,
                height - 230 - 16 * n,
                f"{n + 1}. The defendant shall notify the police of detail {n + 1}.",
            )
        pdf.rect(400, 60, 120, 60)
        pdf.drawString(410, 85, "Court stamp (fictional)")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _with_xmp(pdf_bytes: bytes) -> bytes:
    """Add XMP metadata, as a scanner's software does, so the way in has some to remove."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["xmp:CreatorTool"] = PDF_XMP_CREATOR
            meta["dc:creator"] = [PDF_AUTHOR]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def pdf_document(pages: int = 3) -> bytes:
    """A scanned-looking fictional order letter with document information (Author) and XMP."""
    return _with_xmp(_order_letter(pages))


def pdf_with_javascript() -> bytes:
    """A one-page PDF that runs JavaScript when opened (/OpenAction)."""
    with pikepdf.open(io.BytesIO(_order_letter(1))) as pdf:
        pdf.Root.OpenAction = pikepdf.Dictionary(
            Type=pikepdf.Name.Action, S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hello');")
        )
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def encrypted_pdf() -> bytes:
    """A PDF that needs a password to open (AES-256). Not the same bytes each time: encryption
    draws a fresh salt; what it holds and how it is refused are the same."""
    with pikepdf.open(io.BytesIO(_order_letter(1))) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret", R=6))
        return out.getvalue()


def truncated_jpeg() -> bytes:
    """A phone photograph cut off half way (a failed copy): the header is whole, the pixels are not."""
    whole = jpeg_with_gps(1200, 900, orientation=1)
    return whole[: len(whole) // 2]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@cache
def decompression_bomb_png(side: int = 40000) -> bytes:
    """A real 40000 x 40000 1-bit black PNG (1.6 gigapixels) in a file of a few hundred KB."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale, no interlace
    row = bytes(1 + (side + 7) // 8)  # filter byte 0, then the row's bits, all black
    packer = zlib.compressobj(9)
    parts = [packer.compress(row * 1000) for _ in range(side // 1000)]
    parts.append(packer.compress(row * (side % 1000)))
    parts.append(packer.flush())
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", b"".join(parts))
        + _png_chunk(b"IEND", b"")
    )


def renamed_zip() -> bytes:
    """A ZIP archive, as it would be if someone named it photo.jpg."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("readme.txt", date_time=(2026, 1, 1, 0, 0, 0))
        archive.writestr(info, "not a photograph\n" * 100)
    return out.getvalue()


def animated_png(frames: int = 3) -> bytes:
    """An animated PNG (APNG) of a few frames of different colours."""
    images = [Image.new("RGB", (320, 240), (60 * n, 100, 200 - 50 * n)) for n in range(frames)]
    out = io.BytesIO()
    images[0].save(out, "PNG", save_all=True, append_images=images[1:], duration=100, loop=0)
    return out.getvalue()


def cmyk_jpeg(w: int = 800, h: int = 600) -> bytes:
    """A print shop's CMYK JPEG (a scanned leaflet)."""
    out = io.BytesIO()
    _picture(w, h, seed=5).convert("CMYK").save(out, "JPEG", quality=90)
    return out.getvalue()


def face_photo(seed: int = 0, size: tuple[int, int] = (600, 800)) -> bytes:
    """A plainly drawn, cartoon-like face (an avatar of ovals and lines) for the demo force: the same
    seed gives the same face. Nothing here is, or resembles a photograph of, a real person."""
    rng = random.Random(seed)
    width, height = size
    background = (rng.randrange(150, 230), rng.randrange(150, 230), rng.randrange(150, 230))
    skin = rng.choice([(241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36), (255, 219, 172)])
    hair = rng.choice([(40, 30, 20), (90, 60, 30), (160, 120, 60), (120, 120, 120), (20, 20, 20)])
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    cx = width // 2
    head_w, head_h = int(width * rng.uniform(0.42, 0.52)), int(height * rng.uniform(0.45, 0.52))
    top = int(height * 0.18)
    draw.rectangle((cx - width // 3, int(height * 0.78), cx + width // 3, height), fill=hair)  # shoulders
    draw.rectangle((cx - head_w // 6, top + head_h - 20, cx + head_w // 6, int(height * 0.82)), fill=skin)
    draw.ellipse((cx - head_w // 2, top, cx + head_w // 2, top + head_h), fill=skin)  # head
    draw.chord((cx - head_w // 2, top - 20, cx + head_w // 2, top + head_h // 2), 180, 360, fill=hair)
    eye_y = top + int(head_h * 0.45)
    for side in (-1, 1):
        ex = cx + side * head_w // 5
        draw.ellipse((ex - 18, eye_y - 10, ex + 18, eye_y + 10), fill=(255, 255, 255))
        draw.ellipse((ex - 7, eye_y - 7, ex + 7, eye_y + 7), fill=(50, 50, 80))
        draw.line((ex - 22, eye_y - 24, ex + 22, eye_y - 20 - rng.randrange(8)), fill=hair, width=6)
    nose_y = top + int(head_h * 0.62)
    draw.line((cx, eye_y + 10, cx - 10, nose_y, cx + 6, nose_y), fill=(120, 80, 60), width=3)
    mouth_y = top + int(head_h * 0.75)
    draw.arc((cx - 40, mouth_y - 20, cx + 40, mouth_y + 20), 20, 160, fill=(140, 40, 40), width=5)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()
