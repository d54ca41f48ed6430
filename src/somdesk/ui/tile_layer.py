"""Fetches the force's map tiles for the rounds map, off the window's thread (Qt's network access), and
keeps the latest in memory (never on disk). A tile that fails, is too big or is not a picture is left
out and the map draws without it; the map says that its tiles come from the force's server."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from somdesk.app.map_tiles import Tile, tile_url

__all__ = ["MAX_TILE_BYTES", "TileLayer"]

MAX_TILE_BYTES = 1_000_000  # a 256-pixel tile is tens of KB
_KEPT = 256  # tiles kept in memory, the least recently drawn go first


class TileLayer(QObject):
    changed = Signal()  # a tile arrived: draw again

    def __init__(self, template: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.network = QNetworkAccessManager(self)
        self.images: OrderedDict[Tile, QImage] = OrderedDict()
        self.pending: set[Tile] = set()
        self.failed: set[Tile] = set()
        self.requested: list[str] = []  # every address asked for (what left the laptop)

    def image(self, tile: Tile) -> QImage | None:
        found = self.images.get(tile)
        if found is not None:
            self.images.move_to_end(tile)
        return found

    def want(self, tiles: list[Tile]) -> None:
        """Ask for the tiles not held, not on their way and not failed before."""
        for tile in tiles:
            if tile in self.images or tile in self.pending or tile in self.failed:
                continue
            url = tile_url(self.template, tile)
            self.requested.append(url)
            request = QNetworkRequest(QUrl(url))
            request.setTransferTimeout(10_000)
            request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute, 0)  # ManualRedirect
            reply = self.network.get(request)
            reply.setReadBufferSize(MAX_TILE_BYTES + 1)
            self.pending.add(tile)
            reply.finished.connect(lambda reply=reply, tile=tile: self._arrived(reply, tile))

    def _arrived(self, reply: QNetworkReply, tile: Tile) -> None:
        self.pending.discard(tile)
        data = bytes(reply.read(MAX_TILE_BYTES + 1).data())
        ok = reply.error() == QNetworkReply.NetworkError.NoError and 0 < len(data) <= MAX_TILE_BYTES
        reply.deleteLater()
        image = QImage.fromData(data) if ok else QImage()
        if image.isNull() or image.width() > 1024 or image.height() > 1024:
            self.failed.add(tile)
            return
        self.images[tile] = image
        while len(self.images) > _KEPT:
            self.images.popitem(last=False)
        self.changed.emit()
