"""A photograph made safe: its size read from the header and refused before any decoding when it is a
decompression bomb, every pixel decoded (a damaged file is refused), turned the way the camera meant,
and saved again from its pixels alone, so no EXIF (location, device, time), XMP, ICC profile, comment
or text chunk survives. Pure: bytes in, bytes out."""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps

from somdesk.app.media_errors import Unacceptable

__all__ = [
    "JPEG_QUALITY",
    "THUMBNAIL_QUALITY",
    "CleanImage",
    "clean_image",
    "image_thumbnail",
    "thumbnail_of",
]

JPEG_QUALITY = 88  # a photograph kept: indistinguishable from the camera's to the eye, about half the size
THUMBNAIL_QUALITY = 80

# The Pillow formats each sniffed type may be decoded by: a file is never handed to another decoder.
_FORMATS = {"jpeg": ("JPEG",), "png": ("PNG",), "heic": ("HEIF",)}
_heif_lock = threading.Lock()
_heif_registered = False


@dataclass(frozen=True, slots=True)
class CleanImage:
    content: bytes
    kept_as: str  # "jpeg" or "png"
    width: int
    height: int
    thumbnail: bytes


def _register_heif() -> None:
    """pillow_heif's opener, registered once, on the first HEIC (most photographs are JPEGs)."""
    global _heif_registered
    with _heif_lock:
        if not _heif_registered:
            import pillow_heif

            pillow_heif.register_heif_opener()
            _heif_registered = True


@contextmanager
def _bombs_refused() -> Iterator[None]:
    """Pillow's own decompression bomb warning (and any other decoder warning) as an error, for this
    block only: the process's warning filters are as they were afterwards."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def _opened(data: bytes, kind: str, max_pixels: int) -> Image.Image:
    """The image with its size read from the header, refused over `max_pixels` before decoding."""
    if kind == "heic":
        _register_heif()
    try:
        image = Image.open(io.BytesIO(data), formats=_FORMATS[kind])
    except Image.DecompressionBombError as error:
        raise _too_large(max_pixels) from error
    width, height = image.size
    if width < 1 or height < 1:
        raise Unacceptable("has no picture in it (0 pixels wide or high)")
    if width * height > max_pixels:
        raise Unacceptable(
            f"is {width} x {height} pixels ({_megapixels(width * height)}s), over the "
            f"{_megapixels(max_pixels)} limit for a picture (it may be a decompression bomb)"
        )
    return image


def _too_large(max_pixels: int) -> Unacceptable:
    return Unacceptable(
        f"is over the {_megapixels(max_pixels)} limit for a picture (it may be a decompression bomb)"
    )


def _megapixels(pixels: int) -> str:
    """ "50 megapixel", "12 megapixel", "4.5 megapixel", "0.12 megapixel": two figures at most below ten."""
    millions = pixels / 1e6
    return f"{millions:.0f} megapixel" if millions >= 10 else f"{millions:.2g} megapixel"


def _decoded(data: bytes, kind: str, max_pixels: int) -> Image.Image:
    """Every pixel of the first frame decoded (a truncated file fails here), turned upright. Any further
    frames (an animated PNG, a phone's multi-picture JPEG, a HEIC burst) are left out."""
    with _bombs_refused():
        image = _opened(data, kind, max_pixels)
        try:
            image.load()
        except Image.DecompressionBombError as error:
            raise _too_large(max_pixels) from error
        except Image.DecompressionBombWarning as error:
            raise _too_large(max_pixels) from error
        except OSError as error:
            raise Unacceptable("is damaged or cut short, so its picture cannot be read") from error
        try:
            upright = ImageOps.exif_transpose(image)
        except Exception:  # a damaged EXIF block: the pixels are whole, kept as they are stored
            upright = image
    return upright


def _pixels_only(image: Image.Image, keep_alpha: bool) -> Image.Image:
    """A new image of the same pixels in a plain mode (L, RGB, or with alpha LA, RGBA when kept), holding
    nothing else: no info dictionary, palette, EXIF, ICC profile or comment to be written back."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):  # 16-bit or float grey: scaled to 8 bits
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode in ("P", "L", "RGB", "1") and "transparency" in image.info
    )
    if has_alpha and keep_alpha:
        mode = "LA" if image.mode in ("LA", "La", "L", "1") else "RGBA"
        plain = image.convert(mode)
    elif has_alpha:  # a JPEG has no transparency: the picture over white, as a viewer shows it
        rgba = image.convert("RGBA")
        plain = Image.new("RGB", rgba.size, (255, 255, 255))
        plain.paste(rgba, mask=rgba.getchannel("A"))
    else:
        plain = image.convert("L" if image.mode in ("L", "1") else "RGB")
    # convert() always gives a new image (a copy when the mode is already plain) whose only carried-over
    # state is its info dictionary (EXIF, XMP, ICC profile, comments, dpi...): emptied, nothing is written
    # back. (Copying the pixels out and in again did the same at twice the cost for a 12 MP photograph.)
    plain.info = {}
    return plain


def thumbnail_of(image: Image.Image, longest: int) -> bytes:
    """A JPEG no more than `longest` pixels on its longer side."""
    plain = image if image.mode in ("L", "RGB") and not image.info else _pixels_only(image, keep_alpha=False)
    scale = min(1.0, longest / max(plain.size))
    size = (max(1, round(plain.width * scale)), max(1, round(plain.height * scale)))
    # reducing_gap: a cheap box reduction first, then Lanczos over the last factor of two (as thumbnail()
    # does, without copying the full picture first).
    small = plain.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()


def clean_image(data: bytes, kind: str, max_pixels: int, thumbnail_px: int) -> CleanImage:
    """`data` (a sniffed "jpeg", "png" or "heic") decoded whole and saved again from its pixels: a PNG
    stays a PNG (its transparency kept), anything else becomes a JPEG. Only the first frame is kept."""
    image = _decoded(data, kind, max_pixels)
    kept_as = "png" if kind == "png" else "jpeg"
    plain = _pixels_only(image, keep_alpha=kept_as == "png")
    out = io.BytesIO()
    if kept_as == "png":
        plain.save(out, "PNG", optimize=False, compress_level=6)
    else:
        # optimize=False: a second Huffman pass costs nearly twice the encoding for a 2-3% smaller file.
        plain.save(out, "JPEG", quality=JPEG_QUALITY)
    return CleanImage(out.getvalue(), kept_as, plain.width, plain.height, thumbnail_of(plain, thumbnail_px))


def image_thumbnail(content: bytes, kind: str, max_pixels: int, thumbnail_px: int) -> bytes:
    """The thumbnail of a picture already kept (checked as carefully: it may have come from elsewhere)."""
    image = _decoded(content, kind, max_pixels)
    return thumbnail_of(image, thumbnail_px)
