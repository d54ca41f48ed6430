"""Photographs and documents for the demo force: drawn avatars (flat shapes and colours, plainly not a
photograph of anyone), drawings of a tattoo, a vehicle and a home, and a fictional order marked
SYNTHETIC. The same seed gives the same bytes. The JPEGs are made as app/media.py keeps a photograph
(RGB, no metadata, a thumbnail of the same longer side), small so the demo profile is still made in
moments.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PIL import Image, ImageDraw

from somdesk.domain.attachments import AttachmentCategory, AttachmentLimits, MediaType
from somdesk.domain.dates import add_days
from somdesk.domain.model import Nominal

__all__ = [
    "PHOTO_SIZE",
    "DemoAttachment",
    "DemoFile",
    "avatar",
    "demo_attachments",
    "drawing",
    "order_pdf",
    "photo_file",
]

PHOTO_SIZE = (480, 600)  # width, height: a small portrait JPEG (about 20-30 KB)
THUMBNAIL_PX = AttachmentLimits().thumbnail_px
SKIN = [(241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36), (255, 219, 172)]
HAIR = [(40, 30, 20), (90, 60, 30), (160, 120, 60), (120, 120, 120), (20, 20, 20), (170, 60, 30)]
BACKGROUND = [(176, 196, 222), (200, 220, 190), (230, 210, 180), (210, 190, 220), (190, 200, 205)]


@dataclass(frozen=True, slots=True)
class DemoFile:
    """A demo photograph or document, as app/media.py's `Prepared` describes a file made safe to keep."""

    media_type: MediaType
    content: bytes
    thumbnail: bytes
    width: int | None
    height: int | None
    sha256: str
    original_name: str


@dataclass(frozen=True, slots=True)
class DemoAttachment:
    """One photograph or document to keep with a demo person."""

    nominal_id: str
    category: AttachmentCategory
    taken_on: date
    taken_by: str
    caption: str
    file: DemoFile


def avatar(seed: int, look: int = 0) -> Image.Image:
    """A cartoon face of flat shapes: skin, hair, eyes, nose and mouth chosen from the seed (the same
    person whatever `look`); the background, shirt and hair style from `look` (an earlier photograph
    of the same person)."""
    rng = random.Random(seed)
    dress = random.Random(seed * 1_000_003 + look)
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, dress.choice(BACKGROUND))
    draw = ImageDraw.Draw(image)
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    shirt = (dress.randrange(30, 200), dress.randrange(30, 200), dress.randrange(30, 200))
    cx = width // 2
    head_w, head_h = int(width * rng.uniform(0.46, 0.58)), int(height * rng.uniform(0.42, 0.50))
    top = int(height * rng.uniform(0.14, 0.2))
    draw.ellipse((cx - width // 2, int(height * 0.78), cx + width // 2, int(height * 1.3)), fill=shirt)
    draw.rectangle((cx - head_w // 6, top + head_h - 30, cx + head_w // 6, int(height * 0.84)), fill=skin)
    for side in (-1, 1):  # ears
        ex = cx + side * head_w // 2
        draw.ellipse((ex - 18, top + head_h // 2 - 25, ex + 18, top + head_h // 2 + 25), fill=skin)
    draw.ellipse((cx - head_w // 2, top, cx + head_w // 2, top + head_h), fill=skin)
    style = (rng.randrange(3) + look) % 3
    if style == 0:  # short hair: a cap of colour
        draw.chord((cx - head_w // 2, top - 15, cx + head_w // 2, top + head_h // 2), 180, 360, fill=hair)
    elif style == 1:  # bald, with a beard
        draw.chord(
            (cx - head_w // 2, top + head_h // 3, cx + head_w // 2, top + head_h + 10), 0, 180, fill=hair
        )
        draw.ellipse(
            (cx - head_w // 2 + 25, top + head_h // 2, cx + head_w // 2 - 25, top + head_h - 25), fill=skin
        )
    # a third style: no hair drawn at all
    eye_y = top + int(head_h * 0.42)
    eye_gap = head_w // rng.choice([4, 5])
    for side in (-1, 1):
        ex = cx + side * eye_gap
        draw.ellipse((ex - 20, eye_y - 12, ex + 20, eye_y + 12), fill=(255, 255, 255))
        draw.ellipse((ex - 8, eye_y - 8, ex + 8, eye_y + 8), fill=rng.choice([(50, 50, 80), (70, 110, 60)]))
        brow = eye_y - 26 - rng.randrange(8)
        draw.line((ex - 24, brow, ex + 24, brow + side * rng.randrange(-4, 5)), fill=hair, width=7)
    nose_y = top + int(head_h * 0.62)
    draw.polygon([(cx, eye_y + 12), (cx - 14, nose_y), (cx + 10, nose_y)], fill=_darker(skin))
    mouth_y = top + int(head_h * 0.76)
    mouth_w = rng.randrange(28, 50)
    draw.arc((cx - mouth_w, mouth_y - 18, cx + mouth_w, mouth_y + 18), 20, 160, fill=(140, 40, 40), width=6)
    if rng.random() < 0.3:  # glasses
        for side in (-1, 1):
            ex = cx + side * eye_gap
            draw.rectangle((ex - 30, eye_y - 22, ex + 30, eye_y + 22), outline=(30, 30, 30), width=5)
        draw.line((cx - eye_gap + 30, eye_y, cx + eye_gap - 30, eye_y), fill=(30, 30, 30), width=5)
    draw.text((10, height - 20), "SYNTHETIC", fill=(90, 90, 90))
    return image


def _darker(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    r, g, b = colour
    return (int(r * 0.8), int(g * 0.8), int(b * 0.8))


def drawing(category: AttachmentCategory, seed: int) -> Image.Image:
    """A plain drawing of a tattoo on an arm (MARKS), a car (VEHICLE) or a house (HOME)."""
    rng = random.Random(seed)
    width, height = PHOTO_SIZE[1], PHOTO_SIZE[0]  # landscape
    image = Image.new("RGB", (width, height), rng.choice(BACKGROUND))
    draw = ImageDraw.Draw(image)
    colour = (rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220))
    if category is AttachmentCategory.MARKS:
        draw.rounded_rectangle((40, 150, width - 40, 330), radius=80, fill=rng.choice(SKIN))
        cx, cy = width // 2 + rng.randrange(-80, 80), 240
        points = [
            (cx, cy - 60),
            (cx + 20, cy - 15),
            (cx + 65, cy - 15),
            (cx + 30, cy + 15),
            (cx + 45, cy + 60),
        ]
        points += [
            (cx, cy + 32),
            (cx - 45, cy + 60),
            (cx - 30, cy + 15),
            (cx - 65, cy - 15),
            (cx - 20, cy - 15),
        ]
        draw.polygon(points, outline=(20, 40, 90), width=6)
    elif category is AttachmentCategory.VEHICLE:
        draw.rectangle((0, 330, width, height), fill=(90, 90, 90))
        draw.rounded_rectangle((110, 200, 490, 320), radius=30, fill=colour)
        draw.polygon([(190, 200), (240, 130), (380, 130), (430, 200)], fill=colour)
        draw.polygon([(205, 198), (248, 142), (372, 142), (414, 198)], fill=(200, 225, 240))
        for x in (190, 410):
            draw.ellipse((x - 42, 280, x + 42, 364), fill=(25, 25, 25))
        draw.rectangle((260, 290, 340, 312), fill=(250, 250, 250))
        draw.text((268, 295), "SYN 0" + str(rng.randrange(10, 99)), fill=(0, 0, 0))
    else:
        draw.rectangle((0, 380, width, height), fill=(110, 160, 90))
        draw.rectangle((150, 200, 450, 380), fill=colour)
        draw.polygon([(130, 205), (300, 90), (470, 205)], fill=(120, 60, 50))
        draw.rectangle((275, 290, 325, 380), fill=(70, 50, 40))
        for x in (180, 360):
            draw.rectangle((x, 230, x + 60, 280), fill=(200, 225, 240))
    draw.text((10, height - 20), "SYNTHETIC DRAWING", fill=(60, 60, 60))
    return image


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False)
    return out.getvalue()


def _thumbnail(image: Image.Image) -> bytes:
    # Bilinear, not Image.thumbnail's Lanczos: flat drawn shapes look the same, in a third of the time.
    scale = THUMBNAIL_PX / max(image.size)
    size = (round(image.width * scale), round(image.height * scale))
    return _jpeg(image.resize(size, Image.Resampling.BILINEAR), 80)


def photo_file(image: Image.Image, name: str) -> DemoFile:
    """A drawn picture kept as a photograph is: a JPEG without metadata, and its thumbnail."""
    content = _jpeg(image, 85)
    return DemoFile(
        MediaType.JPEG,
        content,
        _thumbnail(image),
        image.width,
        image.height,
        hashlib.sha256(content).hexdigest(),
        name,
    )


def order_pdf(name: str, visor_ref: str, made_on: date) -> DemoFile:
    """A one-page fictional notification order for a demo person, marked SYNTHETIC, with a drawn
    thumbnail of its first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)  # invariant: the same bytes every time
    pdf.setTitle("Notification order (SYNTHETIC)")
    width, height = A4
    pdf.setFont("Helvetica-Bold", 15)
    pdf.drawString(72, height - 90, "NORTHMERE MAGISTRATES' COURT (FICTIONAL)")
    pdf.setFont("Helvetica", 11)
    lines = [
        "Notification order, Sexual Offences Act 2003 s.97: a SYNTHETIC document for the somdesk demo.",
        f"Defendant: {name} (a made-up person), ViSOR {visor_ref}",
        f"Made on {made_on:%d %B %Y}. This names no real person, court or case.",
    ]
    for n, line in enumerate(lines):
        pdf.drawString(72, height - 130 - 18 * n, line)
    for n in range(12):
        pdf.drawString(
            72, height - 220 - 16 * n, f"{n + 1}. The defendant shall notify the police of detail {n + 1}."
        )
    pdf.setFont("Helvetica-Bold", 48)
    pdf.setFillGray(0.85)
    pdf.drawCentredString(width / 2, 200, "SYNTHETIC")
    pdf.showPage()
    pdf.save()
    content = out.getvalue()
    page = Image.new("RGB", (181, 256), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle((20, 24, 160, 32), fill=(40, 40, 40))
    for n in range(14):
        draw.rectangle((20, 48 + 10 * n, 150 - (n * 7) % 40, 52 + 10 * n), fill=(150, 150, 150))
    draw.text((45, 210), "SYNTHETIC", fill=(190, 190, 190))
    return DemoFile(
        MediaType.PDF,
        content,
        _jpeg(page, 80),
        None,
        None,
        hashlib.sha256(content).hexdigest(),
        f"order-{visor_ref}.pdf",
    )


# Who has what: most of the demo SOM's caseload and of the panel cases, and a share of the rest, have a
# current face photograph;
# some also an older one; a few a tattoo, vehicle or home drawing, or their order as a PDF.
OWN_FACES, OTHER_FACES, OLDER_FACE, DRAWN, ORDERS = 0.85, 0.04, 0.2, 0.08, 0.05
DRAWN_KINDS = (AttachmentCategory.MARKS, AttachmentCategory.VEHICLE, AttachmentCategory.HOME)
CAPTIONS = {
    AttachmentCategory.MARKS: "Tattoo, left forearm (drawn)",
    AttachmentCategory.VEHICLE: "Car seen outside the home (drawn)",
    AttachmentCategory.HOME: "Front of the home address (drawn)",
}


def demo_attachments(
    nominals: Sequence[Nominal], officers: Mapping[str, str], som_id: str | None, seed: int, today: date
) -> list[DemoAttachment]:
    """The photographs and documents of a demo force: `officers` names by id (who took each), `som_id`
    the demo SOM whose caseload, with the panel cases, gets the most."""
    rng = random.Random(seed * 31 + 22)
    out: list[DemoAttachment] = []
    for n in nominals:
        # The demo SOM's own cases, and panel cases (level 2-3, whose pack prints the photograph).
        likely = (som_id is not None and n.officer_id == som_id) or n.mappa.level >= 2
        if rng.random() >= (OWN_FACES if likely else OTHER_FACES):
            continue
        by = officers.get(n.officer_id or "", "Demo officer")
        face_seed = int(n.id.replace("-", "")[:12], 16) ^ seed  # the person's own face, each time
        taken = add_days(today, -rng.randint(7, 330))
        face = photo_file(avatar(face_seed), f"face-{n.visor_ref}.jpg")
        out.append(
            DemoAttachment(n.id, AttachmentCategory.FACE, taken, by, "At the annual notification", face)
        )
        if rng.random() < OLDER_FACE:
            older = photo_file(avatar(face_seed, look=1), f"face-{n.visor_ref}-earlier.jpg")
            when = add_days(taken, -rng.randint(400, 1200))
            out.append(DemoAttachment(n.id, AttachmentCategory.FACE, when, by, "Earlier photograph", older))
        if rng.random() < DRAWN:
            kind = rng.choice(DRAWN_KINDS)
            picture = photo_file(drawing(kind, rng.randrange(1 << 30)), f"{kind.value}-{n.visor_ref}.jpg")
            when = add_days(today, -rng.randint(7, 200))
            out.append(DemoAttachment(n.id, kind, when, by, CAPTIONS[kind], picture))
        if rng.random() < ORDERS:
            made = add_days(today, -rng.randint(60, 900))
            document = order_pdf(n.display_name, n.visor_ref, made)
            out.append(
                DemoAttachment(
                    n.id, AttachmentCategory.ORDER, made, by, "Notification order (synthetic)", document
                )
            )
    return out
